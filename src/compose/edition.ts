import { createHash } from 'node:crypto';
import { CALENDAR_CONFIDENCE } from '../analyze/event-confidence.ts';
import type { ArticleAnalysis, ArticleEvent } from '../models/analysis.ts';
import type { Article } from '../models/article.ts';
import type { Edition, EditionItem } from '../models/edition.ts';

/** Options of composeEdition. */
export interface ComposeOptions {
  /** The clock; default now. Events before this date (in timeZone) are not "upcoming". */
  now?: Date;
  /** IANA time zone of the edition date. Default UTC. */
  timeZone?: string;
  newsletterName: string;
}

/** One analysed article, ready to compose. */
export interface AnalyzedArticle {
  article: Article;
  analysis: ArticleAnalysis;
}

/** Builds one edition from analysed articles: the edition date, and each article's upcoming and mentioned events. */
export function composeEdition(articles: AnalyzedArticle[], options: ComposeOptions): Edition {
  const now = options.now ?? new Date();
  const date = formatDateInZone(now, options.timeZone ?? 'UTC');
  const items: EditionItem[] = articles.map(({ article, analysis }) => {
    const coming = analysis.events.filter((e) => (e.endDate ?? e.date) >= date);
    return {
      articleId: article.id,
      url: article.url,
      analysis,
      upcoming: coming.filter(isCalendarEvent),
      mentioned: coming.filter((e) => !isCalendarEvent(e)),
    };
  });
  const id = `${date}-${createHash('sha256')
    .update(items.map((i) => i.articleId).join('\n'))
    .digest('hex')
    .slice(0, 8)}`;
  return { id, date, composedAt: now.toISOString(), newsletterName: options.newsletterName, items };
}

/**
 * True for an event sure enough for a reader's calendar: a wrong entry there is worse than a
 * missing one, so only confident ones count (an event without a confidence predates it and counts).
 */
export function isCalendarEvent(event: ArticleEvent): boolean {
  return (event.confidence ?? 1) >= CALENDAR_CONFIDENCE;
}

/** YYYY-MM-DD of an instant in a time zone. */
export function formatDateInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
