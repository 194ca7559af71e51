import { escapeHtml } from '../../render/personalize.ts';

/** One entry of the archive's feed. */
export interface ArchiveEntry {
  id: string;
  subject: string;
  /** ISO time it was sent (created). */
  sentAt: string;
  /** The first summary sentence: the entry's summary. */
  summary: string;
}

/** What the feed says about itself. */
export interface AtomFeedOptions {
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  newsletterName: string;
}

/**
 * The archive as an Atom 1.0 feed (RFC 4287): newest first, one entry per sent edition linking
 * to its archive page. Ids are the pages' addresses, which never change.
 */
export function renderAtomFeed(entries: readonly ArchiveEntry[], options: AtomFeedOptions): string {
  const x = escapeHtml;
  const archive = `${options.publicUrl}/archive`;
  const updated = entries[0]?.sentAt ?? new Date(0).toISOString();
  const items = entries
    .map((entry) => {
      const url = `${archive}/${encodeURIComponent(entry.id)}`;
      return `<entry><id>${x(url)}</id><title>${x(entry.subject)}</title><updated>${x(entry.sentAt)}</updated><link rel="alternate" type="text/html" href="${x(url)}"/><summary>${x(entry.summary)}</summary></entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>${x(archive)}/feed.xml</id><title>${x(options.newsletterName)}</title><updated>${x(updated)}</updated><author><name>${x(options.newsletterName)}</name></author><link rel="self" type="application/atom+xml" href="${x(archive)}/feed.xml"/><link rel="alternate" type="text/html" href="${x(archive)}"/>
${items}
</feed>
`;
}
