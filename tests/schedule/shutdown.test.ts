import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { runCli, startCli } from '../cli/run-cli.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { SAMPLE } from './sample.ts';

const READERS = 40;
const PASSWORD = 'sink-pa55word-never-logged';
const OPS_TOKEN = 'ops-token-never-logged-0123';
const UNSUBSCRIBE_SECRET = 'unsubscribe-secret-never-logged';

describe('SIGTERM during a send', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeEach(async () => {
    temp = makeTempDir('digest-sigterm-');
    // A slow SMTP server that wants a login: each message takes 100 ms.
    sink = await startSmtpSink({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        callback(auth.password === PASSWORD ? null : new Error('bad login'), { user: auth.username });
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          setTimeout(() => {
            sink.received.push({
              from: '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw: Buffer.alloc(0),
            });
            callback();
          }, 100);
        });
      },
    });
  });
  afterEach(async () => {
    await sink.close();
    temp.remove();
  });

  it('finishes the sends in flight, exits 0, and a resume delivers the rest exactly once', async () => {
    const db = join(temp.dir, 'digest.db');
    const store = openSqliteStore(db);
    for (let i = 0; i < READERS; i++) await store.addSubscriber(`reader${i}@example.org`, null);
    await store.close();
    const env = {
      SMTP_URL: `smtp://digest:${PASSWORD}@127.0.0.1:${sink.port}`,
      DIGEST_DB: db,
      DIGEST_SOURCES: SAMPLE,
      // With SMTP_URL set nothing goes out at start: the first slot (within a second) sends.
      DIGEST_CRON: '* * * * * *',
      HTTP_PORT: '0',
      SMTP_POOL_SIZE: '2',
      OPS_TOKEN,
      UNSUBSCRIBE_SECRET,
    };

    const worker = startCli(['worker'], env);
    const deadline = Date.now() + 30_000;
    while (sink.received.length < 5 && Date.now() < deadline) await sleep(20);
    expect(sink.received.length).toBeGreaterThanOrEqual(5);
    worker.child.kill('SIGTERM');
    const stopped = await worker.done;

    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain('SIGTERM: stopping');
    for (const secret of [PASSWORD, OPS_TOKEN, UNSUBSCRIBE_SECRET])
      expect(stopped.stderr).not.toContain(secret);
    for (const line of stopped.stderr.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();

    const check = new Database(db, { readonly: true });
    const rows = check.prepare('SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status').all() as {
      status: string;
      n: number;
    }[];
    check.close();
    const after = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    // Nothing is left claimed: what was sent is recorded, the rest is back in the queue.
    expect(after.sending ?? 0).toBe(0);
    expect(after.sent).toBe(sink.received.length);
    expect(after.queued).toBe(READERS - sink.received.length);

    const resumed = await runCli(['send', '--resume'], env);
    expect(resumed.code, `${resumed.signal} ${resumed.stderr}`).toBe(0);
    const recipients = sink.received.flatMap((m) => m.to);
    expect(recipients).toHaveLength(READERS);
    expect(new Set(recipients).size).toBe(READERS);
  });
});
