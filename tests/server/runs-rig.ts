import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, expect } from 'vitest';
import { loadArticles } from '../../src/ingest/load.ts';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import type { PendingRunsOptions } from '../../src/server/pending-runs.ts';
import { type HeldSource, startHeldSource } from '../helpers/held-source.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { freshPostgresDatabase, type StoreBackend } from '../helpers/store-backends.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { until } from '../helpers/until.ts';
import { openTestContext } from '../schedule/context.ts';
import { startOpsServer } from './ops-server.ts';

/** The ops token of every RunsRig process. */
export const RIG_TOKEN = 'ops-token-0123456789abcdef';

/** One web process of the service: its own store connection, runner and HTTP server on the database. */
export interface WebProcess {
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

/** Web processes on one database (fresh for each test), reading a held source, mailing a sink. */
export interface RunsRig {
  readonly sink: Awaited<ReturnType<typeof startSmtpSink>>;
  readonly source: HeldSource;
  /** DIGEST_DB of every process: a SQLite file or a Postgres database URL. */
  readonly database: string;
  /** Added to the clock of every process's runs: a test moves it past the lease or the keep time. */
  offset: number;
  readonly clock: () => number;
  start(runs?: PendingRunsOptions, answerWithinMs?: number): Promise<WebProcess>;
  /** POSTs a trigger the held source keeps building; the run's Location. */
  trigger(web: WebProcess, body?: string): Promise<string>;
  /** Polls the run until it reads other than building; its last body. */
  followed(web: WebProcess, location: string): Promise<Record<string, unknown>>;
  /** Runs SQL on the database from a connection of its own (as another program would). */
  sql(statement: string): Promise<void>;
}

/** A RunsRig for each test of the enclosing suite on `backend` (skipped when it is not available). */
export function useRunsRig(backend: StoreBackend): RunsRig {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: RunsRig['sink'];
  let source: HeldSource;
  let database: string;
  let processes: WebProcess[] = [];

  const start = async (runs: PendingRunsOptions = {}, answerWithinMs = 200): Promise<WebProcess> => {
    const ctx = await openTestContext(temp.dir, sink.url, { DIGEST_DB: database });
    const runner = createEditionRunner(ctx, {
      logger: ctx.logger,
      loadSources: async () =>
        (await loadArticles([source.url], { fetch: { allowPrivateLinks: true } })).articles,
    });
    const server = await startOpsServer(ctx, runner, { token: RIG_TOKEN, answerWithinMs, runs });
    let serving = true;
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${RIG_TOKEN}` } });
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

  const rig: RunsRig = {
    get sink() {
      return sink;
    },
    get source() {
      return source;
    },
    get database() {
      return database;
    },
    offset: 0,
    clock: () => Date.now() + rig.offset,
    start,
    async trigger(web, body = '') {
      const res = await web.call('/api/editions', { method: 'POST', body });
      expect(res.status).toBe(202);
      expect(await res.json()).toMatchObject({ status: 'building' });
      return res.headers.get('location') ?? '';
    },
    async followed(web, location) {
      let body: Record<string, unknown> = {};
      await until(async () => {
        body = await web.read(location);
        return body.status !== 'building';
      });
      return body;
    },
    async sql(statement) {
      if (backend.name === 'SQLite') {
        const db = new Database(database);
        try {
          db.exec(statement);
        } finally {
          db.close();
        }
        return;
      }
      const client = new pg.Client({ connectionString: database });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    },
  };

  beforeEach(async (context) => {
    if (backend.skipReason) return context.skip(backend.skipReason);
    temp = makeTempDir('digest-ops-runs-');
    sink = await startSmtpSink();
    source = await startHeldSource();
    database = backend.name === 'SQLite' ? join(temp.dir, 'shared.db') : await freshPostgresDatabase();
    processes = [];
    rig.offset = 0;
  });
  afterEach(async () => {
    if (backend.skipReason) return;
    source.release();
    for (const web of [...processes].reverse()) await web.close();
    await source.close();
    await sink.close();
    temp.remove();
  });
  return rig;
}
