import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/index.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { nestedPage } from '../ingest/hostile-pages.ts';

const SAMPLE = 'examples/articles/blinken-gun-from-ukraines-head.md';
// Inside the project (as dist/ is): the bundle finds templates/ in the folder above it.
const OUT = 'node_modules/.cache/digest-build-test';

/** The packages a bundle file imports statically, with those of the chunks it imports so. */
function staticPackages(file: string, seen = new Set<string>(), packages = new Set<string>()): string[] {
  if (!seen.has(file)) {
    seen.add(file);
    const code = readFileSync(join(OUT, file), 'utf8');
    for (const [, from] of code.matchAll(/^import\s[^;]*?from\s*"([^"]+)";/gms)) {
      if (from?.startsWith('./')) staticPackages(from.slice(2), seen, packages);
      else if (from && !from.startsWith('node:')) packages.add(from);
    }
  }
  return [...packages].sort();
}

/** The production build (scripts/build.js, what `npm start` runs) behaves as the sources do. */
describe('the production build', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'digest-build-'));
  const run = (args: string[]) =>
    execFileSync(process.execPath, [join(OUT, 'main.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, DIGEST_DB: join(tmp, 'digest.db') },
    });

  beforeAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    execFileSync(process.execPath, ['scripts/build.js', '--outdir', OUT]);
  }, 60_000);
  afterAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  });

  it('analyzes the sample exactly as the sources do', async () => {
    const [article] = (await loadArticles([SAMPLE])).articles;
    if (!article) throw new Error('sample did not load');
    const ours = analyzeArticle(article);
    const built = JSON.parse(run(['analyze', SAMPLE, '--json'])) as { quotes: unknown[]; events: unknown[] };
    expect(built.quotes).toHaveLength(ours.quotes.length);
    expect(built.events.map((e) => (e as { date: string }).date)).toEqual(ours.events.map((e) => e.date));
  });

  it('renders with the handlebars templates and react-email from the bundle', () => {
    run(['render', SAMPLE, '--out', tmp, '--now', '2022-01-06T07:00:00Z']);
    const text = readFileSync(join(tmp, 'digest.txt'), 'utf8');
    const html = readFileSync(join(tmp, 'digest.html'), 'utf8');
    expect(text).toMatch(/gun from Ukraine/);
    expect(html).toMatch(/<html[^>]*>/);
    expect(html).toMatch(/Geneva/);
    expect(statSync(join(tmp, 'digest.eml')).size).toBeGreaterThan(html.length / 2);
  });

  it('answers --help and --version from the command table, importing no heavy library', () => {
    const help = run(['--help']);
    for (const name of ['analyze', 'send', 'subscribers', 'worker', 'editions']) {
      expect(help).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    expect(run(['--version']).trim()).toBe(version);
    // What main.js imports before a command runs: its static imports and theirs, chunk by chunk.
    expect(staticPackages('main.js')).toEqual(['commander', 'pino']);
  });

  it("extracts pages in the bundle's own worker thread, and refuses a hostile one there", () => {
    const page = readFileSync('tests/fixtures/ingest/harbour-bridge.html', 'utf8');
    writeFileSync(join(tmp, 'bridge.html'), page.replaceAll('{{BASE}}', 'https://news.example'));
    writeFileSync(join(tmp, 'deep.html'), nestedPage(5_000));
    const built = JSON.parse(run(['analyze', join(tmp, 'bridge.html'), '--json'])) as { title: string };
    expect(built.title).toBe('Harbour bridge reopens after eight months of repairs');
    const deep = spawnSync(process.execPath, [join(OUT, 'main.js'), 'analyze', join(tmp, 'deep.html')], {
      encoding: 'utf8',
      env: { ...process.env, DIGEST_DB: join(tmp, 'digest.db') },
    });
    expect(deep.status).toBe(1);
    expect(deep.stderr).toMatch(
      /deep\.html: the page nests elements more than 256 deep.*\[PAGE_TOO_COMPLEX\]/,
    );
  });

  it('analyzes a text file without importing the HTTP client, the HTML tools or the feed parser', () => {
    const chunk = readdirSync(OUT).find((f) => /^analyze-command-.*\.js$/.test(f));
    if (!chunk) throw new Error('no analyze-command chunk in the bundle');
    const loaded = staticPackages(chunk);
    for (const heavy of [
      'undici',
      'linkedom',
      '@mozilla/readability',
      'htmlparser2',
      'fast-xml-parser',
      'react',
    ]) {
      expect(loaded).not.toContain(heavy);
    }
    expect(loaded).toContain('chrono-node/en');
  });

  it('skips the build with --if-stale when nothing changed', () => {
    const before = statSync(join(OUT, 'main.js')).mtimeMs;
    execFileSync(process.execPath, ['scripts/build.js', '--if-stale', '--outdir', OUT]);
    expect(statSync(join(OUT, 'main.js')).mtimeMs).toBe(before);
  });
});
