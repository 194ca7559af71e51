/** What a fetched body is: a feed (RSS, Atom, RDF), an HTML page, or a plain-text article. */
export type ContentKind = 'feed' | 'html' | 'text';

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+xml',
  'application/xml',
  'text/xml',
]);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set(['text/plain', 'text/markdown', 'text/x-markdown']);
/** Types that say nothing: the content decides. */
const UNKNOWN_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** The Accept header of every request: pages and feeds first, plain text last. */
export const ACCEPT_ARTICLES =
  'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.5';

/** True for the media types the ingest can read; the rest (images, PDF, JSON...) are refused unread. */
export function isReadableMediaType(mediaType: string): boolean {
  return (
    FEED_TYPES.has(mediaType) ||
    HTML_TYPES.has(mediaType) ||
    TEXT_TYPES.has(mediaType) ||
    UNKNOWN_TYPES.has(mediaType)
  );
}

/**
 * Decides what a body is from its media type, looking at its first element where the type
 * is vague or commonly wrong (feeds served as text/plain or text/html, XHTML as XML).
 */
export function detectContentKind(mediaType: string, body: string): ContentKind {
  const root = firstElementName(body);
  const looksLikeFeed = root === 'rss' || root === 'feed' || root === 'rdf:rdf';
  if (looksLikeFeed) return 'feed';
  if (FEED_TYPES.has(mediaType)) return root === 'html' ? 'html' : 'feed';
  if (HTML_TYPES.has(mediaType)) return 'html';
  if (root === 'html' || (root !== null && UNKNOWN_TYPES.has(mediaType))) return 'html';
  return 'text';
}

/** The lower-case name of the first element, past BOM, XML declaration, comments and doctype. */
function firstElementName(body: string): string | null {
  let head = body.slice(0, 4096).replace(/^\uFEFF/, '');
  for (;;) {
    const trimmed = head
      .trimStart()
      .replace(/^(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>[]*(?:\[[\s\S]*?\])?\s*>)/i, '');
    if (trimmed === head.trimStart()) break;
    head = trimmed;
  }
  return /^<([a-z][\w:.-]*)/i.exec(head.trimStart())?.[1]?.toLowerCase() ?? null;
}
