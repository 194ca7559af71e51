import { DigestError } from '../errors.ts';
import type { SourceSpec } from '../models/source.ts';
import { type AddressGuard, sourceGuard } from './address-guard.ts';
import { ACCEPT_ARTICLES, detectContentKind, isReadableMediaType } from './content-kind.ts';
import { parseFeed } from './feed.ts';
import { loadFeedArticles } from './feed-articles.ts';
import { fetchText } from './fetch.ts';
import { readDocument } from './page.ts';
import type { IngestResult, RemoteContext } from './types.ts';

type UrlSpec = Extract<SourceSpec, { url: string }>;

/**
 * Reads a URL source: a feed gives its items (newest first), a page its article, a
 * text/plain or Markdown file its article. A declared `feed` or `page` insists on that kind.
 */
export async function loadUrlSource(spec: UrlSpec, ctx: RemoteContext): Promise<IngestResult> {
  // The operator configured this URL, host and port: where it redirects, and what its items
  // link to, are not theirs and pass the address guard.
  const guard = sourceGuard(spec.url, ctx.fetch.allowPrivateLinks);
  const fetched = await fetchRemembered(spec.url, ctx, guard);
  const kind = detectContentKind(fetched.mediaType, fetched.body);
  if ((spec.type === 'feed') !== (kind === 'feed') && spec.type !== 'url') {
    throw new DigestError(
      'CONTENT_UNSUPPORTED',
      `${spec.url}: expected a ${spec.type}, got ${kind === 'feed' ? 'a feed' : `${fetched.mediaType || 'untyped'} content`}`,
    );
  }
  if (kind === 'feed') {
    const items = parseFeed(fetched.body, spec.url);
    return loadFeedArticles(items, fetched.url, spec.maxItems ?? ctx.maxFeedItems, ctx, guard);
  }
  const article = await readDocument(kind, fetched.body, fetched.url, spec.url, ctx.extract);
  return { articles: [article], failures: [] };
}

/**
 * GETs a source URL, conditionally when the store remembers it: a 304 ("not modified")
 * reads the remembered copy again, so items held back by the edition cap still come.
 */
async function fetchRemembered(
  url: string,
  ctx: RemoteContext,
  guard: AddressGuard | undefined,
): Promise<{ url: string; mediaType: string; body: string }> {
  const remembered = (await ctx.store?.getFetchRecord(url)) ?? null;
  const fetched = await ctx.limit(() =>
    fetchText(
      url,
      {
        accept: ACCEPT_ARTICLES,
        acceptsType: isReadableMediaType,
        validators: remembered,
        ...(guard ? { guard } : {}),
      },
      ctx.fetch,
    ),
  );
  if (fetched.status === 304) {
    if (!remembered) throw new DigestError('FETCH_FAILED', `${url}: HTTP 304 to an unconditional request`);
    ctx.log(`${url}: not modified since ${remembered.fetchedAt} (HTTP 304)`);
    return { url: remembered.finalUrl, mediaType: remembered.contentType, body: remembered.body };
  }
  if (ctx.store && (fetched.etag || fetched.lastModified)) {
    await ctx.store.putFetchRecord({
      url,
      finalUrl: fetched.url,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      contentType: fetched.mediaType,
      body: fetched.body,
      fetchedAt: new Date().toISOString(),
    });
  }
  return fetched;
}
