import type { Edition } from '../src/models/edition.ts';
import { ArticleSection } from './_components/article-section.tsx';
import { Contents } from './_components/contents.tsx';
import { Footer } from './_components/footer.tsx';
import { EmailFrame } from './_components/frame.tsx';
import { Masthead } from './_components/masthead.tsx';
import previewProps from './_preview-props.json' with { type: 'json' };
import { formatLongDate } from './format.ts';

/** Everything the digest shows. Every prop has a default: `email export` renders with `{}`. */
export interface DigestEmailProps {
  edition?: Edition;
  /** The message's subject, also the document's <title>. */
  subject?: string;
  /** Per-recipient greeting ("Hi Ana,"), from templates/greeting.hbs. */
  greeting?: string;
  /** Per-recipient signed unsubscribe address. */
  unsubscribeUrl?: string;
  postalAddress?: string;
  /** Signed single-event .ics addresses: [item index][upcoming event index]. */
  calendarLinks?: string[][];
  /** The edition's archive page, linked as "View in browser"; none when the archive is off. */
  viewInBrowserUrl?: string;
  /** Set when rendering the archive's copy: the footer links to sign-up, not to unsubscribe. */
  subscribeUrl?: string;
  /** The archive's copy: where the list of past editions is (linked at the top and the bottom). */
  archiveIndexUrl?: string;
}

const EMPTY_EDITION: Edition = {
  id: 'empty',
  date: '1970-01-01',
  composedAt: '1970-01-01T00:00:00.000Z',
  newsletterName: 'The Article Digest',
  items: [],
};

export function DigestEmail({
  edition = EMPTY_EDITION,
  subject = edition.newsletterName,
  greeting = 'Hello,',
  unsubscribeUrl = 'https://example.org/unsubscribe',
  postalAddress = 'The Article Digest, 1 Example Street, 10115 Berlin, Germany',
  calendarLinks = [],
  viewInBrowserUrl,
  subscribeUrl,
  archiveIndexUrl,
}: DigestEmailProps) {
  return (
    <EmailFrame title={subject} preheader={preheaderOf(edition)}>
      <Masthead
        newsletterName={edition.newsletterName}
        dateLabel={formatLongDate(edition.date)}
        greeting={greeting}
        viewInBrowserUrl={viewInBrowserUrl}
        archiveIndexUrl={archiveIndexUrl}
      />
      {edition.items.length > 1 ? <Contents items={edition.items} /> : null}
      {edition.items.map((item, index) => (
        <ArticleSection
          key={item.articleId}
          item={item}
          editionDate={edition.date}
          anchor={`article-${index + 1}`}
          icsLinks={calendarLinks[index] ?? []}
          separated={index > 0 || edition.items.length > 1}
        />
      ))}
      <Footer
        newsletterName={edition.newsletterName}
        unsubscribeUrl={unsubscribeUrl}
        postalAddress={postalAddress}
        subscribeUrl={subscribeUrl}
        archiveIndexUrl={archiveIndexUrl}
      />
    </EmailFrame>
  );
}

/** The inbox preview line: the first article's first summary sentence, or its title. */
function preheaderOf(edition: Edition): string {
  const first = edition.items[0]?.analysis;
  if (!first) return `${edition.newsletterName}: nothing new today`;
  const more = edition.items.length > 1 ? ` (+${edition.items.length - 1} more)` : '';
  return `${first.summary[0] ?? first.title}${more}`;
}

DigestEmail.PreviewProps = previewProps as DigestEmailProps satisfies DigestEmailProps;

export default DigestEmail;
