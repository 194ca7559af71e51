import type { ArticleAnalysis } from '../models/analysis.ts';
import type { Article } from '../models/article.ts';
import { isIsoDate, toIso } from './calendar.ts';
import { cleanBody } from './clean.ts';
import { extractEvents } from './events.ts';
import { collectLinks } from './links.ts';
import { buildPeopleIndex } from './people.ts';
import { extractQuotes } from './quotes.ts';
import { summarize } from './summary.ts';

/** Options of the analysis; every field optional. */
export interface AnalyzeOptions {
  /** Sentences in the summary at most; it also stays near 60 words (the first sentence always goes in). Default 3. */
  summarySentences?: number;
  /** Reference date (YYYY-MM-DD) when the article has no publication date. Default: today (UTC). */
  today?: string;
}

/** AnalyzeOptions with every default applied. */
export interface ResolvedAnalyzeOptions {
  summarySentences: number;
  /** The date events are resolved against: publication date, else `today`, else the current UTC date. */
  referenceDate: string;
}

/** Applies the documented defaults; the only place the analysis reads the clock. */
export function resolveAnalyzeOptions(
  article: Article,
  options: AnalyzeOptions = {},
): ResolvedAnalyzeOptions {
  const requested = options.summarySentences ?? 3;
  const summarySentences = Number.isFinite(requested) ? Math.max(0, Math.floor(requested)) : 3;
  const candidates = [article.publishedAt, options.today].filter((d): d is string => !!d && isIsoDate(d));
  return { summarySentences, referenceDate: candidates[0] ?? toIso(new Date()) };
}

/**
 * Reads one article: summary, quotes with speakers, dated events, links.
 * Pure and deterministic: the same article and options give the same analysis
 * (only a missing publication date and `today` fall back to the clock).
 */
export function analyzeArticle(article: Article, options: AnalyzeOptions = {}): ArticleAnalysis {
  const resolved = resolveAnalyzeOptions(article, options);
  const { paragraphs, readMore } = cleanBody(article.body, article.title);
  const people = buildPeopleIndex(paragraphs);
  return {
    title: article.title,
    publishedAt: article.publishedAt,
    summary: summarize(paragraphs, resolved.summarySentences, article.title),
    quotes: extractQuotes(paragraphs, people),
    events: extractEvents(paragraphs, resolved.referenceDate, people),
    links: collectLinks(readMore, article),
  };
}
