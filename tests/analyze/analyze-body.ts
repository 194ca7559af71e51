import { CALENDAR_CONFIDENCE } from '../../src/analyze/event-confidence.ts';
import { analyzeArticle } from '../../src/analyze/index.ts';
import type { ArticleAnalysis } from '../../src/models/analysis.ts';

/** The analysis of an article that is only `body`, published on `publishedAt`. */
export function analyzeBody(body: string, publishedAt: string | null): ArticleAnalysis {
  return analyzeArticle({ id: 'x', title: 'T', url: null, publishedAt, body, links: [], source: 't' });
}

/** [date, endDate] of the events of `body` sure enough for the calendar. */
export function calendarOf(body: string, published: string): Array<[string, string | null]> {
  return analyzeBody(body, published)
    .events.filter((e) => (e.confidence ?? 1) >= CALENDAR_CONFIDENCE)
    .map((e) => [e.date, e.endDate]);
}

/** The places of the events of `body`, in order. */
export function placesOf(body: string, published = '2026-05-04'): Array<string | null> {
  return analyzeBody(body, published).events.map((e) => e.location);
}
