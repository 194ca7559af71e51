import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerRetryFailed } from '../../src/cli/retry-command.ts';
import { registerSend } from '../../src/cli/send-command.ts';
import { registerStatus } from '../../src/cli/status-command.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { SAMPLE } from '../schedule/sample.ts';
import { runCommand } from './run-command.ts';

const digest = (args: string[], env: Record<string, string>) =>
  runCommand([registerSend, registerStatus, registerRetryFailed], args, env);

/** Every row of the tables a send writes, to tell whether a command changed the store. */
function snapshot(db: string): string {
  const handle = new Database(db, { readonly: true });
  const tables = ['subscribers', 'editions', 'deliveries', 'seen_articles', 'settings', 'leases'];
  const rows = tables.map((t) => handle.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
  handle.close();
  return JSON.stringify(rows);
}

// One scenario in order, as ops would run it: the commands share one database and one SMTP server.
// The commands run in this process (the real CLI process is exercised by the worker tests).
describe('digest send, status, editions and retry-failed', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let env: Record<string, string>;
  let db: string;
  let refuseFlaky = true;
  const to = () => sink.received.flatMap((m) => m.to).sort();

  beforeAll(async () => {
    temp = makeTempDir('digest-cli-');
    sink = await startSmtpSink({
      onRcptTo(address, _session, callback) {
        if (refuseFlaky && address.address === 'flaky@example.org') {
          callback(Object.assign(new Error('mailbox disabled for now'), { responseCode: 554 }));
        } else callback();
      },
    });
    db = join(temp.dir, 'digest.db');
    const store = openSqliteStore(db);
    for (const email of ['ana@example.org', 'ben@example.org', 'flaky@example.org', 'dan@example.org']) {
      await store.addSubscriber(email, null);
    }
    await store.close();
    env = {
      SMTP_URL: sink.url,
      DIGEST_DB: db,
      DIGEST_SOURCES: SAMPLE,
      UNSUBSCRIBE_SECRET: 'unsubscribe-secret-for-tests',
      LOG_LEVEL: 'silent',
    };
  });
  afterAll(async () => {
    await sink.close();
    temp.remove();
  });

  it('refuses a bad --limit and an unknown edition with one clear line', async () => {
    const limit = await digest(['send', '--now', '--limit', 'ten'], env);
    const status = await digest(['status', 'no-such-edition'], env);
    expect(limit.code).toBe(2);
    expect(limit.stderr.trim()).toBe(
      'digest: --limit must be a whole number of 1 or more, got "ten" [USAGE]',
    );
    expect(status.code).toBe(2);
    expect(status.stderr.trim()).toMatch(/^digest: no edition "no-such-edition"/);
    expect(sink.received).toHaveLength(0);
  });

  it('dry-run reports what would be sent to how many, and sends and records nothing', async () => {
    const before = snapshot(db);
    // `--now ARTICLE`: the value is no ISO time, so it is an article (the sources are empty here).
    const result = await digest(['send', '--dry-run', '--now', SAMPLE], { ...env, DIGEST_SOURCES: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^dry run: edition \S+ ".*gun from Ukraine’s head.*"$/m);
    expect(result.stdout).toContain('1 article(s) to 4 recipient(s); nothing sent, nothing recorded');
    expect(sink.received).toHaveLength(0);
    expect(snapshot(db)).toBe(before);
  });

  it('--to sends one test copy to that address only, recorded nowhere', async () => {
    const before = snapshot(db);
    const result = await digest(['send', '--to', 'Editor <editor@example.org>', '--now', '2022-01-06'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^test copy of edition \S+ sent to editor@example.org \(not recorded\)$/m);
    expect(to()).toEqual(['editor@example.org']);
    expect(snapshot(db)).toBe(before);
    sink.received.length = 0;
  });

  it('--limit caps the recipients; a failed recipient makes the exit status 1', async () => {
    const result = await digest(['send', '--now', '--limit', '3'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/: done, 2\/3 sent, 1 failed, 0 queued$/m);
    expect(to()).toEqual(['ana@example.org', 'ben@example.org']);
  });

  it('status shows the counts and the last errors, as text and as JSON', async () => {
    const text = await digest(['status'], env);
    const json = await digest(['status', '--json'], env);
    const editions = await digest(['editions', '--json'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('3 recipient(s): 0 queued, 0 sending, 2 sent, 1 failed');
    expect(text.stdout).toContain('flaky@example.org (failed)');
    const detail = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(detail).toMatchObject({ status: 'done', bounced: 0, progress: { sent: 2, failed: 1, total: 3 } });
    expect(detail.lastErrors).toEqual([
      expect.objectContaining({
        email: 'flaky@example.org',
        status: 'failed',
        error: expect.stringContaining('554'),
      }),
    ]);
    const list = JSON.parse(editions.stdout) as { id: string }[];
    expect(list.map((e) => e.id)).toEqual([detail.id]);
  });

  it('retry-failed queues the failed delivery again and delivers it once', async () => {
    refuseFlaky = false;
    const result = await digest(['retry-failed'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/: done, 3\/3 sent, 0 failed, 0 queued$/m);
    expect(to()).toEqual(['ana@example.org', 'ben@example.org', 'flaky@example.org']);
  });

  it('refuses to send while another run holds the lease, and sends nothing', async () => {
    const store = openSqliteStore(db);
    await store.acquireLease('edition-run', 'worker-elsewhere', 60_000);
    const result = await digest(['send', '--now', '--limit', '1'], env);
    await store.releaseLease('edition-run', 'worker-elsewhere');
    await store.close();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('another run is in progress (worker-elsewhere)');
    expect(to()).toHaveLength(3);
  });
});
