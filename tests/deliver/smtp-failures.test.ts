import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import { addresses, makeOutbox } from './outbox-fixture.ts';
import { freePort, type ScriptedSmtp, startScriptedSmtp } from './scripted-smtp.ts';

describe('delivery against an SMTP server scripted to fail', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  async function setup(emails: string[], smtp: ScriptedSmtp) {
    const outbox = await makeOutbox(emails);
    const mailer = createSmtpMailer(smtp.url, { maxConnections: 2 });
    cleanup.push(
      () => smtp.close(),
      () => outbox.close(),
      () => mailer.close(),
    );
    return { outbox, mailer, editionId: await outbox.open() };
  }
  const once = (smtp: ScriptedSmtp, emails: string[]) =>
    expect(smtp.accepted.map((a) => a.to).sort()).toEqual([...emails].sort());

  it('retries 421 and 450 replies with backoff and delivers each message once', async () => {
    const emails = ['a@example.org', 'b@example.org', 'c@example.org'];
    const smtp = await startScriptedSmtp({
      rcpt: (to, tries) => {
        if (to === 'a@example.org' && tries === 1) return { code: 421, message: 'Service not available' };
        if (to === 'b@example.org' && tries <= 2) return { code: 450, message: 'Mailbox busy' };
        return null;
      },
    });
    const { outbox, mailer, editionId } = await setup(emails, smtp);
    const report = await outbox.deliver(mailer, editionId);
    expect(report).toMatchObject({ outcome: 'done', progress: { sent: 3, failed: 0, queued: 0 } });
    // Both got past their 421 and 450: the report names no error of a delivery that was sent.
    expect(report.lastErrors).toEqual([]);
    once(smtp, emails);
    expect(smtp.rcptTries.get('b@example.org')).toBe(3);
  });

  it('fails a delivery whose temporary failure outlasts the attempt limit, and sends the others', async () => {
    const emails = addresses(4);
    const smtp = await startScriptedSmtp({
      rcpt: (to) => (to === 'r2@example.org' ? { code: 451, message: 'Try again later' } : null),
    });
    const { outbox, mailer, editionId } = await setup(emails, smtp);
    const report = await outbox.deliver(mailer, editionId, { maxAttempts: 3 });
    expect(report.progress).toMatchObject({ sent: 3, failed: 1, queued: 0 });
    expect(smtp.rcptTries.get('r2@example.org')).toBe(3);
    expect(report.lastErrors.at(-1)).toMatch(/r2@example\.org: SMTP 451/);
    const [error] = await outbox.store.deliveryErrors(editionId, 10);
    expect(error).toMatchObject({ email: 'r2@example.org', status: 'failed' });
  });

  it('marks a subscriber bounced on 550 to RCPT TO, and the next edition skips them', async () => {
    const emails = ['a@example.org', 'gone@example.org'];
    const smtp = await startScriptedSmtp({
      rcpt: (to) => (to === 'gone@example.org' ? { code: 550, message: '5.1.1 No such user' } : null),
    });
    const { outbox, mailer, editionId } = await setup(emails, smtp);
    const report = await outbox.deliver(mailer, editionId);
    expect(report.progress).toMatchObject({ sent: 1, failed: 1 });
    expect(smtp.rcptTries.get('gone@example.org')).toBe(1);
    const gone = await outbox.store.findSubscriber('gone@example.org');
    expect(gone?.status).toBe('bounced');
    // The refusal is a bounce event too: the reason `subscribers list --status bounced` shows.
    expect((await outbox.store.bounces.reasons([gone?.id ?? 0])).get(gone?.id ?? 0)).toMatchObject({
      kind: 'hard',
      matchedBy: 'session',
      source: 'smtp',
      code: '550',
      editionId,
      action: 'bounced',
    });

    const next = await outbox.open();
    expect((await outbox.deliver(mailer, next)).progress).toMatchObject({ sent: 1, total: 1 });
    expect(smtp.accepted.map((a) => a.to)).toEqual(['a@example.org', 'a@example.org']);
  });

  it('fails without bouncing on a 554 to the message, and does not retry it', async () => {
    const smtp = await startScriptedSmtp({
      data: () => ({ code: 554, message: 'Message rejected as spam' }),
    });
    const { outbox, mailer, editionId } = await setup(['a@example.org'], smtp);
    const report = await outbox.deliver(mailer, editionId);
    expect(report.progress).toMatchObject({ sent: 0, failed: 1 });
    expect((await outbox.store.findSubscriber('a@example.org'))?.status).toBe('active');
  });

  it('retries a message whose connection dropped in the middle of DATA and delivers it once', async () => {
    const emails = addresses(3);
    const smtp = await startScriptedSmtp({
      data: (to, tries) => (to === 'r1@example.org' && tries === 1 ? 'drop' : null),
    });
    const { outbox, mailer, editionId } = await setup(emails, smtp);
    const report = await outbox.deliver(mailer, editionId);
    expect(report).toMatchObject({ outcome: 'done', progress: { sent: 3, failed: 0 } });
    once(smtp, emails);
  });

  it('keeps retrying while the server is down and delivers everything once when it comes back', async () => {
    const emails = addresses(5);
    const port = await freePort();
    const outbox = await makeOutbox(emails);
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, { maxConnections: 2 });
    cleanup.push(
      () => outbox.close(),
      () => mailer.close(),
    );
    const editionId = await outbox.open();
    // A window larger than the list: a short outage is ridden out by retries, not paused.
    const delivering = outbox.deliver(mailer, editionId, { maxAttempts: 10, pauseWindow: 50 });
    while ((await outbox.store.deliveryErrors(editionId, 1)).length === 0)
      await new Promise((r) => setTimeout(r, 10));
    const smtp = await startScriptedSmtp({}, { port });
    // Cleanup runs in reverse: the mailer's pooled connections close before the server waits on them.
    cleanup.unshift(() => smtp.close());
    const report = await delivering;
    expect(report).toMatchObject({ outcome: 'done', progress: { sent: 5, failed: 0 } });
    once(smtp, emails);
  });

  it('pauses an edition with a clear message when most attempts fail, and a resume delivers the rest once', async () => {
    const emails = addresses(30);
    let broken = true;
    const smtp = await startScriptedSmtp({
      rcpt: () => (broken ? { code: 451, message: '4.3.0 Temporary local problem' } : null),
    });
    const { outbox, mailer, editionId } = await setup(emails, smtp);
    const paused = await outbox.deliver(mailer, editionId, { pauseWindow: 10, maxAttempts: 50 });
    expect(paused.outcome).toBe('paused');
    expect(paused.reason).toMatch(
      /^paused: 10 of the last 10 attempts failed; last: SMTP 451.*digest send --resume/,
    );
    expect((await outbox.store.getEdition(editionId))?.status).toBe('paused');
    expect(paused.progress).toMatchObject({ sent: 0, failed: 0, sending: 0, queued: 30 });

    broken = false;
    const resumed = await outbox.deliver(mailer, editionId, { pauseWindow: 10, maxAttempts: 50 });
    expect(resumed).toMatchObject({ outcome: 'done', progress: { sent: 30, failed: 0 } });
    expect((await outbox.store.getEdition(editionId))?.status).toBe('done');
    once(smtp, emails);
  });
});
