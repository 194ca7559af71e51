import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/ingest/load.ts';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { NO_SUCH_RUN, RUN_NOT_RECORDED } from '../../src/server/ops-api.ts';
import type { PendingRunsOptions } from '../../src/server/pending-runs.ts';
import { type HeldSource, startHeldSource } from '../helpers/held-source.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { freshPostgresDatabase, STORE_BACKENDS } from '../helpers/store-backends.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { until } from '../helpers/until.ts';
import { openTestContext } from '../schedule/context.ts';
import { slowWorkerEnv, startOpsServer, startWorker } from './ops-server.ts';

const TOKEN = 'ops-token-0123456789abcdef';
const HOUR = 3_600_000;

/** One web process of the service: its own store connection, runner and HTTP server on the database. */
interface WebProcess {
  ctx: Awaited<ReturnType<typeof openTestContext>>;
  call(path: string, init?: RequestInit): Promise<Response>;
  /** GET path's JSON body. */
  read(path: string): Promise<Record<string, unknown>>;
  /** Stops the HTTP server only (its runs are no longer refreshed or recorded): the process gone. */
  stopServer(): Promise<void>;
  /** Waits for the runner's run in progress to end. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

describe.each(STORE_BACKENDS)('triggered runs kept in the $name database', (backend) => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let source: HeldSource;
  let database: string;
  let processes: WebProcess[];
  // The clock of every process's runs: a test moves it past the lease or the keep time.
  let offset: number;
  const clock = () => Date.now() + offset;

  const start = async (runs: PendingRunsOptions = {}, answerWithinMs = 200): Promise<WebProcess> => {
    const ctx = await openTestContext(temp.dir, sink.url, { DIGEST_DB: database });
    const runner = createEditionRunner(ctx, {
      logger: ctx.logger,
      loadSources: async () =>
        (await loadArticles([source.url], { fetch: { allowPrivateLinks: true } })).articles,
    });
    const server = await startOpsServer(ctx, runner, { token: TOKEN, answerWithinMs, runs });
    let serving = true;
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}` } });
    const web: WebProcess = {
      ctx,
      call,
      read: async (path) => (await (await call(path)).json()) as Record<string, unknown>,
      async stopServer() {
        if (serving) await server.close();
        serving = false;
      },
      idle: () => runner.idle(),
      async close() {
        processes.splice(processes.indexOf(web), 1);
        await web.stopServer();
        await runner.idle();
        await ctx.close();
      },
    };
    processes.push(web);
    return web;
  };
  /** POSTs a trigger the held source keeps building; the run's Location. */
  const trigger = async (web: WebProcess, body = '') => {
    const res = await web.call('/api/editions', { method: 'POST', body });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'building' });
    return res.headers.get('location') ?? '';
  };
  const followed = async (web: WebProcess, location: string) => {
    let body: Record<string, unknown> = {};
    await until(async () => {
      body = await web.read(location);
      return body.status !== 'building';
    });
    return body;
  };

  beforeEach(async (context) => {
    if (backend.skipReason) return context.skip(backend.skipReason);
    temp = makeTempDir('digest-ops-runs-');
    sink = await startSmtpSink();
    source = await startHeldSource();
    database = backend.name === 'SQLite' ? join(temp.dir, 'shared.db') : await freshPostgresDatabase();
    processes = [];
    offset = 0;
  });
  afterEach(async () => {
    if (backend.skipReason) return;
    source.release();
    for (const web of [...processes].reverse()) await web.close();
    await source.close();
    await sink.close();
    temp.remove();
  });

  it('answers for a run after the server that started it restarted on the same database', async () => {
    const first = await start();
    await first.ctx.store.addSubscriber('ana@example.org', 'Ana');
    const location = await trigger(first);
    source.release();
    const done = await followed(first, location);
    expect(done).toMatchObject({ status: 'started', editionId: expect.any(String) });
    await first.close();

    // A deploy: a new process on the same database knows the run, and answers it as before.
    const restarted = await start();
    const res = await restarted.call(location);
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBe(`/api/editions/${done.editionId}`);
    expect(await res.json()).toEqual(done);
  });

  it('answers on a second server on the database for a run the first one started', async () => {
    const [first, second] = [await start(), await start()];
    const location = await trigger(first, '{"dryRun":true}');
    const building = await second.read(location);
    expect(building).toEqual({
      run: location.split('/').pop(),
      status: 'building',
      dryRun: true,
      since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    source.release();
    const done = await followed(second, location);
    expect(done).toMatchObject({ status: 'planned', plan: { articles: 1 } });
    expect(await first.read(location)).toEqual(done);
    expect(await first.ctx.store.listEditions(5)).toHaveLength(0);
  });

  it('reads "interrupted" once the process running it stopped refreshing it past the lease', async () => {
    const owner = 'web-a.example:4242:0a0b0c0d';
    const first = await start({ owner, refreshMs: 20, now: clock });
    const second = await start({ now: clock });
    const location = await trigger(first);
    expect(await second.read(location)).toMatchObject({ status: 'building' });

    // Two leases on: the owner, alive, has refreshed it since, so it still reads building.
    offset += 2 * 60_000;
    await until(async () => (await second.read(location)).status === 'building');

    // The owner stops (its sources still unread): nobody refreshes the run any more.
    await first.stopServer();
    offset += 2 * 60_000;
    const res = await second.call(location);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      run: location.split('/').pop(),
      status: 'interrupted',
      dryRun: false,
      since: expect.any(String),
      error: expect.stringContaining(`the process running it (${owner}) has not refreshed it for`),
    });
    expect(body.error).toContain('whether it made an edition is in GET /api/editions');
  });

  it('marks interrupted at start-up, without waiting for the lease, the runs a dead process of this host left building', async () => {
    // A pid of this host that has exited: the run's owner died with its run building.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const owner = `${hostname()}:${dead}:deadbeef`;
    const first = await start({ owner });
    const location = await trigger(first);
    // Refreshed a moment ago: the lease (60 s) has not run out.
    expect(await first.read(location)).toMatchObject({ status: 'building' });
    await first.stopServer();

    // The restart: a new process marks the dead one's run at once.
    const restarted = await start();
    expect(await restarted.read(location)).toEqual({
      run: location.split('/').pop(),
      status: 'interrupted',
      dryRun: false,
      since: expect.any(String),
      error: `the process running it (${owner}) stopped before the run ended: whether it made an edition is in GET /api/editions`,
    });
    // Recorded, not only answered: another process reads it so too.
    const row = await restarted.ctx.store.runs.get(location.split('/').pop() ?? '');
    expect(row).toMatchObject({ status: 'interrupted', owner });
  });

  it('keeps at most the bound of ended runs, and none past the keep time', async () => {
    const web = await start({ maxRuns: 2, now: clock }, 50);
    const runs: string[] = [];
    for (let i = 0; i < 3; i++) {
      source.hold();
      const location = await trigger(web, '{"dryRun":true}');
      source.release();
      expect(await followed(web, location)).toMatchObject({ status: 'planned' });
      runs.push(location);
    }
    source.hold();
    const fourth = await trigger(web, '{"dryRun":true}');
    // Accepting the fourth pruned the oldest ended one past the bound of two.
    const oldest = await web.call(runs[0] ?? '');
    expect([oldest.status, await oldest.json()]).toEqual([404, { error: NO_SUCH_RUN }]);
    for (const kept of runs.slice(1)) expect(await web.read(kept)).toMatchObject({ status: 'planned' });
    source.release();
    expect(await followed(web, fourth)).toMatchObject({ status: 'planned' });

    // An hour on, none is answered; the next run accepted deletes them.
    offset += HOUR + 1;
    for (const gone of [...runs.slice(1), fourth]) expect((await web.call(gone)).status).toBe(404);
    source.hold();
    await trigger(web, '{"dryRun":true}');
    for (const gone of [...runs, fourth])
      expect(await web.ctx.store.runs.get(gone.split('/').pop() ?? '')).toBeNull();
  });

  it('stops a run the database would not record, answers 500, and records and sends nothing', async () => {
    const web = await start();
    await web.ctx.store.addSubscriber('ana@example.org', 'Ana');
    // The runs table gone from under the running server: recording the run fails.
    if (backend.name === 'SQLite') {
      const db = new Database(database);
      db.exec('DROP TABLE triggered_runs');
      db.close();
    } else {
      const client = new pg.Client({ connectionString: database });
      await client.connect();
      await client.query('DROP TABLE triggered_runs');
      await client.end();
    }
    const res = await web.call('/api/editions', { method: 'POST', body: '' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: RUN_NOT_RECORDED });
    expect(res.headers.get('location')).toBeNull();
    // The sources answer after all: the stopped run still makes no edition and mails nobody.
    source.release();
    await web.idle();
    expect(await web.ctx.store.listEditions(5)).toHaveLength(0);
    expect(sink.received).toHaveLength(0);
    expect(web.ctx.lines.some((l) => String(l.msg ?? '').includes('could not record a triggered run'))).toBe(
      true,
    );
  });

  it('answers 404 for an unknown or malformed run id', async () => {
    const web = await start();
    for (const id of ['nope', 'AAAAAAAAAAAA', "%27%20OR%20'1'%3D'1", 'a'.repeat(150)]) {
      const res = await web.call(`/api/runs/${id}`);
      expect([id, res.status, await res.json()]).toEqual([id, 404, { error: NO_SUCH_RUN }]);
    }
  });
});

