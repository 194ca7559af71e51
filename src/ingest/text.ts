import { DigestError } from '../errors.ts';
import type { Article, ArticleLink } from '../models/article.ts';
import { type FrontMatter, type FrontMatterBlock, readFrontMatter, whereKey } from './front-matter.ts';
import { contentId } from './identity.ts';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Parses a plain-text or Markdown article with optional YAML front matter
 * (title, url, published, links/related). Without a title in front matter, the first
 * non-empty line is the headline. Throws ARTICLE_UNREADABLE for empty or binary input.
 */
export function parseArticleText(text: string, source: string): Article {
  if (text.includes('\u0000')) {
    throw new DigestError('ARTICLE_UNREADABLE', `${source}: contains NUL bytes (binary, not an article)`);
  }
  const match = FRONT_MATTER.exec(text);
  // The block starts on the file's second line: the first is the opening `---`.
  const block: FrontMatterBlock | null = match ? { yaml: match[1] ?? '', firstLine: 2 } : null;
  const meta: FrontMatter = block ? readFrontMatter(block, source) : {};
  let body = (match ? text.slice(match[0].length) : text).replace(/\r\n?/g, '\n');
  let title = typeof meta.title === 'string' ? meta.title.trim() : '';
  const firstLine = body.trimStart().split('\n', 1)[0]?.trim() ?? '';
  if (!title) title = firstLine.replace(/^#+\s*/, '');
  if (firstLine && normalize(firstLine.replace(/^#+\s*/, '')) === normalize(title)) {
    body = body.trimStart().slice(firstLine.length);
  }
  body = body.trim();
  if (!title && !body) throw new DigestError('ARTICLE_UNREADABLE', `${source}: the article is empty`);
  const url = typeof meta.url === 'string' && meta.url.trim() ? meta.url.trim() : null;
  return {
    id: url ?? contentId(title, body),
    title,
    url,
    publishedAt: readDate(meta.published, () => (block ? whereKey(block, 'published', source) : source)),
    body,
    links: readLinks(meta.links ?? meta.related),
    source,
  };
}

function readDate(value: unknown, where: () => string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && isCalendarDate(value.trim().slice(0, 10)))
    return value.trim().slice(0, 10);
  throw new DigestError(
    'ARTICLE_UNREADABLE',
    `${where()}: "published" must be a date (YYYY-MM-DD), not ${JSON.stringify(String(value))}`,
  );
}

/** True for a YYYY-MM-DD string that names a real day (not 2022-13-45 nor 2023-02-29). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function readLinks(value: unknown): ArticleLink[] {
  if (!Array.isArray(value)) return [];
  const links: ArticleLink[] = [];
  for (const item of value) {
    if (typeof item === 'string') links.push({ title: item, url: null });
    else if (item && typeof item === 'object' && typeof (item as { title?: unknown }).title === 'string') {
      const { title, url } = item as { title: string; url?: unknown };
      links.push({ title, url: typeof url === 'string' ? url : null });
    }
  }
  return links;
}

function normalize(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
