import { readFileSync } from 'node:fs';
import { analyzeArticle } from '../src/analyze/index.ts';
import { loadConfig } from '../src/config.ts';
import { parseArticleText } from '../src/ingest/text.ts';
import { buildMessage, prepareEdition } from '../src/pipeline.ts';
import { composeMime } from '../src/render/mime.ts';
import { personalize } from '../src/render/render-edition.ts';
import { medianMs, perSecond } from './measure.ts';

/**
 * `npm run bench [-- --json]`: the speed figures of the product, on the sample article.
 * Numbers are printed, never asserted: targets are in the issues and the README.
 */
const SAMPLE = new URL('../examples/articles/blinken-gun-from-ukraines-head.md', import.meta.url);

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const config = loadConfig({});
  const article = parseArticleText(readFileSync(SAMPLE, 'utf8'), 'sample');
  const now = new Date('2022-01-06T07:00:00Z');
  const rendered = await prepareEdition([article], config, now);
  let i = 0;
  const recipient = () => ({ email: `r${++i}@example.org`, name: `Reader ${i}`, messageId: `<m${i}@example.org>` });
  const figures = {
    analyze_ms: await medianMs(() => analyzeArticle(article), 200, 20),
    render_edition_ms: await medianMs(() => prepareEdition([article], config, now), 30, 5),
    personalize_per_s: await perSecond(() =>
      personalize(rendered, { name: `Reader ${++i}`, unsubscribeUrl: `https://x.example/u?t=${i}` }),
    ),
    mime_per_s: await perSecond(() => composeMime(buildMessage(rendered, recipient(), config, 'bench-secret-0123456789'))),
    html_bytes: Buffer.byteLength(buildMessage(rendered, recipient(), config, 'bench-secret-0123456789').html),
  };
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else for (const [name, value] of Object.entries(figures)) process.stdout.write(`${name.padEnd(22)} ${value}\n`);
}

await main();
