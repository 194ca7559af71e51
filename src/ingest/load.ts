import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DigestError } from '../errors.ts';
import type { Article } from '../models/article.ts';
import type { SourceInput } from '../models/source.ts';
import { type FetchOptions, resolveFetchOptions } from './fetch.ts';
import { createLimiter, mapLimit } from './limit.ts';
import { loadUrlSource } from './remote.ts';
import { describeSource, toSourceSpec } from './source-input.ts';
import { parseArticleText } from './text.ts';
import type { IngestFailure, IngestResult, IngestStore, RemoteContext } from './types.ts';

export type { IngestFailure, IngestResult, IngestStore } from './types.ts';

const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
/** Larger inputs are not articles; refusing them keeps memory bounded. */
const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/** Options of loadArticles; all optional. */
export interface LoadOptions {
  /** Reads "-". Default: process standard input. */
  readStdin?: () => Promise<string>;
  /** Remembers ETag / Last-Modified and seen articles. Without it every URL is fetched in full. */
  store?: IngestStore;
  /** Time-out, size cap, redirects, retries, User-Agent of every request (see FetchOptions). */
  fetch?: FetchOptions;
  /** Requests in flight at once, across all sources. Default 4. */
  concurrency?: number;
  /** Items read per feed (newest first) when the source does not say. Default 50. */
  maxFeedItems?: number;
  /** Notes that are not failures (a 304, items skipped as sent). Default: none. */
  log?: (line: string) => void;
}

/**
 * Reads articles from files, folders of .md/.txt files, "-" (standard input), page URLs and
 * RSS/Atom feed URLs (the content decides, or a SourceSpec says). A bad input is reported in
 * `failures`, never thrown, so one bad article loses nothing else. Articles come in input
 * order (feed items newest first), each id once.
 */
export async function loadArticles(
  inputs: readonly SourceInput[],
  options: LoadOptions = {},
): Promise<{ articles: Article[]; failures: IngestFailure[] }> {
  const concurrency = options.concurrency ?? 4;
  const remote: RemoteContext = {
    fetch: resolveFetchOptions(options.fetch),
    limit: createLimiter(concurrency),
    store: options.store ?? null,
    maxFeedItems: options.maxFeedItems ?? 50,
    log: options.log ?? (() => {}),
  };
  const results = await mapLimit(inputs, concurrency, (input) => loadOne(input, options, remote));
  const articles: Article[] = [];
  const failures: IngestFailure[] = [];
  const ids = new Set<string>();
  for (const result of results) {
    failures.push(...result.failures);
    for (const article of result.articles) {
      if (ids.has(article.id)) continue;
      ids.add(article.id);
      articles.push(article);
    }
  }
  return { articles, failures };
}

async function loadOne(
  input: SourceInput,
  options: LoadOptions,
  remote: RemoteContext,
): Promise<IngestResult> {
  try {
    const spec = toSourceSpec(input);
    if (spec === 'stdin') {
      return {
        articles: [parseArticleText(await (options.readStdin ?? readAllStdin)(), 'stdin')],
        failures: [],
      };
    }
    if (spec.type !== 'folder') return await loadUrlSource(spec, remote);
    return await loadFolder(spec.path);
  } catch (cause) {
    return { articles: [], failures: [toFailure(describeSource(input), cause)] };
  }
}

/** The articles of a folder (or one file); a bad file is skipped, the others are read. */
async function loadFolder(path: string): Promise<IngestResult> {
  const result: IngestResult = { articles: [], failures: [] };
  for (const file of await expandPath(path)) {
    try {
      result.articles.push(await readArticleFile(file));
    } catch (cause) {
      result.failures.push(toFailure(file, cause));
    }
  }
  return result;
}

function toFailure(source: string, cause: unknown): IngestFailure {
  const error =
    cause instanceof DigestError
      ? cause
      : new DigestError('ARTICLE_UNREADABLE', `${source}: ${String(cause)}`, { cause });
  return { source, error };
}

async function expandPath(path: string): Promise<string[]> {
  const info = await stat(path).catch((cause: unknown) => {
    throw new DigestError('ARTICLE_NOT_FOUND', `${path}: no such file or folder`, { cause });
  });
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => ARTICLE_EXTENSIONS.has(extname(n).toLowerCase())).sort();
  return names.map((n) => join(path, n));
}

async function readArticleFile(file: string): Promise<Article> {
  const info = await stat(file);
  if (info.size > MAX_ARTICLE_BYTES) {
    throw new DigestError('ARTICLE_UNREADABLE', `${file}: ${info.size} bytes is too large for an article`);
  }
  return parseArticleText(await readFile(file, 'utf8'), file);
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_ARTICLE_BYTES)
      throw new DigestError('ARTICLE_UNREADABLE', 'stdin: too large for an article');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
