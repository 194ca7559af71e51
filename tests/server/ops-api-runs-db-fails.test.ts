import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { STORE_BACKENDS } from '../helpers/store-backends.ts';
import { until } from '../helpers/until.ts';
import { useRunsRig, type WebProcess } from './runs-rig.ts';

const LEASE = 60_000;

/** SQL that makes the database refuse every update of the runs table (and lets it again), per backend. */
const REFUSE_UPDATES = {
  SQLite: `CREATE TRIGGER refuse_run_updates BEFORE UPDATE ON triggered_runs
           BEGIN SELECT RAISE(ABORT, 'the database refuses writes'); END`,
  Postgres: `CREATE FUNCTION refuse_run_updates() RETURNS trigger LANGUAGE plpgsql
             AS $$ BEGIN RAISE EXCEPTION 'the database refuses writes'; END $$;
           CREATE TRIGGER refuse_run_updates BEFORE UPDATE ON triggered_runs
             FOR EACH STATEMENT EXECUTE FUNCTION refuse_run_updates()`,
};
const ALLOW_UPDATES = {
  SQLite: 'DROP TRIGGER refuse_run_updates',
  Postgres: 'DROP TRIGGER refuse_run_updates ON triggered_runs; DROP FUNCTION refuse_run_updates()',
};

/** What the log says of a refresh that failed. */
const REFRESH_FAILED = 'the building runs of the ops API';

/** The process's log lines (the server's errors go there at error level) that say `text`. */
const logged = (web: WebProcess, text: string) =>
  web.ctx.lines.filter((l) => String(l.msg ?? '').includes(text));
const runId = (location: string) => location.split('/').pop() ?? '';

describe.each(STORE_BACKENDS)('a triggered run while the $name database fails', (backend) => {
  const rig = useRunsRig(backend);
  const { start, trigger, followed, clock } = rig;
  const tableAway = () => rig.sql('ALTER TABLE triggered_runs RENAME TO triggered_runs_away');
  const tableBack = () => rig.sql('ALTER TABLE triggered_runs_away RENAME TO triggered_runs');

  it('reads "interrupted" while its refreshes fail past the lease, logs each outage once, and reads its outcome once the database takes writes again', async () => {
    const web = await start({ refreshMs: 20, now: clock });
    await web.ctx.store.addSubscriber('ana@example.org', 'Ana');
    const location = await trigger(web);

    await rig.sql(REFUSE_UPDATES[backend.name]);
    await until(() => logged(web, REFRESH_FAILED).length > 0);
    rig.offset += 2 * LEASE;
    expect(await web.read(location)).toMatchObject({
      status: 'interrupted',
      error: expect.stringContaining('has not refreshed it for'),
    });
    // Twenty beats on, still refused: the outage is one line, not one a beat.
    await sleep(20 * 20);
    expect(logged(web, REFRESH_FAILED)).toHaveLength(1);

    // The database takes writes again: the live process's next refresh makes it building again.
    await rig.sql(ALLOW_UPDATES[backend.name]);
    await until(async () => (await web.read(location)).status === 'building');
    // A second outage is a second line.
    await rig.sql(REFUSE_UPDATES[backend.name]);
    await until(() => logged(web, REFRESH_FAILED).length === 2);
    await rig.sql(ALLOW_UPDATES[backend.name]);

    rig.source.release();
    const [edition] = await (async () => {
      await web.idle();
      return web.ctx.store.listEditions(5);
    })();
    expect(await followed(web, location)).toMatchObject({ status: 'started', editionId: edition?.id });
    expect(logged(web, REFRESH_FAILED)).toHaveLength(2);
  });

  it('records how a run ended once the database is back, within its tries, though the first one failed', async () => {
    const web = await start({ endRetryMs: [100, 200, 400, 800, 1_600, 3_200] });
    await web.ctx.store.addSubscriber('ana@example.org', 'Ana');
    const location = await trigger(web);

    await tableAway();
    rig.source.release();
    await web.idle();
    // The edition went out; recording how the run ended failed.
    await until(() => logged(web, `run ${runId(location)}`).length > 0);
    expect(rig.sink.received).toHaveLength(1);
    await tableBack();

    const [edition] = await web.ctx.store.listEditions(5);
    expect(await followed(web, location)).toMatchObject({ status: 'started', editionId: edition?.id });
    expect(logged(web, 'though it ended')).toHaveLength(0);
  });

  it('logs at error level the outcome of a run whose end the database never took, which reads "interrupted" once its lease is out', async () => {
    const web = await start({ endRetryMs: [10, 20, 40], now: clock });
    await web.ctx.store.addSubscriber('ana@example.org', 'Ana');
    const location = await trigger(web);

    await tableAway();
    rig.source.release();
    await web.idle();
    await until(() => logged(web, 'though it ended').length > 0);
    const [edition] = await web.ctx.store.listEditions(5);
    const lines = logged(web, 'though it ended');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe(50);
    expect(lines[0]?.msg).toContain(
      `could not record the end of run ${runId(location)} of the ops API (4 tries)`,
    );
    expect(lines[0]?.msg).toContain(
      `though it ended settled: {"status":"started","editionId":"${edition?.id}"}`,
    );
    expect(rig.sink.received).toHaveLength(1);

    // The database back: the run was not recorded, so it reads building, then interrupted (not building for ever).
    await tableBack();
    expect(await web.read(location)).toMatchObject({ status: 'building' });
    rig.offset += 2 * LEASE;
    expect(await web.read(location)).toMatchObject({ status: 'interrupted' });
    expect(logged(web, 'though it ended')).toHaveLength(1);
  });

  it('tries at once, when the server closes, an end that was waiting for its next try', async () => {
    // The next try a minute away: only the close makes it now.
    const web = await start({ endRetryMs: [LEASE] });
    const location = await trigger(web, '{"dryRun":true}');
    await tableAway();
    rig.source.release();
    await web.idle();
    await until(() => logged(web, `run ${runId(location)}`).length > 0);
    await tableBack();

    await web.stopServer();
    expect(await web.ctx.store.runs.get(runId(location))).toMatchObject({ status: 'settled' });
    expect(JSON.parse((await web.ctx.store.runs.get(runId(location)))?.outcome ?? '{}')).toMatchObject({
      status: 'planned',
    });
    expect(logged(web, 'though it ended')).toHaveLength(0);
  });

  it.runIf(backend.name === 'Postgres')(
    'closes within its bound while the database does not answer, logging the outcome it could not record',
    async () => {
      const web = await start({ closeWithinMs: 300 });
      await web.ctx.store.addSubscriber('ana@example.org', 'Ana');
      const location = await trigger(web);
      // Another connection holds the runs table: the server's writes to it wait, unanswered.
      const locker = new pg.Client({ connectionString: rig.database });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE triggered_runs IN ACCESS EXCLUSIVE MODE');
        rig.source.release();
        await web.idle();
        await until(async () => {
          const { rows } = await locker.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE triggered_runs SET status%'`,
          );
          return (rows[0]?.waiting ?? 0) > 0;
        });
        await web.stopServer();
        const lines = logged(web, 'though it ended');
        expect(lines).toHaveLength(1);
        expect(lines[0]?.msg).toContain(`could not record the end of run ${runId(location)}`);
        expect(lines[0]?.msg).toContain('the database had not answered when the server closed, 300 ms on');
        expect(lines[0]?.msg).toContain('though it ended settled: {"status":"started"');
      } finally {
        await locker.query('ROLLBACK');
        await locker.end();
      }
    },
  );
});
