import { afterAll, describe, expect, inject, it } from 'vitest';
import { verifyVerpToken } from '../../src/bounces/verp.ts';
import { openPostgresStore } from '../../src/store/postgres-store.ts';
import { addresses } from '../deliver/outbox-fixture.ts';
import { startScriptedSmtp } from '../deliver/scripted-smtp.ts';
import { type DigestProcess, startDigest } from '../helpers/child.ts';
import { expectEveryoneOnce } from '../helpers/delivery-assertions.ts';
import { testDatabaseUrl } from '../helpers/store-backends.ts';

const SUBSCRIBERS = 10_000;
const SENDERS = 3;
/** Messages in flight per sender (SMTP_POOL_SIZE = BullMQ concurrency): the most a killed one can duplicate. */
const POOL = 5;
const redis = inject('redisUrl');
const postgres = inject('postgresUrl');
const skip = redis && postgres ? null : `scale test skipped: ${inject('servicesNote')}`;

describe.skipIf(skip !== null)('scaling out: three senders on Postgres and Redis', () => {
  const processes: DigestProcess[] = [];
  afterAll(() => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  });

  it('gives 10,000 subscribers the edition once each, bar the messages in flight in a sender killed midway', async () => {
    const db = await testDatabaseUrl();
    const seed = await openPostgresStore(db);
    const emails = addresses(SUBSCRIBERS);
    for (let i = 0; i < SUBSCRIBERS; i += 1000) {
      await seed.addSubscribers(emails.slice(i, i + 1000).map((email) => ({ email, name: null })));
    }
    await seed.addSubscribers([{ email: 'left@example.org', name: null, status: 'unsubscribed' }]);
    const smtp = await startScriptedSmtp({}, { keepRaw: false });
    const env = {
      DIGEST_DB: db,
      REDIS_URL: `${redis}/40`,
      SMTP_URL: smtp.url,
      SMTP_POOL_SIZE: String(POOL),
      SENDER_LOCK_MS: '5000',
      UNSUBSCRIBE_SECRET: 'test-secret-0123456789',
      MAIL_FROM: 'Digest <digest@example.org>',
      LOG_LEVEL: 'info',
    };
    try {
      const senders = Array.from({ length: SENDERS }, () => startDigest(['worker', '--role', 'sender'], env));
      processes.push(...senders);
      await Promise.all(senders.map((s) => s.waitFor(/taking delivery jobs/)));

      // The producer: records the edition, fans it out into jobs, waits until the store says done.
      const send = startDigest(['send', 'examples/articles', '--now', '2022-01-06T07:00:00Z'], env);
      processes.push(send);
      while (smtp.accepted.length < SUBSCRIBERS * 0.3) await new Promise((r) => setTimeout(r, 10));
      const [victim, ...survivors] = senders;
      victim?.child.kill('SIGKILL');
      expect((await victim?.exited)?.signal).toBe('SIGKILL');
      expect(smtp.accepted.length).toBeLessThan(SUBSCRIBERS);

      const sent = await send.exited;
      expect(sent.code, sent.out).toBe(0);
      expect(sent.out).toMatch(/: done, 10000\/10000 sent, 0 failed, 0 queued/);

      expectEveryoneOnce(smtp, SUBSCRIBERS, POOL);

      const [edition] = await seed.listEditions(1);
      // The queue senders send each delivery from its own VERP address, as the embedded outbox does.
      for (const a of smtp.accepted) {
        const named = verifyVerpToken(
          /^bounces\+([a-z2-7]+)@example\.org$/.exec(a.from)?.[1] ?? '',
          'test-secret-0123456789',
        );
        expect(named?.editionId).toBe(edition?.id);
        expect(`${a.messageId}`).toBe(`<${edition?.id}.${named?.subscriberId}@example.org>`);
      }
      expect(edition?.status).toBe('done');
      expect(await seed.editionProgress(edition?.id ?? '')).toMatchObject({
        sent: SUBSCRIBERS,
        total: SUBSCRIBERS,
      });

      // The survivors stop cleanly on SIGTERM.
      for (const s of survivors) s.child.kill('SIGTERM');
      for (const s of survivors) expect((await s.exited).code).toBe(0);
    } finally {
      await seed.close();
      await smtp.close();
    }
  }, 120_000);
});

describe.runIf(skip !== null)('scaling out (Postgres or Redis not installed)', () => {
  it(`is skipped: ${skip}`, () => undefined);
});
