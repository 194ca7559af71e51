import { afterEach, describe, expect, inject, it } from 'vitest';
import { deliverThroughQueue } from '../../src/deliver/queue/await-edition.ts';
import { type DeliveryJobOptions, DeliveryJobs } from '../../src/deliver/queue/delivery-job.ts';
import { createDeliveryQueue } from '../../src/deliver/queue/delivery-queue.ts';
import { limiterFor, startQueueSender } from '../../src/deliver/queue/sender.ts';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import type { DigestStore } from '../../src/store/store.ts';
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
  ) {
    const fresh = await backend.fresh();
    const url = `${redis}/${++database}`;
    const queue = createDeliveryQueue(url, { maxAttempts: options.maxAttempts ?? 5 });
    const mailer = createSmtpMailer(smtp.url, { maxConnections: 2 });
    cleanup.push(
      () => smtp.close(),
      () => fresh.dispose(),
      () => mailer.close(),
      () => queue.close(),
    );
    for (let i = 0; i < senders; i++) {
      const store = await fresh.another();
      const jobs = new DeliveryJobs(store, mailer, async (d) => plainMessage(d), options);
      const sender = startQueueSender(jobs, {
        redisUrl: url,
        concurrency: 2,
        ratePerSecond: 0,
        lockMs: 5000,
      });
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
      let refuse = true;
      const smtp = await startScriptedSmtp(
        {},
        {
          server: {
            onMailFrom(_address, _session, callback) {
              callback(
                refuse ? Object.assign(new Error('Sender refused'), { responseCode: 553 }) : undefined,
              );
            },
          },
        },
      );
      const emails = addresses(6);
      const { store, queue, editionId } = await setup(emails, smtp, 1);
      const paused = await deliverThroughQueue(store, queue, editionId, { pollMs: 50 });
      expect(paused.outcome).toBe('paused');
      expect(paused.reason).toMatch(/refused the session.*digest send --resume/);
      expect(smtp.accepted).toHaveLength(0);
      refuse = false;
      const resumed = await deliverThroughQueue(store, queue, editionId, { pollMs: 50 });
      expect(resumed).toMatchObject({ outcome: 'done', progress: { sent: 6 } });
      expect(smtp.accepted.map((a) => a.to).sort()).toEqual([...emails].sort());
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
