import { existsSync } from 'node:fs';
import { DigestError } from '../errors.ts';
import type { IngestFailure } from '../ingest/load.ts';
import { toSourceSpec } from '../ingest/source-input.ts';

/**
 * Article paths named on the command line must exist, checked before anything is read,
 * recorded or sent: `send a6.md a7-typo.md` sent a partial edition and exited 0, where the
 * same typo in DIGEST_SOURCES stops at start. A USAGE error (exit 2) naming the path.
 */
export function requireNamedPaths(inputs: readonly string[]): void {
  for (const input of inputs) {
    const spec = toSourceSpec(input);
    if (spec === 'stdin' || spec.type !== 'folder' || existsSync(spec.path)) continue;
    throw new DigestError(
      'USAGE',
      `${input}: no such file or folder (relative paths start at ${process.cwd()})`,
    );
  }
}

/**
 * A named file or URL that could not be read at all: an error, not a warning, for a command
 * that records and sends (an article in a named folder that is bad is skipped, as always).
 */
export function refuseUnreadNamedInputs(inputs: readonly string[], failures: readonly IngestFailure[]): void {
  const named = new Set(inputs);
  const unread = failures.filter((f) => named.has(f.source));
  if (unread.length === 0) return;
  throw new DigestError(
    'ARTICLE_UNREADABLE',
    `${unread.map((f) => f.error.message).join('; ')}: nothing was recorded or sent`,
  );
}
