import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SMTPServerAuthentication } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import type { OutgoingMessage } from '../../src/models/message.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { startScriptedSmtp } from './scripted-smtp.ts';

const PASSWORD = 'relay-pass-0042';
// The test server's certificate is made for this run: the client is told not to check it.
const INSECURE = '?tls.rejectUnauthorized=false';

function message(to: string): OutgoingMessage {
  return {
    from: 'Digest <digest@example.org>',
    to,
    subject: 'Over TLS',
    html: '<p>Hello</p>',
    text: 'Hello',
    messageId: `<${to}>`,
    headers: {},
    attachments: [],
    date: new Date(),
  };
}

/** A relay as in production: TLS (STARTTLS or from the start) and a login, remembered per session. */
describe('sending through a relay that wants TLS and a login', () => {
  const temp = makeTempDir('digest-tls-');
  let key = '';
  let cert = '';
  beforeAll(() => {
    const [keyFile, certFile] = [join(temp.dir, 'key.pem'), join(temp.dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    key = readFileSync(keyFile, 'utf8');
    cert = readFileSync(certFile, 'utf8');
  });
  afterAll(() => temp.remove());

  async function relay(secure: boolean) {
    const sessions: { user: string | undefined; secure: boolean }[] = [];
    const smtp = await startScriptedSmtp(
      {},
      {
        server: {
          secure,
          key,
          cert,
          disabledCommands: [],
          authOptional: false,
          authMethods: ['PLAIN', 'LOGIN'],
          onAuth(auth: SMTPServerAuthentication, session, callback) {
            sessions.push({ user: auth.username, secure: session.secure });
            if (auth.username === 'ana' && auth.password === PASSWORD)
              callback(null, { user: auth.username });
            else callback(Object.assign(new Error('bad login'), { responseCode: 535 }));
          },
        },
      },
    );
    return { smtp, sessions };
  }

  it('upgrades with STARTTLS (required), logs in once per session, and delivers', async () => {
    const { smtp, sessions } = await relay(false);
    const mailer = createSmtpMailer(`smtp://ana:${PASSWORD}@127.0.0.1:${smtp.port}/${INSECURE}`, {
      requireTLS: true,
      maxConnections: 1,
    });
    try {
      await mailer.send(message('a@example.org'));
      await mailer.send(message('b@example.org'));
    } finally {
      mailer.close();
      await smtp.close();
    }
    expect(smtp.accepted.map((a) => a.to)).toEqual(['a@example.org', 'b@example.org']);
    expect(sessions).toEqual([{ user: 'ana', secure: true }]);
  });

  it('speaks TLS from the start with smtps://', async () => {
    const { smtp, sessions } = await relay(true);
    const mailer = createSmtpMailer(`smtps://ana:${PASSWORD}@127.0.0.1:${smtp.port}/${INSECURE}`);
    try {
      await mailer.send(message('c@example.org'));
    } finally {
      mailer.close();
      await smtp.close();
    }
    expect(smtp.accepted.map((a) => a.to)).toEqual(['c@example.org']);
    expect(sessions).toEqual([{ user: 'ana', secure: true }]);
  });
});
