import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/ingest/load.ts';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { CANCELLED_FINISHING } from '../../src/schedule/trigger.ts';
import { NO_SUCH_RUN } from '../../src/server/ops-api.ts';
import { runCli } from '../cli/run-cli.ts';
import { type HeldSource, startHeldSource } from '../helpers/held-source.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { until } from '../helpers/until.ts';
import { openTestContext } from '../schedule/context.ts';
import { slowWorkerEnv, startOpsServer, startWorker } from './ops-server.ts';

const TOKEN = 'ops-token-0123456789abcdef';

// Sources that answer only when the test says (the QA report's feed of slow pages), a real
// HTTP server, SQLite store and SMTP server: the trigger must answer before they do.
describe('the ops API with slow sources', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let source: HeldSource;
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let server: { url: string; close(): Promise<void> };
  let runner: ReturnType<typeof createEditionRunner>;

  const start = async (answerWithinMs: number) => {
    server = await startOpsServer(ctx, runner, { token: TOKEN, answerWithinMs });
  };
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}` } });
  const followRun = async (location: string) => {
    let body: Record<string, unknown> = {};
    await until(async () => {
      body = (await (await call(location)).json()) as Record<string, unknown>;
      return body.status !== 'building';
    });
    return body;
  };

  beforeEach(async () => {
    temp = makeTempDir('digest-ops-slow-');
    sink = await startSmtpSink();
    source = await startHeldSource();
    ctx = await openTestContext(temp.dir, sink.url);
    await ctx.store.addSubscriber('ana@example.org', 'Ana');
    runner = createEditionRunner(ctx, {
      logger: ctx.logger,
      loadSources: async () =>
        (await loadArticles([source.url], { fetch: { allowPrivateLinks: true } })).articles,
    });
  });
  afterEach(async () => {
    source.release();
    await server.close();
    await runner.idle();
    await ctx.close();
    await source.close();
    await sink.close();
    temp.remove();
  });

  it('answers 202 "building" with a run to follow while the sources are read, then the edition', async () => {
    // A wait the source's first request comes well inside: `since` is checked against it.
    await start(1000);
    const res = await call('/api/editions', { method: 'POST' });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { status: string; run: string; dryRun: boolean };
    expect(body).toEqual({ status: 'building', run: expect.any(String), dryRun: false });
    const location = res.headers.get('location') ?? '';
    expect(location).toBe(`/api/runs/${body.run}`);
    const building = await call(location);
    expect(building.status).toBe(200);
    const view = (await building.json()) as { since: string };
    expect(view).toMatchObject({ run: body.run, status: 'building', dryRun: false });
    // `since` is when the build began (before it asked the source), not when the 202 went out.
    await until(() => source.hits() > 0);
    expect(Date.parse(view.since)).toBeLessThanOrEqual(source.firstHitAt() ?? 0);
    expect(await ctx.store.listEditions(5)).toHaveLength(0);

    source.release();
    const done = await followRun(location);
    expect(done).toMatchObject({ run: body.run, status: 'started', editionId: expect.any(String) });
    const again = await call(location);
    expect(again.headers.get('location')).toBe(`/api/editions/${done.editionId}`);
    await runner.idle();
    expect(sink.received.flatMap((m) => m.to)).toEqual(['ana@example.org']);
  });

  it('answers a slow dry run the same way, and its run ends with the plan, recording nothing', async () => {
    await start(300);
    const res = await call('/api/editions', { method: 'POST', body: '{"dryRun":true}' });
    expect(res.status).toBe(202);
    expect(await res.clone().json()).toMatchObject({ status: 'building', dryRun: true });
    source.release();
    const done = await followRun(res.headers.get('location') ?? '');
    expect(done).toMatchObject({ status: 'planned', plan: { articles: 1, recipients: 1 } });
    expect(await ctx.store.listEditions(5)).toHaveLength(0);
    expect(sink.received).toHaveLength(0);
  });

  it('records and sends nothing when the caller goes away before it is answered', async () => {
    await start(60_000);
    const gone = new AbortController();
    const request = call('/api/editions', { method: 'POST', signal: gone.signal }).catch(
      (error: Error) => error.name,
    );
    await until(() => source.hits() > 0);
    gone.abort();
    expect(await request).toBe('AbortError');
    // The server learns of the closed connection from the socket: give it the moment it takes.
    await sleep(500);
    // Still reading: a new trigger is told why it is busy (QA3 #7), and starts nothing.
    const busy = await call('/api/editions', { method: 'POST' });
    expect([busy.status, await busy.json()]).toEqual([
      409,
      { status: 'busy', holder: expect.any(String), reason: CANCELLED_FINISHING },
    ]);
    expect(CANCELLED_FINISHING).toContain('whose caller went away is still finishing');
    source.release();
    await until(() => ctx.lines.some((l) => String(l.msg).includes('went away before it was recorded')));
    await runner.idle();
    expect(await ctx.store.listEditions(5)).toHaveLength(0);
    expect(sink.received).toHaveLength(0);
    // The articles were not used up: the next trigger sends them.
    const next = await call('/api/editions', { method: 'POST' });
    expect(next.status).toBe(202);
    expect(await next.json()).toMatchObject({ status: 'started' });
  });

  it('answers 404 for a run it does not know', async () => {
    await start(300);
    const res = await call('/api/runs/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: NO_SUCH_RUN });
  });
});

// The QA report's steps: a real worker process whose DIGEST_SOURCES answer slowly.
describe('POST /api/editions on a worker whose sources are slow', () => {
  it('is answered before the server would close the connection, and sends once they are read', async () => {
    const temp = makeTempDir('digest-ops-worker-');
    const sink = await startSmtpSink();
    const source = await startHeldSource();
    const { worker, url } = await startWorker(slowWorkerEnv(temp.dir, sink.url, source.url, TOKEN));
    try {
      expect(
        (await runCli(['subscribers', 'add', 'ana@example.org'], { DIGEST_DB: join(temp.dir, 'digest.db') }))
          .code,
      ).toBe(0);
      const auth = { authorization: `Bearer ${TOKEN}` };
      // Before, the connection closed after 30 s with no answer, and the edition went out later.
      const res = await fetch(`${url}/api/editions`, { method: 'POST', headers: auth });
      expect(res.status).toBe(202);
      expect(await res.json()).toMatchObject({ status: 'building', dryRun: false });
      source.release();
      const location = res.headers.get('location') ?? '';
      let run: Record<string, unknown> = {};
      await until(async () => {
        run = (await (await fetch(`${url}${location}`, { headers: auth })).json()) as Record<string, unknown>;
        return run.status !== 'building';
      });
      expect(run).toMatchObject({ status: 'started', editionId: expect.any(String) });
      await until(() => sink.received.length === 1);
      expect(sink.received.flatMap((m) => m.to)).toEqual(['ana@example.org']);
      expect(worker.output()).not.toContain('got no answer within');
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
      source.release();
      await source.close();
      await sink.close();
      temp.remove();
    }
  });
});
