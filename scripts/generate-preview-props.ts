import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeArticle } from '../src/analyze/index.ts';
import { composeEdition } from '../src/compose/edition.ts';
import { loadConfig } from '../src/config.ts';
import { parseArticleText } from '../src/ingest/text.ts';

/**
 * Writes emails/_preview-props.json: the PreviewProps of emails/digest.tsx, computed from the
 * sample article's real analysis so the preview cannot drift from what is sent.
 * `npm run email:props` (re)generates it; a test fails when it is out of date.
 */
export function buildPreviewProps() {
  const config = loadConfig({});
  const path = new URL('../examples/articles/blinken-gun-from-ukraines-head.md', import.meta.url);
  const article = parseArticleText(readFileSync(path, 'utf8'), 'examples/articles/blinken-gun-from-ukraines-head.md');
  const now = new Date(`${article.publishedAt ?? '2022-01-05'}T12:00:00Z`);
  const edition = composeEdition([{ article, analysis: analyzeArticle(article) }], {
    now,
    newsletterName: config.newsletterName,
  });
  return {
    edition,
    greeting: 'Hi Demo Reader,',
    unsubscribeUrl: 'http://127.0.0.1:8025/unsubscribe?token=preview',
    postalAddress: config.postalAddress,
  };
}

export const PREVIEW_PROPS_FILE = new URL('../emails/_preview-props.json', import.meta.url);

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  writeFileSync(PREVIEW_PROPS_FILE, `${JSON.stringify(buildPreviewProps(), null, 2)}\n`);
  process.stdout.write('wrote emails/_preview-props.json\n');
}
