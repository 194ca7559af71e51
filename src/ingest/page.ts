import { DigestError } from '../errors.ts';
import type { Article } from '../models/article.ts';
import type { AddressGuard } from './address-guard.ts';
import { ACCEPT_ARTICLES, detectContentKind, isReadableMediaType } from './content-kind.ts';
import { extractPageArticle, type ResolvedExtractOptions } from './extract.ts';
import { fetchText } from './fetch.ts';
import { parseArticleText } from './text.ts';
import type { RemoteContext } from './types.ts';

/**
 * A page of a feed item: fetched without remembering (once sent, it is never asked for again).
 * `guard` decides which addresses the link (and its redirects) may lead to.
 */
export async function fetchPageArticle(
  url: string,
  ctx: RemoteContext,
  guard?: AddressGuard,
): Promise<Article> {
  const request = { accept: ACCEPT_ARTICLES, acceptsType: isReadableMediaType, ...(guard ? { guard } : {}) };
  const fetched = await ctx.limit(() => fetchText(url, request, ctx.fetch));
  const kind = detectContentKind(fetched.mediaType, fetched.body);
  if (kind === 'feed') throw new DigestError('CONTENT_UNSUPPORTED', `${url}: expected a page, got a feed`);
  return readDocument(kind, fetched.body, fetched.url, url, ctx.extract);
}

/** The article of a fetched page (extracted in a worker thread) or text file; `source` names it in messages. */
export async function readDocument(
  kind: 'html' | 'text',
  body: string,
  finalUrl: string,
  source: string,
  extract: ResolvedExtractOptions,
): Promise<Article> {
  if (kind === 'html') return extractPageArticle(body, finalUrl, source, extract);
  const article = parseArticleText(body, source);
  return article.url ? article : { ...article, id: finalUrl, url: finalUrl };
}
