import { toAbsoluteUrl, toIsoDate } from './identity.ts';

/** What a page says about its article, from meta tags, JSON-LD and `<time>`. */
export interface PageMetadata {
  title: string | null;
  /** YYYY-MM-DD. */
  publishedAt: string | null;
  /** Absolute http(s) URL. */
  canonicalUrl: string | null;
  author: string | null;
}

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'blogposting',
  'liveblogposting',
  'report',
]);

type JsonObject = Record<string, unknown>;

/**
 * Reads the article metadata of a page. JSON-LD (NewsArticle) wins, then Open Graph and
 * article meta tags, then `<link rel=canonical>` and `<time datetime>`. No title here means
 * the caller falls back to Readability's, which strips the site name from `<title>`.
 */
export function readPageMetadata(document: Document, baseUrl: string): PageMetadata {
  const ld = findJsonLdArticle(document);
  const meta = (selector: string) =>
    document.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const title =
    ldText(ld?.headline) ?? meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]');
  const published =
    ldText(ld?.datePublished) ??
    meta('meta[property="article:published_time"]') ??
    meta('meta[itemprop="datePublished"]') ??
    meta('meta[name="date"], meta[name="pubdate"], meta[name="publish-date"], meta[name="dc.date"]') ??
    readTimeElement(document);
  const canonical =
    toAbsoluteUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), baseUrl) ??
    toAbsoluteUrl(meta('meta[property="og:url"]'), baseUrl) ??
    toAbsoluteUrl(ldUrl(ld), baseUrl);
  return {
    title: title?.replace(/\s+/g, ' ') ?? null,
    publishedAt: toIsoDate(published),
    canonicalUrl: canonical,
    author: ldAuthor(ld?.author) ?? meta('meta[name="author"]'),
  };
}

function readTimeElement(document: Document): string | null {
  const time =
    document.querySelector('time[itemprop="datePublished"][datetime], time[pubdate][datetime]') ??
    document.querySelector('article time[datetime]') ??
    document.querySelector('time[datetime]');
  return time?.getAttribute('datetime') ?? null;
}

/** The first JSON-LD object typed as an article, looking into arrays and @graph. */
function findJsonLdArticle(document: Document): JsonObject | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      // Broken JSON-LD is common on real pages; the meta tags and the page itself still speak.
      continue;
    }
    const queue: unknown[] = [data];
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const object = item as JsonObject;
        if (isArticleType(object['@type'])) return object;
        if (object['@graph']) queue.push(object['@graph']);
      }
    }
  }
  return null;
}

function isArticleType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.toLowerCase()));
}

function ldText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function ldUrl(ld: JsonObject | null): string | null {
  const main = ld?.mainEntityOfPage;
  const mainId = main && typeof main === 'object' ? (main as JsonObject)['@id'] : main;
  return ldText(ld?.url) ?? ldText(mainId);
}

function ldAuthor(value: unknown): string | null {
  const authors = (Array.isArray(value) ? value : [value])
    .map((a) => (a && typeof a === 'object' ? ldText((a as JsonObject).name) : ldText(a)))
    .filter((a): a is string => a !== null);
  return authors.length > 0 ? authors.join(', ') : null;
}
