import { readFileSync } from 'node:fs';
import { analyzeArticle } from '../../src/analyze/index.ts';
import { composeEdition } from '../../src/compose/edition.ts';
import { loadConfig } from '../../src/config.ts';
import { parseArticleText } from '../../src/ingest/text.ts';
import { buildMessage, prepareEdition, renderOptions } from '../../src/pipeline.ts';
import { composeMime } from '../../src/render/mime.ts';
import { personalize, renderEdition } from '../../src/render/render-edition.ts';
import { medianMs, perSecond } from '../measure.ts';

const SAMPLE = new URL('../../examples/articles/blinken-gun-from-ukraines-head.md', import.meta.url);
const SECRET = 'bench-secret-0123456789';

/**
 * Rendering of the sample article's digest: the react render of one edition, per-recipient
 * fills (HTML + text), complete MIME messages, and the HTML size of the sample and of a
 * ten-article edition (Gmail clips above 102 KB).
 */
export async function measureRender(): Promise<Record<string, number>> {
  const config = loadConfig({});
  const article = parseArticleText(readFileSync(SAMPLE, 'utf8'), 'sample');
  const now = new Date('2022-01-06T07:00:00Z');
  const rendered = await prepareEdition([article], config, now, SECRET);
  const options = renderOptions(config, SECRET);
  let i = 0;
  const recipient = () => ({
    email: `r${++i}@example.org`,
    name: `Reader ${i}`,
    messageId: `<m${i}@example.org>`,
  });
  const tenArticles = await renderEdition(editionOfCopies(article, 10, now, config.newsletterName), options);
  // DIGEST_MAX_ARTICLES' default: the largest edition the worker makes unless told otherwise.
  const twentyArticles = await renderEdition(
    editionOfCopies(article, 20, now, config.newsletterName),
    options,
  );
  return {
    analyze_ms: await medianMs(() => analyzeArticle(article), 200, 20),
    render_edition_ms: await medianMs(() => renderEdition(rendered.edition, options), 30, 5),
    personalize_per_s: await perSecond(() =>
      personalize(rendered, { name: `Reader ${++i}`, unsubscribeUrl: `https://x.example/u?t=${i}` }),
    ),
    mime_per_s: await perSecond(() => composeMime(buildMessage(rendered, recipient(), config, SECRET))),
    html_bytes: Buffer.byteLength(buildMessage(rendered, recipient(), config, SECRET).html),
    html_bytes_10_articles: Buffer.byteLength(buildMessage(tenArticles, recipient(), config, SECRET).html),
    html_bytes_20_articles: Buffer.byteLength(buildMessage(twentyArticles, recipient(), config, SECRET).html),
  };
}

/** An edition of `count` copies of the article (each its own item): a long day's digest. */
function editionOfCopies(
  article: ReturnType<typeof parseArticleText>,
  count: number,
  now: Date,
  name: string,
) {
  const analysis = analyzeArticle(article);
  const items = Array.from({ length: count }, (_, n) => ({
    article: { ...article, id: `${article.id}#${n}`, url: `https://news.example.org/story-${n}` },
    analysis: { ...analysis, title: `${n + 1}. ${analysis.title}` },
  }));
  return composeEdition(items, { now, newsletterName: name });
}
