import { Heading, Hr, Link, Section, Text } from 'react-email';
import type { ArticleLink } from '../../src/models/article.ts';
import type { EditionItem } from '../../src/models/edition.ts';
import { pastEvents, readMoreLinks, safeHref } from '../format.ts';
import { cls, sectionHeading, theme } from '../theme.ts';
import { EventList } from './event-list.tsx';
import { QuoteList } from './quote-list.tsx';

export interface ArticleSectionProps {
  item: EditionItem;
  /** The edition's date (YYYY-MM-DD): events before it are shown as past. */
  editionDate: string;
  /** id of the section, the target of the table of contents. */
  anchor: string;
  /** Signed .ics addresses of the item's upcoming events, in order. */
  icsLinks?: string[];
  /** Draw a rule above: every article but the first. */
  separated?: boolean;
}

/** One article: headline, summary, quotes, its dates (upcoming, mentioned and past), read-more links. */
export function ArticleSection({
  item,
  editionDate,
  anchor,
  icsLinks,
  separated = true,
}: ArticleSectionProps) {
  const { analysis } = item;
  const href = safeHref(item.url);
  return (
    <Section id={anchor} style={{ padding: '4px 24px 12px' }}>
      {separated ? <Hr style={{ borderColor: theme.color.rule, marginTop: 4, marginBottom: 20 }} /> : null}
      <Heading as="h2" style={headlineStyle}>
        {href ? (
          <Link href={href} style={{ color: theme.color.text, textDecoration: 'underline' }}>
            {analysis.title}
          </Link>
        ) : (
          analysis.title
        )}
      </Heading>
      {analysis.summary.map((sentence) => (
        <Text key={sentence} style={paragraphStyle}>
          {sentence}
        </Text>
      ))}
      <QuoteList quotes={analysis.quotes} />
      <EventList events={item.upcoming} articleUrl={item.url} icsLinks={icsLinks ?? []} />
      <EventList events={item.mentioned ?? []} articleUrl={item.url} mentioned />
      <EventList events={pastEvents(item, editionDate)} articleUrl={item.url} past />
      <ReadMore links={readMoreLinks(item)} />
    </Section>
  );
}

const headlineStyle = {
  marginTop: 0,
  marginBottom: 12,
  fontFamily: theme.serif,
  fontSize: 22,
  lineHeight: '28px',
  color: theme.color.text,
};
const paragraphStyle = {
  marginTop: 0,
  marginBottom: 12,
  fontSize: 16,
  lineHeight: '24px',
  color: theme.color.text,
};

/** Other articles to read: the article itself is the headline's link. */
function ReadMore({ links }: { links: ArticleLink[] }) {
  if (links.length === 0) return null;
  const linkStyle = { color: theme.color.accent };
  return (
    <>
      <Heading as="h3" className={cls.muted} style={sectionHeading}>
        Read more
      </Heading>
      {links.map((link) => {
        const url = safeHref(link.url);
        return (
          <Text key={`${link.title}|${link.url}`} style={itemStyle}>
            {'→ '}
            {url ? (
              <Link href={url} style={linkStyle}>
                {link.title}
              </Link>
            ) : (
              link.title
            )}
          </Text>
        );
      })}
    </>
  );
}

const itemStyle = {
  marginTop: 0,
  marginBottom: 6,
  fontSize: 15,
  lineHeight: '22px',
  color: theme.color.text,
};
