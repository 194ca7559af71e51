import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/index.ts';
import { parseArticleText } from '../../src/ingest/text.ts';

const SAMPLE = new URL('../../examples/articles/blinken-gun-from-ukraines-head.md', import.meta.url);
const article = parseArticleText(readFileSync(SAMPLE, 'utf8'), 'sample');

describe('analyzeArticle on the sample article', () => {
  const analysis = analyzeArticle(article);

  it('finds the five key quotes with their speakers and roles', () => {
    const blinken = { speaker: 'Antony Blinken', role: 'US Secretary of State' };
    expect(analysis.quotes).toEqual([
      {
        text: 'It will be very difficult to make progress in any of the areas in an atmosphere of escalation and threats, with a gun pointed at Ukraine’s head',
        ...blinken,
      },
      {
        text: 'It is important that we begin these conversations, but I believe that for them to bear fruit, to achieve real progress, a de-escalation will be required',
        ...blinken,
      },
      { text: 'there are things that can be done relatively quickly', ...blinken },
      { text: 'To build more confidence and reduce some of the concerns that we have', ...blinken },
      {
        text: 'Our talks will be pragmatic, results-oriented, and we believe there are areas where we can make progress if Moscow comes to the table prepared to do so',
        speaker: 'Jen Psaki',
        role: 'White House spokeswoman',
      },
    ]);
  });

  it('resolves the three meetings to dates, places and participants', () => {
    expect(
      analysis.events.map(({ date, endDate, time, location }) => ({ date, endDate, time, location })),
    ).toEqual([
      { date: '2022-01-10', endDate: null, time: null, location: 'Geneva' },
      { date: '2022-01-12', endDate: null, time: null, location: 'Brussels' },
      { date: '2022-01-13', endDate: null, time: null, location: 'Vienna' },
    ]);
    expect(analysis.events[0]?.participants).toEqual(['Wendy Sherman', 'Sergei Riabkov']);
    const council = analysis.events[1];
    expect(`${council?.participants.join(' ')} ${council?.title}`).toContain('NATO-Russia Council');
    expect(analysis.events[2]?.participants).toContain('OSCE');
    for (const event of analysis.events) expect(event.title.length).toBeGreaterThan(0);
  });

  it('turns the "Read more" list into links without addresses', () => {
    expect(analysis.links).toEqual([
      {
        title:
          'What would a war between powers now look like and what is the advantage of Russia and China against the West',
        url: null,
      },
      {
        title: 'Biden insists Ukraine’s president that he has the backing of the US against Russia',
        url: null,
      },
      {
        title: 'Putin warns Biden that applying new sanctions against Russia would be “a colossal mistake”',
        url: null,
      },
    ]);
  });

  it('does not take the headline’s short quote as a key quote', () => {
    expect(analysis.quotes.some((q) => q.text.includes('the gun from Ukraine’s head'))).toBe(false);
  });

  it('summarizes in up to three distinct sentences of about 60 words, without credits or share junk', () => {
    expect(analysis.summary.length).toBeGreaterThanOrEqual(2);
    expect(analysis.summary.length).toBeLessThanOrEqual(3);
    expect(new Set(analysis.summary).size).toBe(analysis.summary.length);
    expect(analysis.summary.join(' ').split(/\s+/).length).toBeLessThanOrEqual(70);
    for (const sentence of analysis.summary) {
      expect(sentence).not.toMatch(/Photo:|Getty|Spread the love|Read more/);
      expect(sentence).not.toMatch(/^(?:He|She|It|But|Also)\b/);
    }
  });

  it('gives the same analysis for the same input', () => {
    expect(analyzeArticle(article)).toEqual(analysis);
    expect(JSON.stringify(analyzeArticle(structuredClone(article)))).toBe(JSON.stringify(analysis));
  });

  it('honours summarySentences', () => {
    expect(analyzeArticle(article, { summarySentences: 1 }).summary).toHaveLength(1);
    expect(analyzeArticle(article, { summarySentences: 0 }).summary).toEqual([]);
  });
});
