import { escapeHtml } from '../../render/personalize.ts';
import type { PageView } from '../web/layout.ts';
import type { ArchiveEntry } from './atom.ts';

/** The archive's index: every sent edition, newest first, with its date and first sentence. */
export function archiveListPage(entries: readonly ArchiveEntry[], newsletterName: string): PageView {
  const e = escapeHtml;
  const items = entries.length
    ? `<ul class="plain">${entries
        .map(
          (entry) =>
            `<li><a href="/archive/${e(encodeURIComponent(entry.id))}">${e(entry.subject)}</a><br><span class="hint">${e(entry.sentAt.slice(0, 10))} · ${e(entry.summary)}</span></li>`,
        )
        .join('')}</ul>`
    : '<p>No edition has been sent yet.</p>';
  return {
    title: `${newsletterName}: archive`,
    body: `<h1>${e(newsletterName)}: past editions</h1>${items}
<p><a href="/subscribe">Subscribe</a> · <a href="/archive/feed.xml">Atom feed</a></p>`,
  };
}
