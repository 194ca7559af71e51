import { Body, Container, Head, Html, Link, Preview, Section, Text } from 'react-email';
import type { Edition } from '../src/models/edition.ts';
import { ArticleSection } from './_components/article-section.tsx';
import { Footer } from './_components/footer.tsx';
import { Masthead } from './_components/masthead.tsx';
import previewProps from './_preview-props.json' with { type: 'json' };
import { formatLongDate } from './format.ts';
import { theme } from './theme.ts';

export interface DigestEmailProps {
  edition?: Edition;
  /** Per-recipient greeting ("Hi Ana,"), from templates/greeting.hbs. */
  greeting?: string;
  /** Per-recipient signed unsubscribe address. */
  unsubscribeUrl?: string;
  postalAddress?: string;
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
  greeting = 'Hello,',
  unsubscribeUrl = 'https://example.org/unsubscribe',
  postalAddress = 'The Article Digest, 1 Example Street, 10115 Berlin, Germany',
}: DigestEmailProps) {
  const first = edition.items[0]?.analysis;
  const preheader = first
    ? (first.summary[0] ?? first.title)
    : `${edition.newsletterName}: nothing new today`;
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
      </Head>
      <Preview>{preheader}</Preview>
      <Body
        style={{
          backgroundColor: theme.color.page,
          margin: 0,
          fontFamily: theme.font,
          color: theme.color.text,
        }}
      >
        <Container style={{ maxWidth: theme.width, width: '100%', backgroundColor: theme.color.card }}>
          <Masthead
            newsletterName={edition.newsletterName}
            dateLabel={formatLongDate(edition.date)}
            greeting={greeting}
          />
          {edition.items.length > 1 ? <Contents edition={edition} /> : null}
          {edition.items.map((item, index) => (
            <ArticleSection key={item.articleId} item={item} anchor={`article-${index + 1}`} />
          ))}
          <Footer
            newsletterName={edition.newsletterName}
            unsubscribeUrl={unsubscribeUrl}
            postalAddress={postalAddress}
          />
        </Container>
      </Body>
    </Html>
  );
}

function Contents({ edition }: { edition: Edition }) {
  return (
    <Section style={{ padding: '0 24px 8px' }}>
      <Text style={{ margin: '0 0 4px', fontSize: 14, color: theme.color.muted }}>In this issue</Text>
      {edition.items.map((item, index) => (
        <Text key={item.articleId} style={{ margin: '0 0 2px', fontSize: 15 }}>
          <Link href={`#article-${index + 1}`} style={{ color: theme.color.accent }}>
            {item.analysis.title}
          </Link>
        </Text>
      ))}
    </Section>
  );
}

DigestEmail.PreviewProps = previewProps as DigestEmailProps satisfies DigestEmailProps;

export default DigestEmail;
