#!/usr/bin/env node
// Prints the fingerprint of a corpus text (corpus/README.md): the SHA-256 and length of its body
// (after the front matter) with whitespace collapsed, so a copy saved again compares equal.
// Usage: node scripts/corpus-fingerprint.js FILE...
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The body of a corpus text with its front matter removed and whitespace collapsed. */
export function normalizedBody(text) {
  const body = text.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  return body.replace(/\s+/g, ' ').trim();
}

/** `{ sha256, chars }` of a corpus text. */
export function fingerprint(text) {
  const body = normalizedBody(text);
  return { sha256: createHash('sha256').update(body).digest('hex'), chars: body.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    console.log(JSON.stringify({ file, ...fingerprint(readFileSync(file, 'utf8')) }));
  }
}
