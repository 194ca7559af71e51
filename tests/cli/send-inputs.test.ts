import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { SAMPLE } from '../schedule/sample.ts';
import { runCli } from './run-cli.ts';

const ARTICLE =
  '---\ntitle: Council meets\npublished: 2026-11-30\n---\nThe council will meet on December 10.\n';

// Real `digest` processes against a real SMTP server and a SQLite file, as an operator runs them.
describe('digest send with the articles named on its command line', () => {
  const temp = makeTempDir('digest-send-inputs-');
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let pages: Server;
  let pagesUrl = '';
  // Refused with a 451 at their first attempt, then accepted.
  const refusedOnce = new Set<string>();
  const fresh = async (name: string) => {
    const db = join(temp.dir, `${name}.db`);
    const store = openSqliteStore(db);
    for (const email of ['t1@example.org', 't2@example.org', 't3@example.org'])
      await store.addSubscriber(email, null);
    await store.close();
    return {
      SMTP_URL: sink.url,
      MAIL_FROM: 'Digest <digest@news.example>',
      DIGEST_DB: db,
      SMTP_RETRY_BASE_MS: '20',
      UNSUBSCRIBE_SECRET: 'unsubscribe-secret-for-tests',
      LOG_LEVEL: 'warn',
    };
  };
  const editions = async (env: Record<string, string>) =>
    (await runCli(['editions'], { DIGEST_DB: env.DIGEST_DB ?? '' })).stdout;

  beforeAll(async () => {
    writeFileSync(join(temp.dir, 'a6.md'), ARTICLE);
    sink = await startSmtpSink({
      onRcptTo(address, _session, callback) {
        if (!refusedOnce.delete(address.address)) return callback();
        callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
      },
    });
    pages = createServer((_req, res) => res.writeHead(404).end('gone'));
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await sink.close();
    await new Promise((resolve) => pages.close(resolve));
    temp.remove();
  });

  it('refuses a mistyped path before anything is recorded or sent (exit 2)', async () => {
    const env = await fresh('typo');
    const typo = join(temp.dir, 'a7-typo.md');
    const result = await runCli(['send', join(temp.dir, 'a6.md'), typo, '--now'], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `digest: ${typo}: no such file or folder (relative paths start at ${process.cwd()}) [USAGE]\n`,
    );
    expect(await editions(env)).toBe('no editions yet\n');
    expect(sink.received).toHaveLength(0);
  });

  it('refuses a named URL that cannot be read, and sends nothing (exit 1)', async () => {
    const env = await fresh('url');
    const result = await runCli(['send', SAMPLE, `${pagesUrl}/gone.html`, '--now'], {
      ...env,
      DIGEST_FETCH_PRIVATE: 'allow',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^digest: .*gone\.html.*: nothing was recorded or sent \[ARTICLE_UNREADABLE\]$/m,
    );
    expect(await editions(env)).toBe('no editions yet\n');
    expect(sink.received).toHaveLength(0);
  });

  it('refuses a mistyped path in render and preview too, writing nothing', async () => {
    const out = join(temp.dir, 'rendered');
    const render = await runCli(['render', SAMPLE, 'a7-typo.md', '--out', out], { LOG_LEVEL: 'warn' });
    expect(render.code).toBe(2);
    expect(render.stderr).toMatch(/^digest: a7-typo\.md: no such file or folder .*\[USAGE\]\n$/);
    expect(existsSync(out)).toBe(false);
    const preview = await runCli(['preview', SAMPLE, 'a7-typo.md', '--port', '0'], { LOG_LEVEL: 'warn' });
    expect(preview.code).toBe(2);
    expect(preview.stderr).toMatch(/^digest: a7-typo\.md: no such file or folder .*\[USAGE\]\n$/);
  });

  it('lists no error of a delivery a later attempt sent, in the summary as in status', async () => {
    const env = await fresh('retried');
    sink.received.length = 0;
    for (const email of ['t1@example.org', 't2@example.org']) refusedOnce.add(email);
    const result = await runCli(['send', join(temp.dir, 'a6.md'), '--now'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\S+: done, 3\/3 sent, 0 failed, 0 queued\n$/);
    expect(result.stdout).not.toContain('451');
    expect(sink.received.flatMap((m) => m.to).sort()).toEqual([
      't1@example.org',
      't2@example.org',
      't3@example.org',
    ]);
    const status = await runCli(['status', '--json'], { DIGEST_DB: env.DIGEST_DB });
    expect(JSON.parse(status.stdout)).toMatchObject({ lastErrors: [] });
  });
});
