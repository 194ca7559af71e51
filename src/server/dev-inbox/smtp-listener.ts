import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { SMTPServer } from 'smtp-server';
import { DigestError } from '../../errors.ts';
import type { MessageStore } from './message-store.ts';
import type { Envelope } from './message-summary.ts';

/** Largest message the dev inbox accepts (10 MB). */
export const SMTP_SIZE_LIMIT = 10 * 1024 * 1024;

/** A listening SMTP server and how to stop it. */
export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/** Starts an SMTP server that accepts any sender and recipient and stores every message. */
export async function listenSmtp(options: {
  host: string;
  port: number;
  store: MessageStore;
  onError: (error: Error) => void;
}): Promise<SmtpListener> {
  const { host, port, store, onError } = options;
  const pending = new Set<Promise<unknown>>();
  const server = new SMTPServer({
    name: 'dev-inbox.localhost',
    banner: 'dev inbox: mail is kept, never delivered',
    size: SMTP_SIZE_LIMIT,
    authOptional: true,
    // Any credentials pass: an SMTP_URL with user:pass must work against the dev inbox too.
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'dev' }),
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1000,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const saving = store.save(stream, readEnvelope(session)).then(
        () => callback(),
        (error: Error) => callback(error),
      );
      pending.add(saving);
      void saving.finally(() => pending.delete(saving));
    },
  });
  const boundPort = await listen(server, host, port);
  server.on('error', onError);
  return {
    port: boundPort,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(pending);
    },
  };
}

function readEnvelope(session: SMTPServerSession): Envelope {
  const { mailFrom, rcptTo } = session.envelope;
  return { from: mailFrom ? mailFrom.address : '', to: rcptTo.map((rcpt) => rcpt.address) };
}

function listen(server: SMTPServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (cause: Error) => reject(explainListenError(cause, host, port));
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function explainListenError(cause: Error, host: string, port: number): DigestError {
  const code = 'code' in cause ? cause.code : undefined;
  const reason =
    code === 'EADDRINUSE'
      ? `port ${port} is already in use on ${host} (another dev inbox or mail server?): stop it, or choose another port (DEV_INBOX_SMTP_PORT)`
      : code === 'EACCES'
        ? `not allowed to listen on port ${port} on ${host}`
        : cause.message;
  return new DigestError('CONFIG_INVALID', `dev inbox: cannot start the SMTP server: ${reason}`, {
    cause,
    data: { host, port },
  });
}
