import { analyzeArticle } from '../../src/analyze/index.ts';
import type { ArticleAnalysis } from '../../src/models/analysis.ts';

/** The analysis of an article that is only `body`, published on `publishedAt`. */
export function analyzeBody(body: string, publishedAt: string | null): ArticleAnalysis {
  return analyzeArticle({ id: 'x', title: 'T', url: null, publishedAt, body, links: [], source: 't' });
}
