import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { deliverThroughQueue } from '../../src/deliver/queue/await-edition.ts';
import { type DeliveryJobOptions, DeliveryJobs } from '../../src/deliver/queue/delivery-job.ts';
import { connectRedis, createDeliveryQueue } from '../../src/deliver/queue/delivery-queue.ts';
import { limiterFor, redisRateGate } from '../../src/deliver/queue/rate-limit.ts';
import { startQueueSender } from '../../src/deliver/queue/sender.ts';
import { redisOutcomeWindow } from '../../src/deliver/queue/shared-window.ts';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import type { OutgoingMessage } from '../../src/models/message.ts';
import type { ClaimedDelivery, DigestStore } from '../../src/store/store.ts';
import { STORE_BACKENDS } from '../helpers/store-backends.ts';
import { addresses, openEmptyEdition, plainMessage } from './outbox-fixture.ts';
import { type ScriptedSmtp, startScriptedSmtp } from './scripted-smtp.ts';

const redis = inject('redisUrl');
const skip = redis ? null : `queue tests skipped: ${inject('servicesNote')}`;
const FAST: DeliveryJobOptions = { backoffMs: 20, maxBackoffMs: 80, maxAttempts: 5 };
// A Redis database per test: the queue of one test never feeds another.
let database = 0;

async function openEdition(store: DigestStore, emails: string[]): Promise<string> {
  await store.addSubscribers(emails.map((email) => ({ email, name: null })));
  return openEmptyEdition(store, 'e1');
}

/** An SMTP server that refuses every session's sender (553) until allow() is called. */
async function startRefusingSmtp(): Promise<{ smtp: ScriptedSmtp; allow: () => void }> {
  let refuse = true;
  const smtp = await startScriptedSmtp(
    {},
    {
      server: {
        onMailFrom(_address, _session, callback) {
          callback(refuse ? Object.assign(new Error('Sender refused'), { responseCode: 553 }) : undefined);
        },
      },
    },
  );
  return {
    smtp,
    allow: () => {
      refuse = false;
    },
  };
}

