import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/ingest/feed.ts';

const BASE = 'http://127.0.0.1:8099';
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8').replaceAll('{{BASE}}', BASE);

describe('parseFeed', () => {
  it('reads RSS 2.0 items with link, GUID, date, author and full content', () => {
    const items = parseFeed(fixture('rss.xml'), 'rss');
    expect(items).toHaveLength(3);
    const [bridge, ferry, square] = items;
    expect(bridge?.title).toBe('Harbour bridge reopens after eight months of repairs');
    expect(bridge?.publishedAt).toBe('2024-03-01');
    expect(bridge?.author).toBe('Mara Olsen');
    expect(bridge?.contentHtml).toContain('<p>“We are glad to have it back,”');
    expect(ferry?.guid).toBe('ledger-2024-0303-ferry');
    expect(ferry?.contentHtml).toBeNull();
    expect(ferry?.summaryHtml).toBe('<p>The ferry runs less often now.</p>');
    expect(square?.link).toBe(`${BASE}/news/market-square`);
  });

  it('reads Atom entries: escaped HTML content, alternate link, dates and a summary-only entry', () => {
    const [pool, library] = parseFeed(fixture('atom.xml'), 'atom');
    expect(pool?.title).toBe('Swimming pool & gym to share one ticket');
    expect(pool?.link).toBe('/2024/02/pool-gym');
    expect(pool?.guid).toBe('tag:northfield.example,2024:pool-gym');
    expect(pool?.publishedAt).toBe('2024-02-21');
    expect(pool?.author).toBe('Karl Jensen');
    expect(pool?.contentHtml).toBe(
      '<p>One ticket will open both the swimming pool and the gym from March, the leisure department said on Wednesday.</p><p>“People asked for it for years,” said Aino Laine, who runs the pool.</p>',
    );
    expect(library?.contentHtml).toBeNull();
    expect(library?.summaryHtml).toBe('<p>Open until nine on weekdays.</p>');
    expect(library?.publishedAt).toBe('2024-02-20');
  });

  it('reads Atom XHTML content as markup', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>X</title><id>urn:x</id>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One <b>bold</b> word.</p></div></content></entry></feed>`;
    expect(parseFeed(xml, 'x')[0]?.contentHtml).toContain('<p>One <b>bold</b> word.</p>');
  });

  it('refuses malformed XML, naming the line', () => {
    expect(() => parseFeed(fixture('malformed.xml'), 'broken.xml')).toThrow(
      /broken\.xml: malformed XML at line \d+, column \d+/,
    );
  });

  it('refuses well-formed XML that is not a feed, naming its root', () => {
    expect(() => parseFeed('<?xml version="1.0"?><catalog><book/></catalog>', 'c.xml')).toThrow(
      /not an RSS or Atom feed \(the root element is <catalog>\)/,
    );
  });

  it('stops an entity-expansion bomb instead of expanding it', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${'x'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
      <rss><channel><item><title>&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;</title></item></channel></rss>`;
    let title = '';
    try {
      title = parseFeed(bomb, 'bomb.xml')[0]?.title ?? '';
    } catch (error) {
      expect(String(error)).toMatch(/bomb\.xml/);
    }
    expect(title.length).toBeLessThan(200_000);
  });
});
