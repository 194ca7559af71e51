import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/index.ts';
import { personalize, renderEdition } from '../../src/render/render-edition.ts';
import { analysis, editionOf, POSTAL } from './fixtures.ts';

const OWN = 'https://news.example.org/a0';
const OTHER = 'https://news.example.org/earlier';
const RECIPIENT = { name: null, unsubscribeUrl: 'https://digest.example.org/unsubscribe?token=t.1' };
const count = (text: string, part: string) => text.split(part).length - 1;

describe("an article's links to itself", () => {
  it('are one, the headline, in the HTML and in the text part; Read more lists only other addresses', async () => {
    // An analysis frozen before the own address left the links still carries it (twice here).
    const frozen = analysis('Council agrees the harbour budget', {
      links: [
        { title: 'Council agrees the harbour budget', url: OWN },
        { title: 'Earlier story', url: OTHER },
        { title: 'The same page, a section of it', url: `${OWN}#comments` },
      ],
    });
    const copy = personalize(await renderEdition(editionOf([frozen]), { postalAddress: POSTAL }), RECIPIENT);
    expect(count(copy.html, `href="${OWN}"`)).toBe(1);
    expect(copy.html).toMatch(new RegExp(`<h2[^>]*>\\s*<a[^>]*href="${OWN}"`));
    expect(copy.html).not.toContain('The full article');
    expect(copy.html).not.toContain(`${OWN}#comments`);
    expect(count(copy.html, `href="${OTHER}"`)).toBe(1);
    expect(count(copy.text, OWN)).toBe(1);
    const readMore = copy.text.slice(copy.text.indexOf('READ MORE'));
    expect(readMore).toContain(OTHER);
    expect(readMore).not.toContain(OWN);
  });

  it('has no Read more heading when the article links nowhere else', async () => {
    const alone = analysis('Council agrees the harbour budget', { links: [{ title: 'Itself', url: OWN }] });
    const copy = personalize(await renderEdition(editionOf([alone]), { postalAddress: POSTAL }), RECIPIENT);
    expect(copy.html).not.toMatch(/Read more/i);
    expect(copy.text).not.toMatch(/READ MORE/);
    expect(count(copy.html, `href="${OWN}"`)).toBe(1);
  });

  it("are left out of the analysis's links", () => {
    const result = analyzeArticle({
      id: OWN,
      title: 'Council agrees the harbour budget',
      url: OWN,
      publishedAt: '2024-03-05',
      body: 'The council agreed the harbour budget on Tuesday, the mayor said.',
      links: [{ title: 'Earlier story', url: OTHER }],
      source: 't',
    });
    expect(result.links).toEqual([{ title: 'Earlier story', url: OTHER }]);
  });
});
