import { DigestError } from '../errors.ts';
import type { Article } from '../models/article.ts';
import type { AddressGuard } from './address-guard.ts';
import { extractFragmentText } from './extract.ts';
import type { FeedItem } from './feed.ts';
import { contentId, toAbsoluteUrl } from './identity.ts';
import { fetchPageArticle } from './page.ts';
import type { IngestFailure, IngestResult, RemoteContext } from './types.ts';

/** A feed item with its identity worked out, before any page is fetched. */
interface PlannedItem {
  item: FeedItem;
  link: string | null;
  id: string | null;
  source: string;
}

/**
 * Turns feed items into articles, newest first, at most `maxItems`: full content when the
 * feed carries it, otherwise the item's page, fetched (never for items already sent) under
 * `guard`: the feed is the operator's choice, where its items point is not. `feedUrl` is
 * where the feed was read (after redirects): relative links resolve against it.
 */
export async function loadFeedArticles(
  items: FeedItem[],
  feedUrl: string,
  maxItems: number,
  ctx: RemoteContext,
  guard: AddressGuard | undefined,
): Promise<IngestResult> {
  const planned = newestFirst(items)
    .slice(0, maxItems)
    .map((item) => planItem(item, feedUrl));
  const skip = await alreadySent(planned, ctx);
  if (skip.size > 0) ctx.log(`${feedUrl}: ${skip.size} item(s) sent before, their pages not fetched`);
  const todo = planned.filter((p) => !skip.has(p));
  const settled = await Promise.allSettled(todo.map((p) => readItem(p, feedUrl, ctx, guard)));
  const articles: Article[] = [];
  const failures: IngestFailure[] = [];
  settled.forEach((result, i) => {
    const source = todo[i]?.source ?? feedUrl;
    if (result.status === 'fulfilled') articles.push(result.value);
    else failures.push({ source, error: asDigestError(result.reason, source) });
  });
  return { articles, failures };
}

function planItem(item: FeedItem, feedUrl: string): PlannedItem {
  const link = toAbsoluteUrl(item.link, feedUrl);
  const guid = item.guid;
  // A GUID that is not a URI is only unique within its feed.
  const guidId = guid ? (/^[a-z][a-z0-9+.-]*:/i.test(guid) ? guid : `${feedUrl}#${guid}`) : null;
  return { item, link, id: link ?? guidId, source: link ?? `${feedUrl} item "${item.title || guid}"` };
}

/** Items whose page would be fetched but whose id an edition already carried. */
async function alreadySent(planned: PlannedItem[], ctx: RemoteContext): Promise<Set<PlannedItem>> {
  const candidates = planned.filter((p) => p.item.contentHtml === null && p.link !== null && p.id !== null);
  if (!ctx.store || candidates.length === 0) return new Set();
  const unseen = new Set(await ctx.store.filterUnseenArticles(candidates.map((p) => p.id as string)));
  return new Set(candidates.filter((p) => !unseen.has(p.id as string)));
}

async function readItem(
  planned: PlannedItem,
  feedUrl: string,
  ctx: RemoteContext,
  guard: AddressGuard | undefined,
): Promise<Article> {
  const { item, link, source } = planned;
  if (item.contentHtml === null && link !== null) {
    await ctx.robots(link, guard);
    const page = await fetchPageArticle(link, ctx, guard);
    return {
      ...page,
      id: planned.id ?? page.id,
      title: item.title || page.title,
      publishedAt: item.publishedAt ?? page.publishedAt,
      source,
    };
  }
  const html = item.contentHtml ?? item.summaryHtml ?? '';
  const { text, links } = await extractFragmentText(html, link ?? feedUrl, source, ctx.extract);
  if (!text) throw new DigestError('ARTICLE_UNREADABLE', `${source}: the feed item has no text and no link`);
  const title = item.title || text.split('\n', 1)[0] || '';
  return {
    id: planned.id ?? contentId(title, text),
    title,
    url: link,
    publishedAt: item.publishedAt,
    body: text,
    links,
    source,
    ...(item.author ? { author: item.author } : {}),
  };
}

/** Newest first by publication date; undated items keep their feed order after the dated ones. */
function newestFirst(items: FeedItem[]): FeedItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const da = a.item.publishedAt ?? '';
      const db = b.item.publishedAt ?? '';
      return da === db ? a.index - b.index : db.localeCompare(da);
    })
    .map(({ item }) => item);
}

function asDigestError(reason: unknown, source: string): DigestError {
  return reason instanceof DigestError
    ? reason
    : new DigestError('ARTICLE_UNREADABLE', `${source}: ${String(reason)}`, { cause: reason });
}
