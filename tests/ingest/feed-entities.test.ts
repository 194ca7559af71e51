import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { parseFeed } from '../../src/ingest/feed.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { prepareEdition } from '../../src/pipeline.ts';
import { personalize } from '../../src/render/render-edition.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const TITLE = 'Council&#8217;s budget &amp; the &#x2019;harbour&#x2019; plan: &amp;lt;b&amp;gt; stays text';
const BODY =
  'The Council&#8217;s finance committee met on Tuesday &amp; agreed the harbour budget for next year. The mayor said the plan keeps the ferry running every hour through the winter, and the vote passed by nine to two.';

const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Ledger</title>
<item><title>${TITLE}</title><guid>budget-1</guid><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
<dc:creator>Ana &#8220;Q&#8221; Lind</dc:creator><description>&lt;p&gt;${BODY}&lt;/p&gt;</description></item>
<item><title><![CDATA[Tom &amp; Jerry&#8217;s cafe]]></title><guid>cafe-1</guid><description><![CDATA[<p>Tom &amp; Jerry&#8217;s cafe opens on the quay.</p>]]></description></item>
</channel></rss>`;

describe('entities in feeds, decoded exactly once', () => {
  const temp = makeTempDir('digest-entities-');
  afterAll(() => temp.remove());

  it("decodes numeric and named references in an RSS item's title, author and text, and CDATA not at all", () => {
    const [budget, cafe] = parseFeed(rss, 'rss');
    expect(budget?.title).toBe('Council’s budget & the ’harbour’ plan: &lt;b&gt; stays text');
    expect(budget?.author).toBe('Ana “Q” Lind');
    expect(budget?.summaryHtml).toBe(`<p>${BODY.replace('&#8217;', '’').replace('&amp;', '&')}</p>`);
    // A title in CDATA carries its references there: decoded once. An HTML field's CDATA is
    // HTML as written, decoded once with the HTML.
    expect(cafe?.title).toBe('Tom & Jerry’s cafe');
    expect(cafe?.summaryHtml).toBe('<p>Tom &amp; Jerry&#8217;s cafe opens on the quay.</p>');
  });

  it('decodes them once in Atom and RSS 1.0 too', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>Council&#8217;s &amp;lt;vote&amp;gt;</title><id>urn:x&#58;1</id><author><name>B &#8220;C&#8221;</name></author>
<summary type="html">Council&amp;#8217;s &amp;amp;lt;</summary></entry></feed>`;
    const [entry] = parseFeed(atom, 'atom');
    expect(entry?.title).toBe('Council’s &lt;vote&gt;');
    expect(entry?.guid).toBe('urn:x:1');
    expect(entry?.author).toBe('B “C”');
    expect(entry?.summaryHtml).toBe('Council&#8217;s &amp;lt;');
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<item><title>Council&#8217;s &#38;amp;</title><link>https://news.example/a?x=1&amp;y=2</link></item></rdf:RDF>`;
    const [item] = parseFeed(rdf, 'rdf');
    expect(item?.title).toBe('Council’s &amp;');
    expect(item?.link).toBe('https://news.example/a?x=1&y=2');
  });

  it('shows the decoded characters in the subject, the HTML and the text part of the digest', async () => {
    const file = join(temp.dir, 'ledger.xml');
    writeFileSync(file, rss);
    const { articles, failures } = await loadArticles([file]);
    expect(failures).toEqual([]);
    const config = loadConfig({ DIGEST_DB: join(temp.dir, 'digest.db') });
    const rendered = await prepareEdition(articles, config, new Date('2024-03-06T07:00:00Z'));
    const copy = personalize(rendered, { name: null, unsubscribeUrl: 'https://d.example/u?t=1' });
    expect(copy.subject).toContain('Council’s budget & the ’harbour’ plan: &lt;b&gt; stays text');
    expect(copy.text).toContain('Council’s budget & the ’harbour’ plan: &lt;b&gt; stays text');
    expect(copy.text).toContain('The Council’s finance committee met on Tuesday & agreed');
    expect(copy.text).toContain('Tom & Jerry’s cafe');
    // In HTML the text "&lt;b&gt;" is written &amp;lt;b&amp;gt;: shown as typed, not as a tag.
    expect(copy.html).toContain('Council’s budget &amp; the ’harbour’ plan: &amp;lt;b&amp;gt; stays text');
    for (const part of [copy.subject, copy.text, copy.html]) expect(part).not.toMatch(/&#(8217|x2019);/);
  });
});
