#!/usr/bin/env node
// Checks the real-news corpus (corpus/README.md): every text present must hash to its gold file's
// fingerprint; absent texts (a fresh clone has none: they are never committed) are named with the
// address they come back from. Exit 0 when every present text matches, 1 on a mismatch, 2 on a
// gold file that cannot be read.
// Usage: node scripts/corpus-check.js [DIR...]   (default: every folder under corpus/)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint } from './corpus-fingerprint.js';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));

/** The corpus folders: those named, else every folder under corpus/. */
function listFolders(args) {
  if (args.length > 0) return args;
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS)
    .map((name) => join(CORPUS, name))
    .filter((path) => statSync(path).isDirectory());
}

/** One gold file's state: `ok`, `missing` or `mismatch`, or `unreadable` with the reason. */
export function checkGold(goldPath) {
  let gold;
  try {
    gold = JSON.parse(readFileSync(goldPath, 'utf8'));
  } catch (error) {
    return { state: 'unreadable', reason: error.message };
  }
  const print = gold?.fingerprint;
  if (typeof print?.sha256 !== 'string' || typeof print?.chars !== 'number') {
    return { state: 'unreadable', reason: 'no fingerprint { sha256, chars }' };
  }
  const textPath = goldPath.replace(/\.gold\.json$/, '.md');
  if (!existsSync(textPath)) return { state: 'missing', url: gold.url ?? null };
  const actual = fingerprint(readFileSync(textPath, 'utf8'));
  if (actual.sha256 === print.sha256 && actual.chars === print.chars) return { state: 'ok' };
  return { state: 'mismatch', reason: `${actual.chars} chars, sha256 ${actual.sha256.slice(0, 12)}…` };
}

function main(args) {
  const counts = { ok: 0, missing: 0, mismatch: 0, unreadable: 0 };
  for (const dir of listFolders(args)) {
    if (!existsSync(dir)) {
      console.error(`corpus:check: ${dir}: no such folder`);
      counts.unreadable += 1;
      continue;
    }
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.gold.json'))
      .sort()) {
      const where = relative(process.cwd(), join(dir, name));
      const result = checkGold(join(dir, name));
      counts[result.state] += 1;
      if (result.state === 'missing')
        console.log(`missing   ${where.replace(/\.gold\.json$/, '.md')}  ${result.url ?? ''}`);
      else if (result.state !== 'ok') console.log(`${result.state.padEnd(9)} ${where}: ${result.reason}`);
    }
  }
  const total = counts.ok + counts.missing + counts.mismatch + counts.unreadable;
  console.log(
    `${total} gold files: ${counts.ok} texts match, ${counts.missing} missing, ${counts.mismatch} changed` +
      (counts.unreadable ? `, ${counts.unreadable} unreadable` : ''),
  );
  if (total > 0 && counts.missing === total) {
    console.log('No corpus texts here (they are never committed): save each from its address to check it.');
  }
  return counts.unreadable > 0 ? 2 : counts.mismatch > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
