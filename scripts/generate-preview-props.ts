import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DigestEmailProps } from '../emails/digest.tsx';
import { analyzeArticle } from '../src/analyze/index.ts';
import { composeEdition } from '../src/compose/edition.ts';
import { loadConfig } from '../src/config.ts';
import { parseArticleText } from '../src/ingest/text.ts';
import { archivePageUrl, calendarLinksOf, editionSubject } from '../src/render/render-edition.ts';

const SAMPLE = 'examples/articles/blinken-gun-from-ukraines-head.md';

/**
 * The PreviewProps of emails/digest.tsx, computed from the sample article's real analysis so
 * the preview cannot drift from what is sent. The edition is dated the day after publication,
 * so the sample's meetings are upcoming. `npm run email:props` (re)writes the file; a test
 * fails when it is out of date.
 */
export function buildPreviewProps(): Required<Omit<DigestEmailProps, 'subscribeUrl' | 'archiveIndexUrl'>> {
  const config = loadConfig({});
  const article = parseArticleText(readFileSync(new URL(`../${SAMPLE}`, import.meta.url), 'utf8'), SAMPLE);
  const day = article.publishedAt ?? '2022-01-05';
  const now = new Date(`${day}T12:00:00Z`);
  now.setUTCDate(now.getUTCDate() + 1);
  const edition = composeEdition([{ article, analysis: analyzeArticle(article, { today: day }) }], {
    now,
    newsletterName: config.newsletterName,
  });
  return {
    edition,
    subject: editionSubject(edition),
    greeting: 'Hi Demo Reader,',
    unsubscribeUrl: `${config.publicUrl}/unsubscribe?token=preview`,
    postalAddress: config.postalAddress,
    // Signed with a key of its own: the template preview shows the links' shape, not working links.
    calendarLinks: calendarLinksOf(edition, { baseUrl: config.publicUrl, secret: 'email-dev-preview' }),
    viewInBrowserUrl: archivePageUrl(`${config.publicUrl}/archive`, edition.id),
  };
}

/** The JSON file's text, as `npm run email:props` writes it. */
export function previewPropsJson(): string {
  return `${JSON.stringify(buildPreviewProps(), null, 2)}\n`;
}

export const PREVIEW_PROPS_FILE = new URL('../emails/_preview-props.json', import.meta.url);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(PREVIEW_PROPS_FILE, previewPropsJson());
  process.stdout.write('wrote emails/_preview-props.json\n');
}
