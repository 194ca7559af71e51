import { readFileSync } from 'node:fs';
import { analyzeArticle } from '../../src/analyze/index.ts';
import { loadConfig } from '../../src/config.ts';
import { parseArticleText } from '../../src/ingest/text.ts';
import { buildMessage, prepareEdition } from '../../src/pipeline.ts';
import { composeMime } from '../../src/render/mime.ts';
import { personalize } from '../../src/render/render-edition.ts';
import { medianMs, perSecond } from '../measure.ts';

const SAMPLE = new URL('../../examples/articles/blinken-gun-from-ukraines-head.md', import.meta.url);

/** Analysis and rendering of the sample article's digest. */
export async function measureRender(): Promise<Record<string, number>> {
  const config = loadConfig({});
  const article = parseArticleText(readFileSync(SAMPLE, 'utf8'), 'sample');
  const now = new Date('2022-01-06T07:00:00Z');
  const rendered = await prepareEdition([article], config, now);
  let i = 0;
  const recipient = () => ({
    email: `r${++i}@example.org`,
    name: `Reader ${i}`,
    messageId: `<m${i}@example.org>`,
  });
  const secret = 'bench-secret-0123456789';
  return {
    analyze_ms: await medianMs(() => analyzeArticle(article), 200, 20),
    render_edition_ms: await medianMs(() => prepareEdition([article], config, now), 30, 5),
    personalize_per_s: await perSecond(() =>
      personalize(rendered, { name: `Reader ${++i}`, unsubscribeUrl: `https://x.example/u?t=${i}` }),
    ),
    mime_per_s: await perSecond(() => composeMime(buildMessage(rendered, recipient(), config, secret))),
    html_bytes: Buffer.byteLength(buildMessage(rendered, recipient(), config, secret).html),
  };
}
