import { Link, Section, Text } from 'react-email';
import { cls, theme } from '../theme.ts';

export interface FooterProps {
  newsletterName: string;
  unsubscribeUrl: string;
  postalAddress: string;
  /** Set for the web archive's copy: no unsubscribe link (no reader), a sign-up link instead. */
  subscribeUrl?: string | undefined;
  /** The archive's copy: a link back to the list of past editions, beside "Subscribe". */
  archiveIndexUrl?: string | undefined;
}

/** Why the reader gets this, the one-click unsubscribe link, the sender's postal address. */
export function Footer({
  newsletterName,
  unsubscribeUrl,
  postalAddress,
  subscribeUrl,
  archiveIndexUrl,
}: FooterProps) {
  const small = { marginTop: 0, marginBottom: 6, fontSize: 13, lineHeight: '20px', color: theme.color.muted };
  if (subscribeUrl) {
    return (
      <Section style={{ padding: '16px 24px 24px', borderTop: `1px solid ${theme.color.rule}` }}>
        <Text className={cls.muted} style={small}>
          An edition of {newsletterName}, as it was sent.{' '}
          <Link href={subscribeUrl} style={{ color: theme.color.accent }}>
            Subscribe
          </Link>{' '}
          to get the next ones by email.
          {archiveIndexUrl ? (
            <>
              {' '}
              <Link href={archiveIndexUrl} style={{ color: theme.color.accent }}>
                All past editions
              </Link>
              .
            </>
          ) : null}
        </Text>
        <Text className={cls.muted} style={small}>
          {postalAddress}
        </Text>
      </Section>
    );
  }
  return (
    <Section style={{ padding: '16px 24px 24px', borderTop: `1px solid ${theme.color.rule}` }}>
      <Text className={cls.muted} style={small}>
        You receive {newsletterName} because you subscribed to it.
      </Text>
      <Text className={cls.muted} style={small}>
        <Link href={unsubscribeUrl} style={{ color: theme.color.accent }}>
          Unsubscribe
        </Link>{' '}
        with one click, any time.
      </Text>
      <Text className={cls.muted} style={small}>
        {postalAddress}
      </Text>
    </Section>
  );
}