// The whole story with a real process: `digest worker` killed (-9) while its run reads a slow
// source, then a new process on the same SQLite file.
describe('a run whose worker was killed while it was building', () => {
  it('reads "interrupted" from the process started after it, at once', async () => {
    const temp = makeTempDir('digest-ops-runs-killed-');
    const sink = await startSmtpSink();
    const source = await startHeldSource();
    const env = slowWorkerEnv(temp.dir, sink.url, source.url, TOKEN);
    const { worker, url } = await startWorker(env);
    let restarted: Awaited<ReturnType<typeof startOpsServer>> | undefined;
    let ctx: Awaited<ReturnType<typeof openTestContext>> | undefined;
    try {
      const auth = { authorization: `Bearer ${TOKEN}` };
      // Answered 202 once the 10 s wait for the source runs out.
      const res = await fetch(`${url}/api/editions`, { method: 'POST', headers: auth });
      expect(res.status).toBe(202);
      const location = res.headers.get('location') ?? '';
      worker.child.kill('SIGKILL');
      await worker.exited;

      ctx = await openTestContext(temp.dir, sink.url, env);
      const runner = createEditionRunner(ctx, { logger: ctx.logger, loadSources: async () => [] });
      restarted = await startOpsServer(ctx, runner, { token: TOKEN });
      const run = await fetch(`${restarted.url}${location}`, { headers: auth });
      const body = (await run.json()) as Record<string, unknown>;
      expect([run.status, body.status]).toEqual([200, 'interrupted']);
      expect(body.error).toContain(`:${worker.child.pid}:`);
      expect(body.error).toContain('stopped before the run ended');
    } finally {
      if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
      await worker.exited;
      await restarted?.close();
      await ctx?.close();
      source.release();
      await source.close();
      await sink.close();
      temp.remove();
    }
  });
});
