import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { NO_SUCH_RUN, RUN_NOT_RECORDED } from '../../src/server/ops-api.ts';
import { startHeldSource } from '../helpers/held-source.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { STORE_BACKENDS } from '../helpers/store-backends.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { until } from '../helpers/until.ts';
import { openTestContext } from '../schedule/context.ts';
import { slowWorkerEnv, startOpsServer, startWorker } from './ops-server.ts';
import { RIG_TOKEN as TOKEN, useRunsRig } from './runs-rig.ts';

const HOUR = 3_600_000;

describe.each(STORE_BACKENDS)('triggered runs kept in the $name database', (backend) => {
  const rig = useRunsRig(backend);
  const { start, trigger, followed, clock } = rig;

  it('answers for a run after the server that started it restarted on the same database', async () => {
    const first = await start();
    await first.ctx.store.addSubscriber('ana@example.org', 'Ana');
    const location = await trigger(first);
    rig.source.release();
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
    rig.source.release();
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
    rig.offset += 2 * 60_000;
    await until(async () => (await second.read(location)).status === 'building');

    // The owner stops (its sources still unread): nobody refreshes the run any more.
    await first.stopServer();
    rig.offset += 2 * 60_000;
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
      rig.source.hold();
      const location = await trigger(web, '{"dryRun":true}');
      rig.source.release();
      expect(await followed(web, location)).toMatchObject({ status: 'planned' });
      runs.push(location);
    }
    rig.source.hold();
    const fourth = await trigger(web, '{"dryRun":true}');
    // Accepting the fourth pruned the oldest ended one past the bound of two.
    const oldest = await web.call(runs[0] ?? '');
    expect([oldest.status, await oldest.json()]).toEqual([404, { error: NO_SUCH_RUN }]);
    for (const kept of runs.slice(1)) expect(await web.read(kept)).toMatchObject({ status: 'planned' });
    rig.source.release();
    expect(await followed(web, fourth)).toMatchObject({ status: 'planned' });

    // An hour on, none is answered; the next run accepted deletes them.
    rig.offset += HOUR + 1;
    for (const gone of [...runs.slice(1), fourth]) expect((await web.call(gone)).status).toBe(404);
    rig.source.hold();
    await trigger(web, '{"dryRun":true}');
    for (const gone of [...runs, fourth])
      expect(await web.ctx.store.runs.get(gone.split('/').pop() ?? '')).toBeNull();
  });

  it('stops a run the database would not record, answers 500, and records and sends nothing', async () => {
    const web = await start();
    await web.ctx.store.addSubscriber('ana@example.org', 'Ana');
    // The runs table gone from under the running server: recording the run fails.
    await rig.sql('DROP TABLE triggered_runs');
    const res = await web.call('/api/editions', { method: 'POST', body: '' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: RUN_NOT_RECORDED });
    expect(res.headers.get('location')).toBeNull();
    // The sources answer after all: the stopped run still makes no edition and mails nobody.
    rig.source.release();
    await web.idle();
    expect(await web.ctx.store.listEditions(5)).toHaveLength(0);
    expect(rig.sink.received).toHaveLength(0);
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
