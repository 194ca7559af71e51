#!/usr/bin/env node
// Bundles the CLI (src/cli/main.ts and what it imports, emails/ included) into dist/ with
// esbuild: production runs start on plain node, without tsx's loader (about 60 MB of memory
// and a second of start-up). Dependencies stay in node_modules; each command's module stays
// its own chunk, loaded when that command runs. `--if-stale` builds only when a source file
// is newer than dist/main.js, so `npm start` and `npm run digest` can call it every time.
// The article extraction worker thread is an entry of its own: dist/extract-worker.js, which
// src/ingest/extract-pool.ts starts from beside its chunk.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
// --outdir DIR (inside the project, so the bundle finds templates/ above it): for tests.
const outIndex = process.argv.indexOf('--outdir');
const OUTDIR = outIndex > 0 ? process.argv[outIndex + 1] : 'dist';
const ENTRY = join(ROOT, OUTDIR, 'main.js');
const SOURCES = ['src', 'emails', 'package.json', 'tsconfig.json'];

function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = statSync(ENTRY, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const stale = built === 0 || Math.max(...SOURCES.map((s) => newest(join(ROOT, s)))) > built;
if (process.argv.includes('--if-stale') && !stale) process.exit(0);

// Chunk names carry a hash of their content: without this, every rebuild would leave the
// previous chunks behind.
rmSync(join(ROOT, OUTDIR), { recursive: true, force: true });
const { build } = await import('esbuild');
await build({
  absWorkingDir: ROOT,
  entryPoints: { main: 'src/cli/main.ts', 'extract-worker': 'src/ingest/extract-worker.ts' },
  outdir: OUTDIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
