import { afterEach, describe, expect, it } from 'vitest';
import { classifySmtpError, createSmtpMailer } from '../../src/deliver/smtp.ts';
import { addresses, makeOutbox } from './outbox-fixture.ts';
import { runCli } from './run-cli.ts';
import { startScriptedSmtp } from './scripted-smtp.ts';

const PASSWORD = 'S3cret!pass-4711';
const URL_PASSWORD = encodeURIComponent(PASSWORD);

/** A server that wants a login and refuses every one. */
const refusingLogin = () =>
  startScriptedSmtp(
    {},
    {
      server: {
        authOptional: false,
        allowInsecureAuth: true,
        authMethods: ['PLAIN', 'LOGIN'],
        onAuth: (_auth, _session, callback) =>
          callback(
            Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }),
          ),
      },
    },
  );

describe('an SMTP session that cannot work', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('pauses the edition at the first refused login, fails nobody, and never shows the password', async () => {
    const smtp = await refusingLogin();
    const outbox = await makeOutbox(addresses(3));
    const mailer = createSmtpMailer(`smtp://ana:${URL_PASSWORD}@127.0.0.1:${smtp.port}`, {
      maxConnections: 1,
    });
    cleanup.push(
      () => smtp.close(),
      () => outbox.close(),
      () => mailer.close(),
    );
    const report = await outbox.deliver(mailer, await outbox.open());
    expect(report.outcome).toBe('paused');
    expect(report.reason).toMatch(/the SMTP server refused the session: SMTP 535/);
    expect(report.progress).toMatchObject({ queued: 3, failed: 0, sent: 0, sending: 0 });
    const shown = JSON.stringify(report);
    expect(shown).not.toContain(PASSWORD);
    expect(shown).not.toContain(URL_PASSWORD);
  });

  it('with SMTP_REQUIRE_TLS, refuses to send to a server that offers no STARTTLS', async () => {
    const smtp = await startScriptedSmtp();
    const outbox = await makeOutbox(addresses(2));
    const mailer = createSmtpMailer(smtp.url, { requireTLS: true });
    cleanup.push(
      () => smtp.close(),
      () => outbox.close(),
      () => mailer.close(),
    );
    const report = await outbox.deliver(mailer, await outbox.open());
    expect(report.outcome).toBe('paused');
    expect(report.reason).toMatch(/refused the session: SMTP/);
    expect(report.progress).toMatchObject({ queued: 2, failed: 0 });
    expect(smtp.accepted).toHaveLength(0);
  });

  it('`digest send` exits 1 with the pause and how to resume, and no password anywhere in its output', async () => {
    const smtp = await refusingLogin();
    const outbox = await makeOutbox(['ana@example.org']);
    cleanup.push(
      () => smtp.close(),
      () => outbox.close(),
    );
    await outbox.store.close();
    const child = await runCli(['send', 'examples/articles', '--now', '2022-01-06'], {
      DIGEST_DB: outbox.dbPath,
      SMTP_URL: `smtp://ana:${URL_PASSWORD}@127.0.0.1:${smtp.port}`,
      UNSUBSCRIBE_SECRET: 'test-secret-0123456789',
    });
    const output = `${child.stdout}\n${child.stderr}`;
    expect(child.status, output).toBe(1);
    expect(child.stdout).toMatch(/paused: the SMTP server refused the session: SMTP 535/);
    expect(child.stdout).toMatch(/digest send --resume/);
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toContain(URL_PASSWORD);
    expect(output).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  });
});

describe('sorting SMTP failures', () => {
  const fail = (fields: Record<string, unknown>) => classifySmtpError(Object.assign(new Error('x'), fields));

  it('treats 4xx, dropped and timed-out connections as temporary', () => {
    expect(fail({ responseCode: 421, command: 'RCPT TO', code: 'EENVELOPE' })).toMatchObject({
      code: 'SMTP_TEMPORARY',
      retryable: true,
    });
    expect(fail({ code: 'ECONNECTION' }).code).toBe('SMTP_TEMPORARY');
    expect(fail({ code: 'ETIMEDOUT' }).code).toBe('SMTP_TEMPORARY');
    expect(fail({ responseCode: 554, command: 'CONN', code: 'EPROTOCOL' }).code).toBe('SMTP_TEMPORARY');
  });

  it('bounces only on mailbox-unknown answers to the recipient', () => {
    for (const reply of [550, 551, 553]) {
      expect(fail({ responseCode: reply, command: 'RCPT TO', code: 'EENVELOPE' }).data.bounce).toBe(true);
    }
    expect(fail({ responseCode: 552, command: 'RCPT TO', code: 'EENVELOPE' }).data.bounce).toBe(false);
    expect(fail({ responseCode: 550, command: 'DATA', code: 'EMESSAGE' })).toMatchObject({
      code: 'SMTP_PERMANENT',
      data: { bounce: false },
    });
  });

  it('treats a refused login, TLS failure or refused sender as a setup problem', () => {
    expect(fail({ responseCode: 535, code: 'EAUTH' }).code).toBe('SMTP_SETUP');
    expect(fail({ code: 'ETLS' }).code).toBe('SMTP_SETUP');
    expect(fail({ responseCode: 553, command: 'MAIL FROM', code: 'EENVELOPE' }).code).toBe('SMTP_SETUP');
  });

  it('removes credentials from the message, raw, URL-encoded or base64', () => {
    const error = classifySmtpError(
      new Error(`login ana ${PASSWORD} ${Buffer.from(PASSWORD).toString('base64')} smtp://ana:x@h`),
      ['ana', PASSWORD],
    );
    expect(error.message).toBe('SMTP error: login *** *** *** smtp://***@h');
  });
});
