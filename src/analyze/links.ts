import type { Article, ArticleLink } from '../models/article.ts';
import { normalizeText } from './text-utils.ts';

/**
 * The article's links: "Read more" headlines and the links the source gave, without
 * duplicates (same address, or same title without one). Not the article's own address: the
 * digest links the headline to it.
 */
export function collectLinks(readMore: ArticleLink[], article: Article): ArticleLink[] {
  const all = [...readMore, ...article.links];
  const links: ArticleLink[] = [];
  const seen = new Map<string, ArticleLink>();
  for (const link of all) {
    const title = link.title.trim();
    if (!title && !link.url) continue;
    const keys = [link.url ? `url:${link.url}` : null, `title:${normalizeText(title)}`].filter(
      (k) => k !== null,
    );
    const known = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
    if (known) {
      known.url ??= link.url;
      continue;
    }
    const kept = { title: title || (link.url ?? ''), url: link.url };
    for (const key of keys) seen.set(key, kept);
    links.push(kept);
  }
  return links;
}
