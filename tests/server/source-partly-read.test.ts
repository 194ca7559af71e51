import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSources } from '../../src/cli/service.ts';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { type HeldSource, startHeldSource } from '../helpers/held-source.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { until } from '../helpers/until.ts';
import { openTestContext } from '../schedule/context.ts';
import { startOpsServer } from './ops-server.ts';

const TOKEN = 'ops-token-0123456789abcdef';

// An edition made from the sources that were read is under way before the run ends: its 202
// (and a review run's draft) must still say which source was not read, not only the log.
describe.each([
  { review: false, answer: 'started', code: 202 },
  { review: true, answer: 'drafted', code: 200 },
])('a triggered run with one source down (review $review)', ({ review, answer, code }) => {
  let good: HeldSource;
  let down: HeldSource;
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let server: { url: string; close(): Promise<void> };
  let runner: ReturnType<typeof createEditionRunner>;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}` } });

  beforeEach(async () => {
    good = await startHeldSource('The council meets');
    good.release();
    down = await startHeldSource('The harbour reopens');
    down.fail();
    temp = makeTempDir('digest-partly-read-');
    sink = await startSmtpSink();
    ctx = await openTestContext(temp.dir, sink.url, {
      DIGEST_SOURCES: `${good.url},${down.url}`,
      DIGEST_FETCH_PRIVATE: 'allow',
      ...(review ? { DIGEST_REVIEW: 'required', EDITOR_EMAILS: 'editor@example.org' } : {}),
    });
    await ctx.store.addSubscriber('ana@example.org', null);
    runner = createEditionRunner(ctx, {
      logger: ctx.logger,
      loadSources: () => loadSources(ctx.config, ctx.logger, ctx.store),
    });
    server = await startOpsServer(ctx, runner, { token: TOKEN });
  });
  afterEach(async () => {
    await server.close();
    await runner.idle();
    await ctx.close();
    await sink.close();
    temp.remove();
    await good.close();
    await down.close();
  });

  it(`answers "${answer}" with the source that was not read, and makes the edition of the other`, async () => {
    const res = await call('/api/editions', { method: 'POST' });
    expect(res.status).toBe(code);
    const body = (await res.json()) as { status: string; unread?: { source: string; error: string }[] };
    expect(body.status).toBe(answer);
    expect(body.unread).toEqual([{ source: down.url, error: expect.stringContaining('503') }]);
    await runner.idle();
    if (review) {
      expect(sink.received).toHaveLength(0);
    } else {
      await until(() => sink.received.length === 1);
      const mail = sink.received[0]?.raw.toString('utf8') ?? '';
      expect(mail).toContain('The council meets');
      expect(mail).not.toContain('The harbour reopens');
    }
  });

  it(`leaves "unread" out of "${answer}" when every source was read`, async () => {
    down.release();
    const res = await call('/api/editions', { method: 'POST' });
    expect(res.status).toBe(code);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.status).toBe(answer);
    expect(body).not.toHaveProperty('unread');
  });
});
