import { Heading, Hr, Link, Section, Text } from 'react-email';
import type { EditionItem } from '../../src/models/edition.ts';
import { safeHref } from '../format.ts';
import { theme } from '../theme.ts';
import { QuoteList } from './quote-list.tsx';
import { UpcomingList } from './upcoming-list.tsx';

export interface ArticleSectionProps {
  item: EditionItem;
  anchor: string;
}

export function ArticleSection({ item, anchor }: ArticleSectionProps) {
  const { analysis } = item;
  const href = safeHref(item.url);
  const headingStyle = { margin: '0 0 8px', fontFamily: theme.serif, fontSize: 22, lineHeight: '28px' };
  return (
    <Section id={anchor} style={{ padding: '8px 24px 16px' }}>
      <Hr style={{ borderColor: theme.color.rule, margin: '8px 0 16px' }} />
      <Heading as="h2" style={headingStyle}>
        {href ? (
          <Link href={href} style={{ color: theme.color.text, textDecoration: 'none' }}>
            {analysis.title}
          </Link>
        ) : (
          analysis.title
        )}
      </Heading>
      {analysis.summary.map((sentence) => (
        <Text key={sentence} style={{ margin: '0 0 10px', fontSize: 16, lineHeight: '24px' }}>
          {sentence}
        </Text>
      ))}
      <QuoteList quotes={analysis.quotes} />
      <UpcomingList events={item.upcoming} />
      <ReadMore links={analysis.links} />
    </Section>
  );
}

function ReadMore({ links }: { links: EditionItem['analysis']['links'] }) {
  if (links.length === 0) return null;
  return (
    <Section style={{ marginTop: 12 }}>
      <Heading as="h3" style={{ margin: '0 0 6px', fontSize: 15, color: theme.color.muted }}>
        Read more
      </Heading>
      {links.map((link) => (
        <Text
          key={`${link.title}|${link.url}`}
          style={{ margin: '0 0 4px', fontSize: 15, lineHeight: '22px' }}
        >
          {safeHref(link.url) ? (
            <Link href={safeHref(link.url) ?? undefined} style={{ color: theme.color.accent }}>
              {link.title}
            </Link>
          ) : (
            link.title
          )}
        </Text>
      ))}
    </Section>
  );
}
