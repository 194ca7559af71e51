import { describe, expect, it } from 'vitest';
import { trimEdition } from '../../src/compose/trim-edition.ts';
import { personalize, renderEdition } from '../../src/render/render-edition.ts';
import { analysis, editionOf, event, POSTAL, SIGNING } from './fixtures.ts';

const LONG_QUOTE = 'We will keep talking until every family on this river has the water it was promised';

/** A long day: many articles, each with a long summary, five quotes and upcoming and past dates. */
function longEdition(count: number) {
  return editionOf(
    Array.from({ length: count }, (_, n) =>
      analysis(`Story ${n + 1}: the river talks reach their hardest week so far`, {
        summary: Array.from({ length: 3 }, (_, s) => `Sentence ${s + 1} of story ${n + 1}, ${LONG_QUOTE}.`),
        quotes: Array.from({ length: 5 }, (_, q) => ({
          text: `${LONG_QUOTE} (${q})`,
          speaker: 'Ana Ruiz',
          role: 'Mayor',
        })),
        events: [
          event({ date: '2022-01-10' }),
          event({ date: '2022-01-12', title: 'Vote' }),
          event({ date: '2022-01-01', title: 'Past' }),
        ],
        links: Array.from({ length: 4 }, (_, l) => ({
          title: `Related story ${l}`,
          url: `https://news.example.org/r${l}`,
        })),
      }),
    ),
  );
}

describe('long digests', () => {
  it('keeps a 20-article digest under the 102 KB at which Gmail clips it, with every headline and upcoming date', async () => {
    const edition = longEdition(20);
    const rendered = await renderEdition(edition, { postalAddress: POSTAL, calendarLinks: SIGNING });
    const copy = personalize(rendered, {
      name: 'Ana',
      unsubscribeUrl: 'https://digest.example.org/unsubscribe?token=abc',
    });
    expect(Buffer.byteLength(copy.html)).toBeLessThan(102 * 1024);
    for (let n = 1; n <= 20; n++) expect(copy.html).toContain(`Story ${n}: the river talks`);
    expect(copy.html.match(/Mon, 10 Jan 2022/g)?.length).toBe(20);
    expect(copy.html).toContain('Unsubscribe');
    expect(copy.text).toContain('https://digest.example.org/unsubscribe?token=abc');
  });

  it('leaves a short digest whole', async () => {
    const edition = longEdition(2);
    const rendered = await renderEdition(edition, { postalAddress: POSTAL });
    expect(personalize(rendered, { name: null, unsubscribeUrl: 'u' }).html).toContain(`${LONG_QUOTE} (4)`);
  });

  it('cuts quotes, sentences, links and past dates level by level, never upcoming dates', () => {
    const edition = longEdition(1);
    const [one] = trimEdition(edition, 1).items;
    expect(one?.analysis.quotes).toHaveLength(2);
    expect(one?.analysis.summary).toHaveLength(2);
    expect(one?.analysis.events.map((e) => e.date)).toEqual(['2022-01-10', '2022-01-12']);
    const [deepest] = trimEdition(edition, 99).items;
    expect(deepest?.analysis.quotes).toHaveLength(0);
    expect(deepest?.upcoming).toHaveLength(2);
    expect(trimEdition(edition, 0)).toBe(edition);
  });
});
