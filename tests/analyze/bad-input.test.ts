import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/index.ts';
import type { ArticleAnalysis } from '../../src/models/analysis.ts';
import type { Article } from '../../src/models/article.ts';

function article(body: string, publishedAt: string | null = '2022-01-05'): Article {
  return { id: 'x', title: 'A title', url: null, publishedAt, body, links: [], source: 'test' };
}

function expectValid(analysis: ArticleAnalysis): void {
  expect(Array.isArray(analysis.summary)).toBe(true);
  expect(Array.isArray(analysis.quotes)).toBe(true);
  expect(Array.isArray(analysis.events)).toBe(true);
  expect(Array.isArray(analysis.links)).toBe(true);
}

describe('analyzeArticle on bad input', () => {
  it('returns empty lists for an empty body', () => {
    const analysis = analyzeArticle(article(''));
    expect(analysis).toMatchObject({ summary: [], quotes: [], events: [], links: [] });
  });

  it('returns empty lists for a body of whitespace only', () => {
    expect(analyzeArticle(article(' \n\n\t \n  '))).toMatchObject({ summary: [], quotes: [], events: [] });
  });

  it('finishes on 5 MB of text', () => {
    const paragraph =
      'The council said on Monday that the budget “will be debated at length by everyone involved” in Geneva on January 10. ';
    const body = `${paragraph.repeat(40)}\n\n`.repeat(Math.ceil(5_000_000 / (paragraph.length * 40)));
    expect(body.length).toBeGreaterThan(5_000_000);
    expectValid(analyzeArticle(article(body)));
  });

  it('finds nothing in a text without quotes or dates', () => {
    const analysis = analyzeArticle(
      article('The weather was mild. People walked in the park and talked about nothing much.'),
    );
    expect(analysis.quotes).toEqual([]);
    expect(analysis.events).toEqual([]);
    expect(analysis.summary.length).toBeLessThanOrEqual(1);
  });

  it('survives quote marks that are unbalanced everywhere', () => {
    const body = Array.from(
      { length: 200 },
      (_, i) => `He said “ this is ” not ” balanced “ at all ${i} " really "" ”.`,
    ).join('\n\n');
    expectValid(analyzeArticle(article(body)));
  });

  it('survives very long paragraphs without punctuation', () => {
    const words = Array.from({ length: 60_000 }, (_, i) => (i % 7 === 0 ? 'Monday' : `word${i % 13}`)).join(
      ' ',
    );
    expectValid(analyzeArticle(article(words)));
  });

  it('survives pathological runs of capitals, periods and marks', () => {
    const body = `${'A. '.repeat(20_000)}\n\n${'Mr Big Name '.repeat(10_000)}\n\n${'.'.repeat(50_000)}\n\n${'"'.repeat(50_000)}`;
    expectValid(analyzeArticle(article(body)));
  });

  it('uses options.today when the article has no publication date', () => {
    const analysis = analyzeArticle(
      article('The ministers will meet in Geneva on Thursday to discuss trade.', null),
      {
        today: '2022-01-05',
      },
    );
    expect(analysis.events.map((e) => e.date)).toEqual(['2022-01-06']);
  });
});
