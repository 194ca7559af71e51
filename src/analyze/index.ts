import type { ArticleAnalysis } from '../models/analysis.ts';
import type { Article } from '../models/article.ts';

/** Options of the analysis; every field optional. */
export interface AnalyzeOptions {
  /** Sentences in the summary. Default 3. */
  summarySentences?: number;
  /** Reference date (YYYY-MM-DD) when the article has no publication date. Default: today (UTC). */
  today?: string;
}

/**
 * Reads one article: summary, quotes with speakers, dated events, links.
 * Pure and deterministic: the same article and options give the same analysis.
 * (Walking-skeleton placeholder: replaced by the real analysis.)
 */
export function analyzeArticle(article: Article, options: AnalyzeOptions = {}): ArticleAnalysis {
  const paragraphs = article.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    title: article.title,
    publishedAt: article.publishedAt,
    summary: paragraphs.slice(0, options.summarySentences ?? 3),
    quotes: [],
    events: [],
    links: [...article.links],
  };
}
