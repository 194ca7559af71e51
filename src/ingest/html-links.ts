import type { ArticleLink } from '../models/article.ts';
import { toAbsoluteUrl } from './identity.ts';

/** Class or id of a block of related links. */
const RELATED_CLASS = /(^|[\s_-])(related|read-?more|more-?stories|see-?also|further-?reading)([\s_-]|$)/i;
/** The label of a related-links block, alone in its heading. */
const RELATED_LABEL =
  /^(read more|related|related (stories|articles|coverage|content|links|news)|more on this( story| topic)?|see also|further reading|also read|more from [\w\s]+)\s*:?$/i;
/** A paragraph that starts with such a label, followed by its links. */
const RELATED_LEAD = /^(read more|related|see also|also read|more on this)\s*:/i;
const INLINE = new Set(['a', 'b', 'em', 'i', 'span', 'strong']);
const NEVER_BLOCKS = new Set(['html', 'body', 'main', 'article']);

/**
 * Takes the "Read more" / "Related" links out of a page: returns them (absolute URLs) and
 * removes their blocks, so the article text does not carry them a second time.
 */
export function takeRelatedLinks(document: Document, baseUrl: string): ArticleLink[] {
  const blocks = new Set<Element>();
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    const name = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (RELATED_CLASS.test(name) && isLinkBlock(element)) blocks.add(element);
  }
  for (const label of Array.from(document.querySelectorAll('h2, h3, h4, h5, h6, p, strong, b, span, div'))) {
    if (!isLeaf(label) || !RELATED_LABEL.test(squash(label.textContent))) continue;
    const heading =
      label.parentElement && squash(label.parentElement.textContent) === squash(label.textContent)
        ? label.parentElement
        : label;
    const linked = followingLinkBlocks(heading);
    if (linked.length === 0) continue;
    blocks.add(heading);
    for (const block of linked) blocks.add(block);
  }
  for (const p of Array.from(document.querySelectorAll('p, li'))) {
    if (RELATED_LEAD.test(squash(p.textContent)) && p.querySelector('a[href]')) blocks.add(p);
  }
  // Document order, so the links read as the page lists them.
  const ordered = Array.from(document.querySelectorAll('*')).filter((e) => blocks.has(e));
  const links = collectLinks(ordered, baseUrl);
  for (const block of blocks) block.remove();
  return links;
}

/**
 * Labels are leaves (or wrap one inline element, as `<h3><b>Related</b></h3>`): reading the
 * text of containers only would make this quadratic on deeply nested pages.
 */
function isLeaf(element: Element): boolean {
  const [child, ...more] = Array.from(element.children);
  return (
    child === undefined ||
    (more.length === 0 && INLINE.has(child.localName.toLowerCase()) && child.children.length === 0)
  );
}

/** The elements right after a heading that are lists of links (stops at the first that is not). */
function followingLinkBlocks(heading: Element): Element[] {
  const found: Element[] = [];
  for (let next = heading.nextElementSibling; next && isLinkBlock(next); next = next.nextElementSibling) {
    found.push(next);
  }
  return found;
}

/** True when links make most of an element's text: a list of headlines, not prose. */
function isLinkBlock(element: Element): boolean {
  if (NEVER_BLOCKS.has(element.localName.toLowerCase())) return false;
  const anchors = Array.from(element.querySelectorAll('a[href]'));
  if (anchors.length === 0) return false;
  const linkText = anchors.reduce((n, a) => n + squash(a.textContent).length, 0);
  return linkText >= squash(element.textContent).length * 0.5;
}

function collectLinks(blocks: Element[], baseUrl: string): ArticleLink[] {
  const links: ArticleLink[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    for (const anchor of Array.from(block.querySelectorAll('a[href]'))) {
      const url = toAbsoluteUrl(anchor.getAttribute('href'), baseUrl);
      const title = squash(anchor.textContent);
      if (!url || !title || seen.has(url)) continue;
      seen.add(url);
      links.push({ title, url });
    }
  }
  return links;
}

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
