import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DigestError } from '../errors.ts';
import type { Article } from '../models/article.ts';
import { takeRelatedLinks } from './html-links.ts';
import { readPageMetadata } from './html-metadata.ts';
import { htmlToText } from './html-text.ts';
import { contentId, toAbsoluteUrl } from './identity.ts';

/** Less article text than this is a page without an article (an index, a login wall, an error page). */
const MIN_ARTICLE_CHARS = 200;
/** Elements that stand as a line of their own. */
const LINE_ELEMENTS = new Set(['p', 'div', 'address', 'header', 'footer', 'section']);

/**
 * Extracts the article of an HTML page (Mozilla Readability on linkedom): the text as
 * blank-line-separated paragraphs, metadata (title, date, canonical URL, author) and the
 * "Read more" / "Related" links. `pageUrl` is where the page was fetched from (after redirects).
 * Throws ARTICLE_UNREADABLE when the page has no article.
 */
export function parseArticleHtml(html: string, pageUrl: string, source: string = pageUrl): Article {
  const { document } = parseHTML(html);
  const baseUrl =
    toAbsoluteUrl(document.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? pageUrl;
  const metadata = readPageMetadata(document, baseUrl);
  const documentTitle = document.querySelector('title')?.textContent?.trim() ?? '';
  // A page saved to disk (file: URL): its relative links belong to its published address.
  const linkBase =
    baseUrl.startsWith('file:') && metadata.canonicalUrl?.startsWith('http')
      ? metadata.canonicalUrl
      : baseUrl;
  const links = takeRelatedLinks(document, linkBase);
  removeBylines(document);
  const result = new Readability<string>(document, { serializer: (node) => htmlToText(node) }).parse();
  const title = (metadata.title ?? result?.title?.trim() ?? documentTitle).replace(/\s+/g, ' ');
  const body = dropLeadingTitle(result?.content ?? '', title);
  if (body.length < MIN_ARTICLE_CHARS) {
    throw new DigestError('ARTICLE_UNREADABLE', `${source}: no article found in the page`, {
      data: { url: pageUrl, chars: body.length },
    });
  }
  const url = metadata.canonicalUrl ?? toAbsoluteUrl(pageUrl, pageUrl);
  const author = metadata.author ?? (result?.byline?.trim() || null);
  return {
    id: url ?? contentId(title, body),
    title,
    url,
    publishedAt: metadata.publishedAt ?? toIsoDateOrNull(result?.publishedTime),
    body,
    links,
    source,
    ...(author ? { author } : {}),
  };
}

/**
 * The text of an HTML fragment (a feed item's content), as paragraphs, with its related
 * links taken out; relative links resolve against `baseUrl`.
 */
export function parseHtmlFragment(html: string, baseUrl: string): { text: string; links: Article['links'] } {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const links = takeRelatedLinks(document, baseUrl);
  return { text: htmlToText(document.body), links };
}

/**
 * Removes author and date lines: metadata, not article text (Readability keeps them when
 * the page's JSON-LD already named the author).
 */
function removeBylines(document: Document): void {
  const selector = '[rel="author"], [itemprop="author"], [class*="byline"], [class*="author"], time';
  for (const element of Array.from(document.querySelectorAll(selector))) {
    const text = element.textContent?.trim() ?? '';
    const parent = element.parentElement;
    const alone = parent !== null && parent.localName !== 'body' && parent.textContent?.trim() === text;
    // A date or name inside a sentence is article text ("meets on <time>March 12</time>"): kept.
    if (text.length >= 120) continue;
    if (alone) parent.remove();
    else if (element.localName !== 'time' && LINE_ELEMENTS.has(element.localName.toLowerCase()))
      element.remove();
  }
}

/** Readability keeps the headline in the text; the article has it as its title already. */
function dropLeadingTitle(body: string, title: string): string {
  const [first, ...rest] = body.split('\n\n');
  return first !== undefined && normalize(first) === normalize(title) ? rest.join('\n\n') : body;
}

function toIsoDateOrNull(value: string | null | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
