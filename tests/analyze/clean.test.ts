import { describe, expect, it } from 'vitest';
import { cleanBody, repairText } from '../../src/analyze/clean.ts';
import { collectLinks } from '../../src/analyze/links.ts';
import type { Article } from '../../src/models/article.ts';

describe('cleanBody', () => {
  it('drops repeated paragraphs, the headline, credits, captions and share junk', () => {
    const body = [
      'Headline here',
      'A subtitle sentence that is repeated.',
      'A subtitle sentence that is repeated.',
      'Photo: VIRGINIA MAYO / AFP / Getty Images',
      'A dry riverbed near the border crossing in February.',
      'SANTIAGO — The real article text starts here with a full sentence about the talks that are coming next week and more.',
      'Spread the love',
      'Share this:\nTwitter\nFacebook',
      'Follow us on Twitter @NordicWire for the latest from the High North',
    ].join('\n\n');
    expect(cleanBody(body, 'Headline here').paragraphs).toEqual([
      'A subtitle sentence that is repeated.',
      'The real article text starts here with a full sentence about the talks that are coming next week and more.',
    ]);
  });

  it('drops the page’s date stamp run into the first paragraph without a space, and keeps a date that opens a sentence', () => {
    const body = [
      'March 4, 2024The port authority will close the north quay for dredging from next month.',
      '12 Sept 2021Ministers meet again in Lisbon on Friday.',
      'March 4, 2024 was the day the quay last closed, the authority said.',
    ].join('\n\n');
    expect(cleanBody(body, 'T').paragraphs).toEqual([
      'The port authority will close the north quay for dredging from next month.',
      'Ministers meet again in Lisbon on Friday.',
      'March 4, 2024 was the day the quay last closed, the authority said.',
    ]);
  });

  it('turns "Read more" and "Related" lists into links, with Markdown addresses', () => {
    const body =
      'Text of the article.\n\nRead more:\nFirst headline\n[Second headline](https://example.org/2)\n\nRelated:\n\n- Third headline';
    const { paragraphs, readMore } = cleanBody(body, 'T');
    expect(paragraphs).toEqual(['Text of the article.']);
    expect(readMore).toEqual([
      { title: 'First headline', url: null },
      { title: 'Second headline', url: 'https://example.org/2' },
      { title: 'Third headline', url: null },
    ]);
  });

  it('drops bylines and date stamps but keeps a sentence that starts with "By"', () => {
    const body = [
      'By Ana Ruiz | Mar. 4, 2024',
      'By Tom Lee and Ines Duarte, Staff writers',
      'Updated: Mar. 4, 2024 10:32 GMT',
      'By Tuesday, the council will have to choose a new budget.',
    ].join('\n\n');
    expect(cleanBody(body, 'T').paragraphs).toEqual([
      'By Tuesday, the council will have to choose a new budget.',
    ]);
  });

  it('keeps the paragraph after a labelled "Caption:" and drops stacked share lines', () => {
    const body = [
      'Photo: Lena Berg / Nordic Frame\nCaption: Divers check the reef wall.',
      'Jonas Wik said the reef was recovering.',
      'Advertisement\nShare this:\nWhatsApp\nFacebook',
    ].join('\n\n');
    expect(cleanBody(body, 'T').paragraphs).toEqual(['Jonas Wik said the reef was recovering.']);
  });

  it('repairs doubled periods and missing spaces between sentences and words', () => {
    expect(repairText('Borders.. in other countriesWhite House said.Norway agreed..')).toBe(
      'Borders. in other countries White House said. Norway agreed.',
    );
    expect(repairText('An iPhone and eBay stay as written...')).toBe('An iPhone and eBay stay as written...');
  });
});

describe('collectLinks', () => {
  it("removes duplicates and leaves the article's own address out (the headline links to it)", () => {
    const article: Article = {
      id: 'x',
      title: 'Own title',
      url: 'https://example.org/own',
      publishedAt: null,
      body: '',
      links: [{ title: 'First headline', url: 'https://example.org/1' }],
      source: 't',
    };
    expect(collectLinks([{ title: 'First headline', url: null }], article)).toEqual([
      { title: 'First headline', url: 'https://example.org/1' },
    ]);
  });
});

describe('cleanBody on a body without blank lines', () => {
  it('reads one long line per paragraph', () => {
    const line = (n: number) =>
      `Paragraph ${n} is a long line of article text that goes on well past eighty characters in all.`;
    const { paragraphs } = cleanBody([line(1), line(2), line(3)].join('\n'), 'T');
    expect(paragraphs).toHaveLength(3);
  });

  it('joins hard-wrapped short lines into one paragraph', () => {
    expect(cleanBody('A short wrapped line\nthat continues here\nand ends here.', 'T').paragraphs).toEqual([
      'A short wrapped line that continues here and ends here.',
    ]);
  });
});
