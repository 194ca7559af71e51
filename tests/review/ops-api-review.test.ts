import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ingestSample, openTestContext } from '../schedule/context.ts';
import { startOpsServer } from '../server/ops-server.ts';

const TOKEN = 'ops-token-0123456789abcdef';

describe('the ops API with DIGEST_REVIEW=required', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let server: { url: string; close(): Promise<void> };

  beforeEach(async () => {
    temp = makeTempDir('digest-ops-review-');
    sink = await startSmtpSink();
    ctx = await openTestContext(temp.dir, sink.url, {
      DIGEST_REVIEW: 'required',
      EDITOR_EMAILS: 'editor@example.org',
    });
    await ctx.store.addSubscriber('ana@example.org', null);
    const runner = createEditionRunner(ctx, { logger: ctx.logger, loadSources: ingestSample });
    server = await startOpsServer(ctx, runner, { token: TOKEN });
  });
  afterEach(async () => {
    await server.close();
    await ctx.close();
    await sink.close();
    temp.remove();
  });

  it('answers a trigger with the draft it made, and sends nobody anything', async () => {
    const response = await fetch(`${server.url}/api/editions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; draftId: string };
    expect(body.status).toBe('drafted');
    expect(await ctx.store.drafts.get(body.draftId)).toMatchObject({ status: 'pending' });
    expect(sink.received.flatMap((m) => m.to)).not.toContain('ana@example.org');
    const audit = await ctx.store.audit.list({ limit: 5, target: body.draftId });
    expect(audit.map((e) => [e.actor, e.action])).toEqual([['ops-api', 'draft.create']]);
  });

  it('keeps the dry run’s plan to its counts', async () => {
    const response = await fetch(`${server.url}/api/editions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: '{"dryRun": true}',
    });
    const body = (await response.json()) as { plan: Record<string, unknown> };
    expect(Object.keys(body.plan).sort()).toEqual(['articles', 'editionId', 'recipients', 'subject']);
  });
});
