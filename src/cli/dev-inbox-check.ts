import { connect } from 'node:net';
import type { Config } from '../config.ts';
import { DigestError } from '../errors.ts';

/** What to tell someone whose mail would go to a dev inbox that is not running. */
export function devInboxDownMessage(config: Readonly<Config>): string {
  return (
    `no SMTP_URL is set, so mail goes to the dev inbox on 127.0.0.1:${config.devInboxSmtpPort}, and it is not ` +
    'running: start it with `npm start` (or `npm run digest -- serve`) in another terminal, or set SMTP_URL ' +
    'to send through your relay'
  );
}

/**
 * Before a send without SMTP_URL: checks that the dev inbox listens, and stops with what to do
 * when it does not, before anything is recorded (instead of 20 refused connections and a pause).
 */
export async function requireDevInbox(config: Readonly<Config>): Promise<void> {
  if (config.smtpUrl !== null) return;
  const listening = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: config.devInboxSmtpPort, timeout: 2000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
  if (!listening) throw new DigestError('SMTP_SETUP', devInboxDownMessage(config));
}
