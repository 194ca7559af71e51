import { loadArticles } from '../../src/ingest/load.ts';
import type { Article } from '../../src/models/article.ts';

/** The shipped sample article, the source of every edition in these tests. */
export const SAMPLE = 'examples/articles/blinken-gun-from-ukraines-head.md';

/** Reads the sample article. */
export async function ingestSample(): Promise<Article[]> {
  const { articles } = await loadArticles([SAMPLE]);
  return articles;
}
