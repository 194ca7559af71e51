import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

/** An SMTP error reply the script gives. */
export interface Reply {
  code: number;
  message: string;
}

/** How the server answers; every hook is told how often this address was tried at that step. */
export interface Script {
  /** Reply to RCPT TO: null accepts. */
  rcpt?: (address: string, tries: number) => Reply | null;
  /** After the message data: null accepts, 'drop' cuts the connection in the middle of DATA. */
  data?: (recipient: string, tries: number) => Reply | 'drop' | null;
}

/** One accepted message: its envelope sender and recipient, Message-ID, and (when kept) the raw bytes. */
export interface Accepted {
  /** MAIL FROM: the VERP address of the delivery. */
  from: string;
  to: string;
  messageId: string | null;
  raw: Buffer | null;
}

/**
 * A real SMTP server (smtp-server) on a loopback port whose replies a test scripts. Accepted
 * messages are counted by recipient and Message-ID, so duplicates show.
 */
export async function startScriptedSmtp(
  script: Script = {},
  options: { port?: number; keepRaw?: boolean; server?: Partial<SMTPServerOptions> } = {},
) {
  const accepted: Accepted[] = [];
  const rcptTries = new Map<string, number>();
  const dataTries = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => {
    const n = (map.get(key) ?? 0) + 1;
    map.set(key, n);
    return n;
  };
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const reply = script.rcpt?.(address.address, bump(rcptTries, address.address)) ?? null;
      callback(reply ? replyError(reply) : undefined);
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo[0]?.address ?? '';
      const verdict = script.data?.(to, bump(dataTries, to)) ?? null;
      const chunks: Buffer[] = [];
      let head = '';
      stream.on('data', (c: Buffer) => {
        if (verdict === 'drop') return dropConnection(server, session);
        if (head.length < 16_384) head += c.toString('latin1');
        if (options.keepRaw !== false) chunks.push(c);
      });
      stream.on('end', () => {
        if (verdict === 'drop') return;
        if (verdict) return callback(replyError(verdict));
        accepted.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to,
          messageId: messageIdOf(head),
          raw: options.keepRaw === false ? null : Buffer.concat(chunks),
        });
        callback();
      });
    },
    ...options.server,
  });
  // A client killed mid-session (the crash test) resets its socket: that is the scenario, not a
  // server failure. Kept for tests to look at rather than thrown as an unhandled 'error'.
  const socketErrors: Error[] = [];
  server.on('error', (error) => socketErrors.push(error));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    rcptTries,
    socketErrors,
    /** How many times each Message-ID was accepted. */
    countByMessageId(): Map<string, number> {
      const counts = new Map<string, number>();
      for (const a of accepted) counts.set(a.messageId ?? '', (counts.get(a.messageId ?? '') ?? 0) + 1);
      return counts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type ScriptedSmtp = Awaited<ReturnType<typeof startScriptedSmtp>>;

function replyError(reply: Reply): Error {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}

function messageIdOf(head: string): string | null {
  const headers = head.split(/\r?\n\r?\n/)[0] ?? '';
  return /^message-id:\s*(<[^>\s]+>)/im.exec(headers)?.[1] ?? null;
}

/** Cuts the client's connection as a crashing server or network would. */
function dropConnection(server: SMTPServer, session: SMTPServerSession): void {
  const connections = (
    server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }
  ).connections;
  for (const c of connections) if (c.id === session.id) c._socket.destroy();
}

/** A loopback port with nothing listening on it (yet). */
export async function freePort(): Promise<number> {
  const probe = new SMTPServer({ logger: false });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.server.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
