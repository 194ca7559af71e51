import { Heading, Link, Section, Text } from 'react-email';
import { cls, theme } from '../theme.ts';

export interface MastheadProps {
  newsletterName: string;
  /** Human date of the edition, e.g. "Wednesday, 5 January 2022". */
  dateLabel: string;
  greeting: string;
  /** The edition's page in the web archive ("View in browser"); none when the archive is off. */
  viewInBrowserUrl?: string | undefined;
  /** On the archive's own page: the list of past editions, linked where "View in browser" is. */
  archiveIndexUrl?: string | undefined;
}

/** The newsletter's name, the edition date and the reader's greeting. */
export function Masthead({
  newsletterName,
  dateLabel,
  greeting,
  viewInBrowserUrl,
  archiveIndexUrl,
}: MastheadProps) {
  const top = archiveIndexUrl
    ? { href: archiveIndexUrl, label: '← All past editions' }
    : viewInBrowserUrl
      ? { href: viewInBrowserUrl, label: 'View in browser' }
      : null;
  return (
    <Section style={{ padding: '28px 24px 8px', borderTop: `4px solid ${theme.color.accent}` }}>
      {top ? (
        <Text
          className={cls.muted}
          style={{
            marginTop: 0,
            marginBottom: 8,
            fontSize: 12,
            lineHeight: '18px',
            color: theme.color.muted,
          }}
        >
          <Link href={top.href} style={{ color: theme.color.accent }}>
            {top.label}
          </Link>
        </Text>
      ) : null}
      <Text
        className={cls.muted}
        style={{
          marginTop: 0,
          marginBottom: 0,
          color: theme.color.muted,
          fontSize: 13,
          lineHeight: '18px',
          letterSpacing: 0.4,
        }}
      >
        {dateLabel}
      </Text>
      <Heading
        as="h1"
        style={{
          marginTop: 4,
          marginBottom: 16,
          fontFamily: theme.serif,
          fontSize: 30,
          lineHeight: '36px',
          color: theme.color.text,
        }}
      >
        {newsletterName}
      </Heading>
      <Text
        style={{ marginTop: 0, marginBottom: 8, fontSize: 16, lineHeight: '24px', color: theme.color.text }}
      >
        {greeting}
      </Text>
    </Section>
  );
}
