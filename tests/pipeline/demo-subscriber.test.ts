import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { startDigest } from '../helpers/child.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ARTICLE = '---\ntitle: Second\npublished: 2026-11-30\n---\nThe mayor will speak on December 12.\n';

// Real processes, as the QA report ran them: the worker on the dev inbox, then `send` through a relay.
describe('the dev-inbox demo subscriber, once SMTP_URL names a real relay', () => {
  const temp = makeTempDir('digest-demo-');
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const db = join(temp.dir, 'digest.db');

  beforeAll(async () => {
    sink = await startSmtpSink();
    writeFileSync(join(temp.dir, 'a2.md'), ARTICLE);
    // The worker's sources: nothing yet, so its first-run edition does not carry a2.md.
    mkdirSync(join(temp.dir, 'empty'));
  });
  afterAll(async () => {
    await sink.close();
    temp.remove();
  });

  it('is never mailed, though DEMO_SUBSCRIBER now names another address', async () => {
    const worker = startDigest(['worker'], {
      DIGEST_DB: db,
      HTTP_PORT: '0',
      DEV_INBOX_SMTP_PORT: '0',
      DIGEST_SOURCES: join(temp.dir, 'empty'),
      SMTP_URL: '',
      LOG_LEVEL: 'info',
    });
    await worker.waitFor(/next edition at/);
    expect(worker.output()).toContain('added the demo subscriber reader@example.com');
    worker.child.kill('SIGTERM');
    await worker.exited;
    expect((await runCli(['subscribers', 'add', 'ana@example.org'], { DIGEST_DB: db })).code).toBe(0);
    sink.received.length = 0;

    const send = await runCli(['send', join(temp.dir, 'a2.md'), '--now'], {
      DIGEST_DB: db,
      SMTP_URL: sink.url,
      MAIL_FROM: 'Digest <digest@news.example>',
      DEMO_SUBSCRIBER: 'ops@news.example',
      LOG_LEVEL: 'info',
    });
    expect(send.code).toBe(0);
    expect(sink.received.flatMap((m) => m.to)).toEqual(['ana@example.org']);
    expect(send.stdout).toMatch(/: done, 1\/2 sent, 0 failed, 0 queued\n/);
    expect(send.stderr).toMatch(/skipped 1 demo subscriber\(s\)/);
  });
});
