import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotifier } from '../../src/alerts/notifier.ts';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { mailsTo, messages } from '../review/review-context.ts';
import { ingestSample, openTestContext } from '../schedule/context.ts';

const OPS = 'ops@example.org';

/** A real HTTP server on loopback that keeps each POSTed JSON body and answers `status`. */
async function startWebhook(status = 204): Promise<{ url: string; bodies: unknown[]; server: Server }> {
  const bodies: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      bodies.push({ method: req.method, type: req.headers['content-type'], json: JSON.parse(body) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/digest`, bodies, server };
}

describe('alerts to ops', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const cleanup: (() => unknown)[] = [];
  beforeEach(() => {
    temp = makeTempDir('digest-alerts-');
  });
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
    temp.remove();
  });

  const setUp = async (refuse: (address: string) => number | null, webhookStatus = 204, readers = 3) => {
    const hook = await startWebhook(webhookStatus);
    const sink = await startSmtpSink({
      onRcptTo(address, _session, callback) {
        const code = refuse(address.address);
        if (code) callback(Object.assign(new Error(`refused for the test`), { responseCode: code }));
        else callback();
      },
    });
    const ctx = await openTestContext(temp.dir, sink.url, {
      OPS_EMAILS: OPS,
      ALERT_WEBHOOK_URL: hook.url,
      SMTP_RETRY_BASE_MS: '0',
      SMTP_MAX_ATTEMPTS: '1',
    });
    cleanup.push(
      () => new Promise((resolve) => hook.server.close(resolve)),
      () => sink.close(),
      () => ctx.close(),
    );
    for (let i = 0; i < readers; i++) await ctx.store.addSubscriber(`reader${i}@example.org`, null);
    const notifier = createNotifier({ config: ctx.config, mailer: ctx.mailer, logger: ctx.logger });
    const runner = createEditionRunner(
      { ...ctx, notifier },
      { logger: ctx.logger, loadSources: ingestSample },
    );
    return { hook, sink, ctx, runner };
  };

  it('mails ops and posts the webhook when an edition finishes with failed deliveries', async () => {
    const { hook, sink, runner } = await setUp((a) => (a === 'reader1@example.org' ? 550 : null));
    const result = await runner.run({});
    expect(result.kind).toBe('ran');
    expect(hook.bodies).toEqual([
      {
        method: 'POST',
        type: 'application/json',
        json: expect.objectContaining({
          type: 'edition.failed-deliveries',
          editionId: expect.any(String),
          progress: expect.objectContaining({ sent: 2, failed: 1, total: 3 }),
          at: expect.any(String),
        }),
      },
    ]);
    const [mail] = await mailsTo(sink.received, OPS);
    expect(mail?.subject).toMatch(/finished with 1 failed deliveries/);
    expect(mail?.text).toContain('digest retry-failed');
    expect(mail?.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('tells ops when an edition pauses, and the run still ends when the webhook fails', async () => {
    // Every reader refused for now: the last 20 attempts fail and the edition pauses.
    const { hook, sink, ctx, runner } = await setUp((a) => (a.startsWith('reader') ? 451 : null), 500, 25);
    const result = await runner.run({});
    expect(result.kind === 'ran' && result.reports[0]?.outcome).toBe('paused');
    expect(hook.bodies).toEqual([
      expect.objectContaining({ json: expect.objectContaining({ type: 'edition.paused' }) }),
    ]);
    const [mail] = await mailsTo(sink.received, OPS);
    expect(mail?.subject).toMatch(/paused$/);
    expect(messages(ctx).some((m) => m === 'alert webhook answered 500')).toBe(true);
  });

  it('says nothing when an edition is delivered to everyone', async () => {
    const { hook, sink, runner } = await setUp(() => null);
    await runner.run({});
    expect(hook.bodies).toEqual([]);
    expect(await mailsTo(sink.received, OPS)).toEqual([]);
  });
});
