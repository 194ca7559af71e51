import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import { until } from '../helpers/until.ts';
import { addresses, makeOutbox } from './outbox-fixture.ts';
import { startScriptedSmtp } from './scripted-smtp.ts';

// QA: a subscriber who unsubscribed while an edition was going out was still mailed (claimed
// in a batch of 50, sent seconds later behind the rate limit).
describe('someone who leaves while an edition is sending', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('is not mailed once the leave is recorded: their claimed delivery becomes skipped', async () => {
    const emails = addresses(30);
    const outbox = await makeOutbox(emails);
    const smtp = await startScriptedSmtp({}, { keepRaw: false });
    // 20 a second: the whole batch of 30 is claimed at once and waits behind the rate limit.
    const mailer = createSmtpMailer(smtp.url, { maxConnections: 2, ratePerSecond: 20 });
    cleanup.push(
      () => outbox.close(),
      () => smtp.close(),
      () => mailer.close(),
    );
    const editionId = await outbox.open();
    const delivering = outbox.deliver(mailer, editionId, { concurrency: 2 });
    await until(async () => smtp.accepted.length >= 3);
    const leaving = emails.slice(-5);
    for (const email of leaving)
      await outbox.store.setSubscriberStatus(email, 'unsubscribed', { source: 'cli' });
    const report = await delivering;

    const mailed = smtp.accepted.map((a) => a.to);
    for (const email of leaving) expect(mailed).not.toContain(email);
    expect(report.outcome).toBe('done');
    expect(report.progress).toMatchObject({ sent: 25, skipped: 5, queued: 0, sending: 0, failed: 0 });
    expect(new Set(mailed).size).toBe(25);
  });

  it('asks the database about leaves once for many messages, not once per message', async () => {
    const emails = addresses(300);
    const outbox = await makeOutbox(emails);
    const smtp = await startScriptedSmtp({}, { keepRaw: false });
    const mailer = createSmtpMailer(smtp.url, { maxConnections: 2 });
    cleanup.push(
      () => outbox.close(),
      () => smtp.close(),
      () => mailer.close(),
    );
    // Counts the real store's answers (the store itself is unchanged).
    let checks = 0;
    const leftSubscribers = outbox.store.leftSubscribers.bind(outbox.store);
    outbox.store.leftSubscribers = (ids) => {
      checks++;
      return leftSubscribers(ids);
    };
    const report = await outbox.deliver(mailer, await outbox.open(), { concurrency: 2 });
    expect(report.progress).toMatchObject({ sent: 300, skipped: 0 });
    // One per claimed batch of 50 at least, then one per LEAVE_CHECK_MS of sending.
    expect(checks).toBeGreaterThanOrEqual(6);
    expect(checks).toBeLessThan(300 / 5);
  });
});
