import { composeEdition } from '../../src/compose/edition.ts';
import type { ArticleAnalysis, ArticleEvent } from '../../src/models/analysis.ts';
import type { Article } from '../../src/models/article.ts';
import type { Edition } from '../../src/models/edition.ts';

export const POSTAL = '1 Example Street, Berlin';
export const SIGNING = { baseUrl: 'https://digest.example.org', secret: 'test-secret-0123456789' };

/** An event with defaults. */
export function event(fields: Partial<ArticleEvent> = {}): ArticleEvent {
  return {
    title: 'Council vote',
    date: '2022-01-10',
    endDate: null,
    time: null,
    location: 'Lyon',
    participants: [],
    ...fields,
  };
}

/** An analysis with one of everything, overridable. */
export function analysis(title: string, fields: Partial<ArticleAnalysis> = {}): ArticleAnalysis {
  return {
    title,
    publishedAt: '2022-01-05',
    summary: ['The council meets on Monday.', 'The vote is close.'],
    quotes: [{ text: 'We will meet again soon, and talk', speaker: 'Ana Ruiz', role: 'Mayor' }],
    events: [event()],
    links: [{ title: 'Earlier story', url: 'https://news.example.org/earlier?a=1&b=2' }],
    ...fields,
  };
}

/** An edition of the given analyses, composed at `now` (default the day after publication). */
export function editionOf(
  analyses: ArticleAnalysis[],
  now = new Date('2022-01-06T08:00:00Z'),
  url: (i: number) => string | null = (i) => `https://news.example.org/a${i}`,
): Edition {
  return composeEdition(
    analyses.map((a, i) => ({ article: articleFor(a, url(i), i), analysis: a })),
    { now, newsletterName: 'Daily' },
  );
}

function articleFor(a: ArticleAnalysis, url: string | null, i: number): Article {
  return {
    id: `a${i}`,
    title: a.title,
    url,
    publishedAt: a.publishedAt,
    body: '',
    links: a.links,
    source: 't',
  };
}

/** An edition of `count` articles, each with quotes, three events and links: the size test's worst day. */
export function bigEdition(count: number): Edition {
  const analyses = Array.from({ length: count }, (_, i) =>
    analysis(`Article ${i + 1}: the regional council weighs a new budget for schools and transport`, {
      summary: [
        'The regional council will debate a budget that shifts money from roads to schools and buses next month.',
        'Members of the opposition said the plan leaves rural districts behind and asked for a separate vote.',
        'A decision is expected before the end of the quarter, after two public hearings in the capital.',
      ],
      quotes: [
        {
          text: 'We cannot keep building roads while our schools fall apart',
          speaker: 'Maria Lopez',
          role: 'Council president',
        },
        { text: 'Rural families will pay for this twice', speaker: 'Tom Becker', role: 'Opposition leader' },
      ],
      events: [
        event({
          title: 'First public hearing',
          date: '2022-01-12',
          time: '18:30',
          location: 'City Hall',
          participants: ['Maria Lopez'],
        }),
        event({ title: 'Second public hearing', date: '2022-01-19', location: 'Grand Theatre' }),
        event({
          title: 'Budget vote',
          date: '2022-02-02',
          location: 'Council chamber',
          participants: ['Maria Lopez', 'Tom Becker'],
        }),
      ],
      links: [
        { title: 'How the budget is made', url: `https://news.example.org/budget-explainer-${i}` },
        { title: 'The rural schools report', url: `https://news.example.org/rural-schools-${i}` },
      ],
    }),
  );
  return editionOf(analyses);
}
