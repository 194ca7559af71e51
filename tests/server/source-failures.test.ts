import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSources } from '../../src/cli/service.ts';
import { runCli, startCli } from '../cli/run-cli.ts';
import { type HeldSource, startHeldSource } from '../helpers/held-source.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { until } from '../helpers/until.ts';
import { deskClient, pageText, startDeskServer } from './desk/desk-server.ts';
import { type OpsRig, startOpsRig } from './ops-server.ts';

const TOKEN = 'ops-token-0123456789abcdef';

// QA3 defect 13: when the only source failed, the answer was "no new articles" (only the log knew).
describe('a run whose source could not be read', () => {
  let source: HeldSource;
  beforeEach(async () => {
    source = await startHeldSource('The council meets');
    source.fail();
  });
  afterEach(async () => {
    await source.close();
  });

  describe('through the ops API', () => {
    let rig: OpsRig;
    beforeEach(async () => {
      rig = await startOpsRig({ DIGEST_SOURCES: source.url }, TOKEN);
    });
    afterEach(async () => {
      await rig.close();
    });

    it('answers 502 "sources-failed" naming the source and why, not "nothing-new", and records nothing', async () => {
      for (const body of ['', '{"dryRun":true}']) {
        const res = await rig.call('/api/editions', { method: 'POST', body });
        expect(res.status).toBe(502);
        const answer = (await res.json()) as { status: string; unread: { source: string; error: string }[] };
        expect(answer).toMatchObject({ status: 'sources-failed', resumed: 0 });
        expect(answer.unread).toEqual([{ source: source.url, error: expect.stringContaining('503') }]);
      }
      expect(await rig.ctx.store.listEditions(5)).toHaveLength(0);
      expect(rig.sink.received).toHaveLength(0);
    });

    it('still answers "nothing-new" when every source was read and nothing is new', async () => {
      source.release();
      expect((await rig.call('/api/editions', { method: 'POST' })).status).toBe(202);
      await rig.runner.idle();
      const again = await rig.call('/api/editions', { method: 'POST' });
      expect([again.status, await again.json()]).toEqual([200, { status: 'nothing-new', resumed: 0 }]);
    });
  });

  describe('on the desk', () => {
    let desk: Awaited<ReturnType<typeof startDeskServer>>;
    beforeEach(async () => {
      desk = await startDeskServer(
        { DIGEST_SOURCES: source.url, DIGEST_FETCH_PRIVATE: 'allow' },
        { loadSources: () => loadSources(desk.ctx.config, desk.ctx.logger, desk.ctx.store) },
      );
      await desk.ctx.store.addSubscriber('ana@example.org', null);
    });
    afterEach(async () => {
      await desk.close();
    });

    it('says which source could not be read and why instead of "no new articles"', async () => {
      const ops = deskClient(desk.url);
      await ops.welcome(await desk.account('olga@example.org', 'ops'));
      const res = await ops.get('/desk/send');
      expect(res.status).toBe(200);
      const text = pageText(await res.text());
      expect(text).toContain('Not read: a source could not be read');
      expect(text).toContain(source.url);
      expect(text).toContain('503');
      expect(text).toContain('Nothing to send from the sources that were read.');
      expect(text).not.toContain('no new articles');
      // A send of the dry run shown is refused with the same reasons, and sends nothing.
      const csrf = await ops.csrf('/desk/send');
      const sent = await ops.post('/desk/send', { _csrf: csrf, editionId: 'none' });
      expect(sent.status).toBe(409);
      expect(pageText(await sent.text())).toContain(source.url);
      expect(desk.sink.received).toHaveLength(0);
    });
  });

  it('makes `digest send --now` say which source failed and exit 1, not "no new articles"', async () => {
    const temp = makeTempDir('digest-unread-cli-');
    try {
      const env = {
        DIGEST_DB: join(temp.dir, 'digest.db'),
        DIGEST_SOURCES: source.url,
        DIGEST_FETCH_PRIVATE: 'allow',
      };
      const dry = await runCli(['send', '--now', '--dry-run'], env);
      expect(dry.code).toBe(1);
      expect(dry.stdout).toContain(`nothing to send: 1 source(s) could not be read (${source.url}: `);
      expect(dry.stdout).toContain('503');
      expect(dry.stdout).not.toContain('no new articles');
    } finally {
      temp.remove();
    }
  });

  it('makes a scheduled slot of the worker log which source failed, not "no new articles"', async () => {
    const temp = makeTempDir('digest-unread-worker-');
    const sink = await startSmtpSink();
    try {
      const worker = startCli(['worker'], {
        DIGEST_DB: join(temp.dir, 'digest.db'),
        DIGEST_SOURCES: source.url,
        DIGEST_FETCH_PRIVATE: 'allow',
        SMTP_URL: sink.url,
        DIGEST_CRON: '* * * * * *',
        HTTP_PORT: '0',
        UNSUBSCRIBE_SECRET: 'unsubscribe-secret-0123456789',
        LOG_LEVEL: 'info',
      });
      let stderr = '';
      worker.child.stderr?.on('data', (c: Buffer) => {
        stderr += c.toString('utf8');
      });
      await until(() => /slot \S+ skipped: 1 source\(s\) could not be read/.test(stderr));
      worker.child.kill('SIGTERM');
      await worker.done;
      const line = stderr.split('\n').find((l) => l.includes('could not be read')) ?? '';
      expect(JSON.parse(line)).toMatchObject({ level: 40, unread: [{ source: source.url }] });
      expect(line).toContain('503');
      // Nothing says the sources had nothing new: one of them was not read.
      expect(stderr).not.toMatch(/no new articles(?! among the sources read)/);
      expect(sink.received).toHaveLength(0);
    } finally {
      await sink.close();
      temp.remove();
    }
  });
});
