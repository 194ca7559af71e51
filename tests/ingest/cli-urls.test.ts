import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { type FixtureServer, startFixtureServer } from './fixture-server.ts';

const run = promisify(execFile);

/** The real CLI, with a fresh environment: only PATH and HOME of this one. */
function digest(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
  });
}

// Each test starts the CLI (seconds of start-up): they run side by side.
describe.concurrent('digest analyze and render on URLs', () => {
  let server: FixtureServer;
  const temp = makeTempDir('digest-cli-urls-');
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('analyses a page URL as it does a file', async () => {
    const { stdout } = await digest(['analyze', `${server.base}/news/harbour-bridge-reopens`, '--json']);
    const analysis = JSON.parse(stdout) as { title: string; publishedAt: string; links: { url: string }[] };
    expect(analysis.title).toBe('Harbour bridge reopens after eight months of repairs');
    expect(analysis.publishedAt).toBe('2024-03-01');
    expect(analysis.links.map((l) => l.url)).toContain('https://other-paper.example/tolls-to-rise');
  });

  it('analyses the newest item of a feed URL and says which', async () => {
    const { stdout, stderr } = await digest(['analyze', `${server.base}/feeds/rss.xml`, '--json']);
    expect((JSON.parse(stdout) as { title: string }).title).toBe('Market square to be closed to cars');
    expect(stderr).toMatch(/3 articles; analysing the first: .*Market square to be closed to cars/);
  });

  it('renders every item of a feed URL into one digest', async () => {
    const out = join(temp.dir, 'out');
    await digest(['render', `${server.base}/feeds/rss.xml`, '--out', out, '--now', '2024-03-05'], {
      DIGEST_DB: join(temp.dir, 'digest.db'),
    });
    const text = readFileSync(join(out, 'digest.txt'), 'utf8');
    for (const title of [
      'Market square to be closed to cars',
      'Ferry timetable changes for March',
      'Harbour bridge reopens',
    ]) {
      expect(text).toContain(title);
    }
  });

  it('fails clearly on a URL with no article', async () => {
    const failed = await digest(['analyze', `${server.base}/pages/sign-in`, '--json']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(
      /sign-in: no article found in the page \[ARTICLE_UNREADABLE\]/,
    );
  });
});
