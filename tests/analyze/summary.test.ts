import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analyze/summary.ts';

describe('summarize', () => {
  const paragraphs = [
    'The city council will vote on the budget on Tuesday, Mayor Ann Cole said on Friday.',
    'But not everyone agrees with the plan that was put forward by the mayor last month.',
    '“We will fight this budget line by line,” said councillor Tom Reyes.',
    'He said the vote could be close and that several members had not decided yet.',
    'The budget moves 12 million dollars from police overtime to housing for homeless residents.',
    'The budget moves 12 million dollars from police overtime to housing for homeless residents.',
  ];

  it('keeps article order, skips pronoun and "But" openers, quotes and repeats', () => {
    expect(summarize(paragraphs, 2)).toEqual([
      'The city council will vote on the budget on Tuesday, Mayor Ann Cole said on Friday.',
      'The budget moves 12 million dollars from police overtime to housing for homeless residents.',
    ]);
  });

  it('returns fewer sentences than asked when the article is short, and none when asked for none', () => {
    expect(summarize(['One short article sentence that says enough.'], 3)).toHaveLength(1);
    expect(summarize(paragraphs, 0)).toEqual([]);
  });
});
