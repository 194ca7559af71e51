import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { DigestError } from './errors.ts';
import { toSourceSpec } from './ingest/source-input.ts';
import type { SourceInput, SourceSpec } from './models/source.ts';

const httpUrl = z.string().refine((v) => /^https?:\/\/[^\s/]+/i.test(v), 'must be an http or https URL');
const maxItems = z.number().int().min(1).max(1000).optional();

/** The entries of sources.json: a path or URL as a string, or an object saying what it is. */
const folderSchema = z.strictObject({
  type: z.literal('folder'),
  path: z.string().min(1, 'must not be empty'),
});
const urlSchema = z.strictObject({ type: z.enum(['feed', 'page', 'url']), url: httpUrl, maxItems });
const stringSchema = z.string().min(1, 'must not be empty');

const fileSchema = z.strictObject({ sources: z.array(z.unknown()).min(1, 'lists no source') });

/**
 * Reads and validates a sources file (JSON: `{ "sources": [...] }`). Folder paths are
 * relative to the file. Throws CONFIG_INVALID with one line naming the file and the entry.
 */
export function readSourcesFile(path: string, variable = 'DIGEST_SOURCES_FILE'): SourceSpec[] {
  const fail = (message: string, cause?: unknown) =>
    new DigestError('CONFIG_INVALID', `${variable} ${path}: ${message}`, {
      cause,
      data: { variable, path },
    });
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    throw fail(code === 'ENOENT' ? 'no such file' : `is not valid JSON (${String(cause)})`, cause);
  }
  const file = fileSchema.safeParse(data);
  if (!file.success) throw fail(describeIssue(file.error, ''));
  return file.data.sources.map((entry, index) => {
    const parsed = schemaOf(entry).safeParse(entry);
    if (!parsed.success) throw fail(`${describeEntry(entry, index)} ${describeIssue(parsed.error, '')}`);
    return toSpec(parsed.data, dirname(resolve(path)), (m) => fail(`${describeEntry(entry, index)} ${m}`));
  });
}

/**
 * The configured sources: DIGEST_SOURCES (default examples/articles) when no sources file is
 * set; the file's entries when one is, after DIGEST_SOURCES' when that is set too.
 */
export function resolveSources(list: string, file: string | undefined, listSet: boolean): SourceInput[] {
  // The default (examples/articles) is ours, not the operator's: only what they set must exist,
  // so render and preview still run from another folder.
  const fromList = () =>
    listSet ? requireLocalPaths(parseSourcesList(list), 'DIGEST_SOURCES') : parseSourcesList(list);
  if (!file) return fromList();
  const specs = requireLocalPaths(readSourcesFile(file), `DIGEST_SOURCES_FILE ${file}:`);
  return listSet ? [...fromList(), ...specs] : specs;
}

/**
 * Every local path among the sources must exist at start: `DIGEST_SOURCES=/nonexistent` used
 * to answer "nothing to send" and exit 0, forever. URLs are checked when fetched.
 */
function requireLocalPaths<T extends SourceInput>(sources: T[], what: string): T[] {
  for (const source of sources) {
    const spec = toSourceSpec(source);
    if (spec === 'stdin' || spec.type !== 'folder' || existsSync(spec.path)) continue;
    throw new DigestError(
      'CONFIG_INVALID',
      `${what} ${spec.path}: no such file or folder (relative paths start at ${process.cwd()})`,
      { data: { variable: what.split(' ')[0] } },
    );
  }
  return sources;
}

/**
 * Checks the comma-separated DIGEST_SOURCES: paths, "-" is not allowed, URLs must be http(s).
 * Returns the entries; throws CONFIG_INVALID naming the bad one.
 */
export function parseSourcesList(value: string, variable = 'DIGEST_SOURCES'): string[] {
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (entry === '-') {
      throw new DigestError(
        'CONFIG_INVALID',
        `${variable} "-" (standard input) is not a source for the worker`,
        {
          data: { variable },
        },
      );
    }
    try {
      toSourceSpec(entry);
    } catch (cause) {
      throw new DigestError('CONFIG_INVALID', `${variable} ${(cause as Error).message}`, {
        cause,
        data: { variable },
      });
    }
  }
  return entries;
}

function toSpec(entry: SourceInput, base: string, fail: (m: string) => Error): SourceSpec {
  let spec: ReturnType<typeof toSourceSpec>;
  try {
    spec = toSourceSpec(entry);
  } catch (cause) {
    throw fail((cause as Error).message);
  }
  if (spec === 'stdin') throw fail('"-" (standard input) is not a source for the worker');
  if (spec.type === 'folder') return { type: 'folder', path: resolve(base, spec.path) };
  return spec.maxItems === undefined ? { type: spec.type, url: spec.url } : spec;
}

/** The schema an entry is checked against, chosen by its "type", so errors name the right field. */
function schemaOf(entry: unknown): z.ZodType<SourceInput> {
  if (typeof entry === 'string') return stringSchema;
  const type = (entry as { type?: unknown } | null)?.type;
  if (type === 'folder') return folderSchema;
  if (type === 'feed' || type === 'page' || type === 'url') return urlSchema;
  return z.never({
    error: 'must be a path or URL string, or an object with "type": folder, feed, page or url',
  });
}

function describeEntry(entry: unknown, index: number): string {
  const name =
    typeof entry === 'string'
      ? entry
      : ((entry as { url?: unknown; path?: unknown } | null)?.url ??
        (entry as { path?: unknown } | null)?.path);
  return `sources[${index}]${typeof name === 'string' ? ` (${name})` : ''}`;
}

function describeIssue(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return `${prefix}${path ? `${path} ` : ''}${issue?.message ?? 'is invalid'}`.trim();
}