describe.each(STORE_BACKENDS)('delivery through the BullMQ queue on $name', (backend) => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function setup(
    emails: string[],
    smtp: ScriptedSmtp,
    senders = 2,
    options: DeliveryJobOptions = FAST,
    batchSize = 100,
    build: (d: ClaimedDelivery) => Promise<OutgoingMessage> = async (d) => plainMessage(d),
  ) {
    const fresh = await backend.fresh();
    const url = `${redis}/${++database}`;
    const queue = createDeliveryQueue(url, { maxAttempts: options.maxAttempts ?? 5, batchSize });
    const connection = connectRedis(url);
    cleanup.push(() => connection.disconnect());
    const mailer = createSmtpMailer(smtp.url, { maxConnections: 2 });
    cleanup.push(
      () => smtp.close(),
      () => fresh.dispose(),
      () => mailer.close(),
      () => queue.close(),
    );
    for (let i = 0; i < senders; i++) {
      const store = await fresh.another();
      const jobs = new DeliveryJobs(store, mailer, build, {
        concurrency: 2,
        outcomes: redisOutcomeWindow(connection, options.pauseWindow ?? 20, options.pauseFailureRatio ?? 0.5),
        ...options,
      });
      const sender = startQueueSender(jobs, { redisUrl: url, lockMs: 5000 });
      cleanup.push(
        () => store.close(),
        () => sender.close(),
      );
    }
    return { store: fresh.store, queue, editionId: await openEdition(fresh.store, emails) };
  }

  it.runIf(skip ?? backend.skipReason)(`is skipped: ${skip ?? backend.skipReason}`, () => undefined);

  it.skipIf(skip !== null || backend.skipReason !== null)(
    'fans an edition out to two senders that give every subscriber one message, and the store shows all sent',
    async () => {
      const emails = addresses(120);
      const smtp = await startScriptedSmtp({}, { keepRaw: false });
      const { store, queue, editionId } = await setup(emails, smtp);
      const report = await deliverThroughQueue(store, queue, editionId, { pollMs: 50 });
      expect(report).toMatchObject({
        outcome: 'done',
        progress: { sent: 120, failed: 0, queued: 0, sending: 0 },
      });
      expect(smtp.accepted.map((a) => a.to).sort()).toEqual([...emails].sort());
      expect((await store.getEdition(editionId))?.status).toBe('done');
      // Fanned out again (a resume): nothing is pending, so nothing is mailed twice.
      expect(await queue.enqueueEdition(store, editionId)).toBe(0);
    },
  );

  it.skipIf(skip !== null || backend.skipReason !== null)(
    'mails nobody who left after their job was claimed: the delivery is skipped',
    async () => {
      const emails = addresses(40);
      const smtp = await startScriptedSmtp({}, { keepRaw: false });
      // 25 a second through one job of 100: the job holds every delivery while it sends.
      const rateGate = async () => {
        await sleep(40);
        return null;
      };
      const { store, queue, editionId } = await setup(emails, smtp, 1, { ...FAST, rateGate });
      const delivering = deliverThroughQueue(store, queue, editionId, { pollMs: 50 });
      while (smtp.accepted.length < 3) await sleep(10);
      const leaving = emails.slice(-5);
      for (const email of leaving) await store.setSubscriberStatus(email, 'unsubscribed', { source: 'cli' });
      const report = await delivering;
      const mailed = smtp.accepted.map((a) => a.to);
      for (const email of leaving) expect(mailed).not.toContain(email);
      expect(report).toMatchObject({
        outcome: 'done',
        progress: { sent: 35, skipped: 5, queued: 0, sending: 0 },
      });
    },
  );

  it.skipIf(skip !== null || backend.skipReason !== null)(
    'retries 4xx replies with backoff, fails what outlasts the attempts, and bounces 550 as the outbox does',
    async () => {
      const emails = ['a@example.org', 'busy@example.org', 'gone@example.org', 'd@example.org'];
      const smtp = await startScriptedSmtp({
        rcpt: (to, tries) => {
          if (to === 'a@example.org' && tries === 1) return { code: 421, message: 'Try later' };
          if (to === 'busy@example.org') return { code: 451, message: 'Still busy' };
          if (to === 'gone@example.org') return { code: 550, message: '5.1.1 No such user' };
          return null;
        },
      });
      const { store, queue, editionId } = await setup(emails, smtp, 2, { ...FAST, maxAttempts: 3 });
      const report = await deliverThroughQueue(store, queue, editionId, { pollMs: 50 });
      expect(report.progress).toMatchObject({ sent: 2, failed: 2, queued: 0, sending: 0 });
      expect(smtp.accepted.map((a) => a.to).sort()).toEqual(['a@example.org', 'd@example.org']);
      expect(smtp.rcptTries.get('busy@example.org')).toBe(3);
      expect((await store.findSubscriber('gone@example.org'))?.status).toBe('bounced');
      expect((await store.findSubscriber('busy@example.org'))?.status).toBe('active');
    },
  );

  it.skipIf(skip !== null || backend.skipReason !== null)(
    'pauses the edition when the SMTP server refuses the session, and sends it all after a resume',
    async () => {
      const { smtp, allow } = await startRefusingSmtp();
      const emails = addresses(6);
      const { store, queue, editionId } = await setup(emails, smtp, 1);
      const paused = await deliverThroughQueue(store, queue, editionId, { pollMs: 50 });
      expect(paused.outcome).toBe('paused');
      expect(paused.reason).toMatch(/refused the session.*digest send --resume/);
      expect(smtp.accepted).toHaveLength(0);
      allow();
      const resumed = await deliverThroughQueue(store, queue, editionId, { pollMs: 50 });
      expect(resumed).toMatchObject({ outcome: 'done', progress: { sent: 6 } });
      expect(smtp.accepted.map((a) => a.to).sort()).toEqual([...emails].sort());
    },
  );
  it.skipIf(skip !== null || backend.skipReason !== null)(
    'resumes a paused edition even while the job that saw the pause is still finishing',
    async () => {
      const { smtp, allow } = await startRefusingSmtp();
      // The second message takes its time to build: its job is still running when the first
      // one's refusal has paused the edition and the resume below fans it out again.
      const slowSecond = async (d: ClaimedDelivery) => {
        if (d.subscriberId === 2) await sleep(800);
        return plainMessage(d);
      };
      const { store, queue, editionId } = await setup(addresses(2), smtp, 1, FAST, 100, slowSecond);
      const paused = await deliverThroughQueue(store, queue, editionId, { pollMs: 20 });
      expect(paused.outcome).toBe('paused');
      allow();
      const resumed = await deliverThroughQueue(store, queue, editionId, { pollMs: 20 });
      expect(resumed).toMatchObject({ outcome: 'done', progress: { sent: 2, queued: 0, sending: 0 } });
      expect(smtp.accepted).toHaveLength(2);
    },
  );

  it.skipIf(skip !== null || backend.skipReason !== null)(
    'pauses on the failure ratio of all senders together, not of each one',
    async () => {
      // 30 deliveries in jobs of 5 over two senders, every one failing: no sender alone sees 20
      // attempts, so only the shared window can fill (20) and pause the edition.
      const emails = addresses(30);
      const smtp = await startScriptedSmtp({ rcpt: () => ({ code: 451, message: 'Greylisted' }) });
      const { store, queue, editionId } = await setup(emails, smtp, 2, { ...FAST, maxAttempts: 1 }, 5);
      const report = await deliverThroughQueue(store, queue, editionId, { pollMs: 50 });
      expect(report.outcome).toBe('paused');
      expect(report.reason).toMatch(/of the last 20 attempts across all senders failed/);
      expect(report.progress.failed).toBeGreaterThanOrEqual(20);
      expect(report.progress.failed).toBeLessThan(30);
      expect(smtp.accepted).toHaveLength(0);
    },
  );
});

