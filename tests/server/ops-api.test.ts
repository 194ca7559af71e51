import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ingestSample, openTestContext } from '../schedule/context.ts';
import { startOpsServer } from './ops-server.ts';

const TOKEN = 'ops-token-0123456789abcdef';

describe('the ops API', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let server: { url: string; close(): Promise<void> };
  let runner: ReturnType<typeof createEditionRunner>;

  const start = async (token: string | null) => {
    server = await startOpsServer(ctx, runner, { token });
  };
  const call = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token !== null) headers.set('authorization', `Bearer ${init.token ?? TOKEN}`);
    return fetch(`${server.url}${path}`, { ...init, headers });
  };

  beforeEach(async () => {
    temp = makeTempDir('digest-ops-');
    sink = await startSmtpSink();
    ctx = await openTestContext(temp.dir, sink.url);
    await ctx.store.addSubscriber('ana@example.org', 'Ana');
    await ctx.store.addSubscriber('ben@example.org', null);
    runner = createEditionRunner(ctx, { logger: ctx.logger, loadSources: ingestSample });
  });
  afterEach(async () => {
    await server.close();
    await runner.idle();
    await ctx.close();
    await sink.close();
    temp.remove();
  });

  it('binds 127.0.0.1 unless told otherwise, and answers /health without a token', async () => {
    await start(TOKEN);
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
  });

  it('is off (404) when no OPS_TOKEN is configured, whatever the request carries', async () => {
    await start(null);
    expect((await call('/api/editions')).status).toBe(404);
    expect((await call('/api/editions', { method: 'POST', body: '{}' })).status).toBe(404);
    expect(sink.received).toHaveLength(0);
  });

  it.each([
    ['a missing token', null, undefined],
    ['a wrong token of the same length', 'ops-token-0123456789abcdeX', undefined],
    ['a wrong token of another length', 'short', undefined],
    ['another scheme', null, { authorization: `Basic ${TOKEN}` }],
  ])('refuses %s with 401 and triggers nothing', async (_name, token, headers) => {
    await start(TOKEN);
    for (const [path, method] of [
      ['/api/editions', 'GET'],
      ['/api/editions', 'POST'],
      ['/api/editions/anything', 'GET'],
    ] as const) {
      const res = await call(path, { method, token, ...(headers ? { headers } : {}) });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect(sink.received).toHaveLength(0);
    expect(await ctx.store.listEditions(5)).toHaveLength(0);
  });

  it('plans a dry run without sending or recording anything', async () => {
    await start(TOKEN);
    const res = await call('/api/editions', { method: 'POST', body: JSON.stringify({ dryRun: true }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; plan: { recipients: number; articles: number } };
    expect(body.status).toBe('planned');
    expect(body.plan).toMatchObject({ recipients: 2, articles: 1 });
    expect(sink.received).toHaveLength(0);
    expect(await ctx.store.listEditions(5)).toHaveLength(0);
    expect(await ctx.store.filterUnseenArticles((await ingestSample()).map((a) => a.id))).toHaveLength(1);
  });

  it('triggers an edition, reports its progress, lists it, and refuses a second one with nothing new', async () => {
    await start(TOKEN);
    const res = await call('/api/editions', { method: 'POST' });
    expect(res.status).toBe(202);
    const started = (await res.json()) as { status: string; editionId: string };
    expect(started.status).toBe('started');
    expect(res.headers.get('location')).toBe(`/api/editions/${started.editionId}`);

    let detail:
      | { status: string; progress: { sent: number; total: number }; lastErrors: unknown[] }
      | undefined;
    for (let i = 0; i < 200 && detail?.status !== 'done'; i++) {
      detail = (await (await call(`/api/editions/${started.editionId}`)).json()) as typeof detail;
      if (detail?.status !== 'done') await sleep(25);
    }
    expect(detail).toMatchObject({ status: 'done', progress: { sent: 2, total: 2 }, lastErrors: [] });
    expect(sink.received).toHaveLength(2);

    const list = (await (await call('/api/editions')).json()) as { editions: { id: string }[] };
    expect(list.editions.map((e) => e.id)).toEqual([started.editionId]);

    const again = await call('/api/editions', { method: 'POST', body: '{"dryRun": false}' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'nothing-new' });
    expect(sink.received).toHaveLength(2);
  });

  it('answers 409 while another run holds the lease', async () => {
    await start(TOKEN);
    await ctx.store.acquireLease('edition-run', 'another-worker', 60_000);
    const res = await call('/api/editions', { method: 'POST' });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ status: 'busy', holder: 'another-worker' });
    expect(sink.received).toHaveLength(0);
  });

  it.each([
    ['a body that is not JSON', '{dryRun', 400],
    ['a dryRun that is not a boolean', '{"dryRun": "yes"}', 400],
    ['a body that is not an object', '[true]', 400],
    ['a body too large', JSON.stringify({ pad: 'x'.repeat(20_000) }), 413],
    ['a misspelt field (dryrun)', '{"dryrun": true}', 400],
    ['an unknown field beside dryRun', '{"dryRun": true, "to": "all"}', 400],
    ['dryRun given twice (JSON.parse keeps the last)', '{"dryRun":true,"dryRun":false}', 400],
    ['a key given twice in another spelling', '{"dryRun":true,"dry\\u0052un":false}', 400],
    ['a body of null (not an empty body)', 'null', 400],
    ['a body that is a JSON string', '"{}"', 400],
  ])('refuses %s and sends nothing', async (_name, body, status) => {
    await start(TOKEN);
    const res = await call('/api/editions', { method: 'POST', body });
    expect(res.status).toBe(status);
    expect(sink.received).toHaveLength(0);
    expect(await ctx.store.listEditions(5)).toHaveLength(0);
  });

  it('names the unknown field in its 400', async () => {
    await start(TOKEN);
    const res = await call('/api/editions', { method: 'POST', body: '{"dryrun": true}' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(
      'unknown field "dryrun" (did you mean "dryRun"?)',
    );
  });

  it('says which field a body gives twice, and what a body of null is', async () => {
    await start(TOKEN);
    const twice = await call('/api/editions', { method: 'POST', body: '{"dryRun":true,"dryRun":false}' });
    expect(await twice.json()).toEqual({ error: 'the body gives the field "dryRun" twice' });
    const nothing = await call('/api/editions', { method: 'POST', body: 'null' });
    expect(await nothing.json()).toEqual({ error: 'the body must be a JSON object, not null' });
    expect(await ctx.store.listEditions(5)).toHaveLength(0);
  });

  it('refuses query parameters, naming them, and starts nothing', async () => {
    await start(TOKEN);
    const res = await call('/api/editions?dryrun=1', { method: 'POST' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'unknown query parameter "dryrun": no call here takes one' });
    expect(await ctx.store.listEditions(5)).toHaveLength(0);
    expect(sink.received).toHaveLength(0);
  });

  it('answers a bad %-encoding in an edition id with a JSON 400', async () => {
    await start(TOKEN);
    const res = await call('/api/editions/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'the address is not valid (a bad %-encoding?)' });
  });

  it.each([
    ['a word', 'x'],
    ['capitals', 'ABC'],
    ['a space', 'bad%20id'],
    ['a hash of capitals', '2022-01-06-0000ABCD'],
    ["300 characters, past the router's limit", 'a'.repeat(300)],
  ])('answers 400 for an id that is not an edition id (%s), as the README says', async (_name, id) => {
    await start(TOKEN);
    const res = await call(`/api/editions/${id}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'not an edition id: an edition id is its date and 8 hex digits, as 2022-01-06-1a2b3c4d',
    });
  });

  it('answers 404 for an unknown edition and 405 for a wrong method', async () => {
    await start(TOKEN);
    const unknown = await call('/api/editions/2022-01-06-0000abcd');
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: 'no such edition' }]);
    const del = await call('/api/editions', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, POST');
    expect((await call('/api/nothing-here')).status).toBe(404);
  });
});
