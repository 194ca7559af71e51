import { Link, Section, Text } from 'react-email';
import { theme } from '../theme.ts';

export interface FooterProps {
  newsletterName: string;
  unsubscribeUrl: string;
  postalAddress: string;
}

export function Footer({ newsletterName, unsubscribeUrl, postalAddress }: FooterProps) {
  const small = { margin: '0 0 6px', fontSize: 13, lineHeight: '20px', color: theme.color.muted };
  return (
    <Section style={{ padding: '16px 24px 24px', borderTop: `1px solid ${theme.color.rule}` }}>
      <Text style={small}>You receive {newsletterName} because you subscribed to it.</Text>
      <Text style={small}>
        <Link href={unsubscribeUrl} style={{ color: theme.color.accent }}>
          Unsubscribe
        </Link>{' '}
        with one click, any time.
      </Text>
      <Text style={small}>{postalAddress}</Text>
    </Section>
  );
}