describe('the global rate limit', () => {
  it('turns SMTP_RATE_PER_SECOND into a BullMQ limiter window', () => {
    expect(limiterFor(0)).toBeUndefined();
    expect(limiterFor(20)).toEqual({ max: 20, duration: 1000 });
    expect(limiterFor(0.5)).toEqual({ max: 1, duration: 2000 });
  });
});

describe.skipIf(skip !== null)('the shared rate limit and pause window', () => {
  // Databases of their own (the test Redis has 64; the queue tests above take the first ones).
  let database = 58;
  it('lets two senders together send no more than SMTP_RATE_PER_SECOND in any one second', async () => {
    const a = connectRedis(`${redis}/${++database}`);
    const b = connectRedis(`${redis}/${database}`);
    try {
      const gates = [redisRateGate(a, 10), redisRateGate(b, 10)];
      const windows: number[] = [];
      await Promise.all(
        Array.from({ length: 25 }, async (_, i) => {
          const granted = await gates[i % 2]?.();
          if (granted !== null && granted !== undefined) windows.push(granted);
        }),
      );
      const perWindow = new Map<number, number>();
      for (const w of windows) perWindow.set(w, (perWindow.get(w) ?? 0) + 1);
      expect(windows).toHaveLength(25);
      expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(10);
      expect(perWindow.size).toBeGreaterThanOrEqual(3);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  it('judges the pause on the outcomes every sender recorded for the edition', async () => {
    const a = connectRedis(`${redis}/${++database}`);
    const b = connectRedis(`${redis}/${database}`);
    try {
      const one = redisOutcomeWindow(a, 20, 0.5);
      const two = redisOutcomeWindow(b, 20, 0.5);
      for (let i = 0; i < 9; i++) expect(await one.record('e1', true)).toBeNull();
      for (let i = 0; i < 10; i++) expect(await two.record('e1', i % 2 === 0)).toBeNull();
      // Successes wait in memory until a failure or the end of a batch writes them.
      expect(await two.flush('e1')).toBeNull();
      // 19 outcomes, 14 failed: one more fills the window of 20.
      expect(await one.record('e1', true)).toMatch(/15 of the last 20 attempts across all senders failed/);
      // Another edition has its own window.
      expect(await two.record('e2', true)).toBeNull();
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });
});
