import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DigestError } from '../errors.ts';
import type { Article } from '../models/article.ts';
import type { SourceInput } from '../models/source.ts';
import { detectContentKind } from './content-kind.ts';
import type { ExtractOptions } from './extract.ts';
import type { FetchOptions } from './fetch.ts';
import { contentId } from './identity.ts';
import { mapLimit } from './limit.ts';
import { describeSource, toSourceSpec } from './source-input.ts';
import { parseArticleText } from './text.ts';
import type { IngestFailure, IngestResult, IngestStore, RemoteContext } from './types.ts';

export type { IngestFailure, IngestResult, IngestStore } from './types.ts';

/** Files a folder source reads; the media type each stands for (the content still decides). */
const FILE_TYPES: Record<string, string> = {
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
};
/** Given by name (not found in folders): saved feeds. */
const FEED_FILE_TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
};
/** Larger inputs are not articles; refusing them keeps memory bounded. */
const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/** The context shared by a load's URLs, pages and feeds, made when the first one needs it. */
type LazyRemote = () => Promise<RemoteContext>;

/** Options of loadArticles; all optional. */
export interface LoadOptions {
  /** Reads "-". Default: process standard input. */
  readStdin?: () => Promise<string>;
  /** Remembers ETag / Last-Modified and seen articles. Without it every URL is fetched in full. */
  store?: IngestStore;
  /** Time-out, size cap, redirects, retries, User-Agent of every request (see FetchOptions). */
  fetch?: FetchOptions;
  /** Depth, element and time limits of each HTML page's extraction (see ExtractOptions). */
  extract?: ExtractOptions;
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
  let context: Promise<RemoteContext> | undefined;
  // Made on first need: a load of text files never imports the HTTP client or the HTML tools.
  const remote: LazyRemote = () => {
    context ??= import('./remote-context.ts').then((m) => m.createRemoteContext(options, concurrency));
    return context;
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

async function loadOne(input: SourceInput, options: LoadOptions, remote: LazyRemote): Promise<IngestResult> {
  try {
    const spec = toSourceSpec(input);
    if (spec === 'stdin')
      return readLocalText(await (options.readStdin ?? readAllStdin)(), 'stdin', '', remote);
    if (spec.type !== 'folder') {
      const { loadUrlSource } = await import('./remote.ts');
      return await loadUrlSource(spec, await remote());
    }
    return await loadFolder(spec.path, remote);
  } catch (cause) {
    return { articles: [], failures: [toFailure(describeSource(input), cause)] };
  }
}

/** The articles of a folder (or one file); a bad file is skipped, the others are read. */
async function loadFolder(path: string, remote: LazyRemote): Promise<IngestResult> {
  const result: IngestResult = { articles: [], failures: [] };
  for (const file of await expandPath(path)) {
    try {
      const read = await readArticleFile(file, remote);
      result.articles.push(...read.articles);
      result.failures.push(...read.failures);
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
  const names = (await readdir(path))
    .filter((n) => Object.hasOwn(FILE_TYPES, extname(n).toLowerCase()))
    .sort();
  return names.map((n) => join(path, n));
}

/**
 * A file (or standard input): a text or Markdown article, a saved HTML page (extracted as a
 * fetched page is), or a saved feed. The content decides, with the extension as the hint.
 */
async function readArticleFile(file: string, remote: LazyRemote): Promise<IngestResult> {
  const info = await stat(file);
  if (info.size > MAX_ARTICLE_BYTES) {
    throw new DigestError('ARTICLE_UNREADABLE', `${file}: ${info.size} bytes is too large for an article`);
  }
  return readLocalText(await readFile(file, 'utf8'), file, extname(file).toLowerCase(), remote);
}

async function readLocalText(
  text: string,
  source: string,
  extension: string,
  lazyRemote: LazyRemote,
): Promise<IngestResult> {
  const kind = detectContentKind(FILE_TYPES[extension] ?? FEED_FILE_TYPES[extension] ?? 'text/plain', text);
  if (kind === 'text') return { articles: [parseArticleText(text, source)], failures: [] };
  const base = pathToFileURL(source === 'stdin' ? '/dev/stdin' : source).href;
  const remote = await lazyRemote();
  if (kind === 'feed') {
    const [{ sourceGuard }, { parseFeed }, { loadFeedArticles }] = await Promise.all([
      import('./address-guard.ts'),
      import('./feed.ts'),
      import('./feed-articles.ts'),
    ]);
    const guard = sourceGuard(null, remote.fetch.allowPrivateLinks);
    return loadFeedArticles(parseFeed(text, source), base, remote.maxFeedItems, remote, guard);
  }
  const { extractPageArticle } = await import('./extract.ts');
  const article = await extractPageArticle(text, base, source, remote.extract);
  return { articles: [withoutFileUrls(article)], failures: [] };
}

/** A saved page's own address and relative links point into this disk: not for an email. */
function withoutFileUrls(article: Article): Article {
  const local = (url: string | null) => url === null || url.startsWith('file:');
  const links = article.links.map((link) => (local(link.url) ? { ...link, url: null } : link));
  if (!local(article.url)) return { ...article, links };
  return { ...article, id: contentId(article.title, article.body), url: null, links };
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
