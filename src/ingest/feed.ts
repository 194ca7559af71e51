import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DigestError } from '../errors.ts';
import { toIsoDate } from './identity.ts';

/** One feed item, as the feed gives it. HTML fields are raw HTML. */
export interface FeedItem {
  title: string;
  /** The item's page, as written in the feed (may be relative). */
  link: string | null;
  guid: string | null;
  publishedAt: string | null;
  /** Full content: RSS content:encoded, Atom content. */
  contentHtml: string | null;
  /** A teaser: RSS description, Atom summary. */
  summaryHtml: string | null;
  author: string | null;
}

type Node = Record<string, unknown>;

/** The item fields read, RSS 2.0 and RSS 1.0 (RDF). */
const RSS_FIELDS = [
  'title',
  'link',
  'guid',
  'pubDate',
  'dc:date',
  'description',
  'content:encoded',
  'dc:creator',
  'author',
];
const ATOM_FIELDS = ['title', 'content', 'summary', 'id', 'published', 'updated', 'author.name'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  // Every field read is kept as raw XML and decoded once, in order, by decodeXmlText: the
  // parser itself decodes only the five named entities (not &#8217;), and CDATA must stay as
  // written. Atom content may also be XHTML markup, read as such in atomText.
  stopNodes: [
    ...RSS_FIELDS.flatMap((field) => [`rss.channel.item.${field}`, `rdf:RDF.item.${field}`]),
    ...ATOM_FIELDS.map((field) => `feed.entry.${field}`),
  ],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/**
 * Parses an RSS 2.0, RSS 1.0 (RDF) or Atom feed into its items, in feed order.
 * Throws FEED_MALFORMED, naming line and column, for XML that is not well formed.
 */
export function parseFeed(xml: string, source: string): FeedItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new DigestError(
      'FEED_MALFORMED',
      `${source}: malformed XML at line ${line}, column ${col}: ${msg}`,
    );
  }
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch (cause) {
    throw new DigestError('FEED_MALFORMED', `${source}: ${String(cause)}`, { cause });
  }
  const rss = node(root.rss);
  if (rss) return list(node(rss.channel)?.item).map(readRssItem);
  const rdf = node(root['rdf:RDF']);
  if (rdf) return list(rdf.item).map(readRssItem);
  const atom = node(root.feed);
  if (atom) return list(atom.entry).map(readAtomEntry);
  const name = Object.keys(root).find((k) => !k.startsWith('?')) ?? 'nothing';
  throw new DigestError(
    'FEED_MALFORMED',
    `${source}: not an RSS or Atom feed (the root element is <${name}>)`,
  );
}

function readRssItem(value: unknown): FeedItem {
  const item = node(value) ?? {};
  const guid = xmlText(item.guid);
  const permalink = attr(item.guid, 'isPermaLink') !== 'false' && /^https?:\/\//i.test(guid ?? '');
  return {
    title: xmlText(item.title) ?? '',
    link: xmlText(item.link) ?? (permalink ? guid : null),
    guid,
    publishedAt: toIsoDate(xmlText(item.pubDate) ?? xmlText(item['dc:date'])),
    contentHtml: xmlHtml(item['content:encoded']),
    summaryHtml: xmlHtml(item.description),
    author: xmlText(item['dc:creator']) ?? xmlText(item.author),
  };
}

function readAtomEntry(value: unknown): FeedItem {
  const entry = node(value) ?? {};
  const links = list(entry.link).map((l) => ({ rel: attr(l, 'rel') ?? 'alternate', href: attr(l, 'href') }));
  const title = atomText(entry.title);
  return {
    title: title?.type === 'text' ? title.value : decodeXmlText((title?.value ?? '').replace(/<[^>]*>/g, '')),
    link: links.find((l) => l.rel === 'alternate' && l.href)?.href ?? null,
    guid: xmlText(entry.id),
    publishedAt: toIsoDate(xmlText(entry.published) ?? xmlText(entry.updated)),
    contentHtml: atomHtml(entry.content),
    summaryHtml: atomHtml(entry.summary),
    author: xmlText(node(list(entry.author)[0])?.name),
  };
}

/** An Atom text construct, read raw: type "xhtml" is markup, "html" escaped markup, "text" text. */
function atomText(value: unknown): { value: string; type: string } | null {
  const raw = text(value);
  if (raw === null) return null;
  const type = attr(value, 'type') ?? 'text';
  return { value: type === 'xhtml' ? raw : decodeXmlText(raw, type === 'text'), type };
}

/** An Atom text construct as HTML. */
function atomHtml(value: unknown): string | null {
  const construct = atomText(value);
  if (!construct) return null;
  if (construct.type !== 'text') return construct.value;
  // Plain text keeps its paragraphs: blank lines become <p> elements.
  return construct.value
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('');
}

/**
 * A text field kept raw (a stop node), decoded once: outside CDATA as XML; inside CDATA too,
 * since a publisher who wraps a title in CDATA writes its entities there (`Tom &amp; Jerry`).
 */
function xmlText(value: unknown): string | null {
  const raw = text(value);
  return raw === null ? null : decodeXmlText(raw, true) || null;
}

/** An HTML field kept raw: CDATA is HTML as written, decoded later with the HTML. */
function xmlHtml(value: unknown): string | null {
  const raw = text(value);
  return raw === null ? null : decodeXmlText(raw, false) || null;
}

/**
 * Raw XML content with its character and five predefined entity references decoded, in one
 * pass (so `&amp;lt;` is the text `&lt;`); CDATA sections are decoded only with `inCdata`.
 */
function decodeXmlText(raw: string, inCdata = false): string {
  const decode = (part: string) =>
    part.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => decodeEntity(e));
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => {
      if (!part.startsWith('<![CDATA[')) return decode(part);
      const content = part.slice(9, -3);
      return inCdata ? decode(content) : content;
    })
    .join('')
    .trim();
}

function decodeEntity(entity: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  if (entity.startsWith('#')) {
    const code =
      entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    // NUL, surrogates and numbers past Unicode are not characters: the replacement character.
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\uFFFD';
  }
  return named[entity.toLowerCase()] ?? '';
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function node(value: unknown): Node | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first && typeof first === 'object' ? (first as Node) : null;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  const raw = first && typeof first === 'object' ? (first as Node)['#text'] : first;
  const result = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
  return result || null;
}

function attr(value: unknown, name: string): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  const raw = first && typeof first === 'object' ? (first as Node)[`@_${name}`] : undefined;
  return typeof raw === 'string' ? raw : null;
}
