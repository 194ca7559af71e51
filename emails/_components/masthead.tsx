import { Heading, Section, Text } from 'react-email';
import { theme } from '../theme.ts';

export interface MastheadProps {
  newsletterName: string;
  /** Human date of the edition, e.g. "Wednesday, 5 January 2022". */
  dateLabel: string;
  greeting: string;
}

export function Masthead({ newsletterName, dateLabel, greeting }: MastheadProps) {
  return (
    <Section style={{ padding: '24px 24px 8px' }}>
      <Text style={{ margin: 0, color: theme.color.muted, fontSize: 13, letterSpacing: 0.4 }}>
        {dateLabel}
      </Text>
      <Heading
        as="h1"
        style={{ margin: '4px 0 12px', fontFamily: theme.serif, fontSize: 28, lineHeight: '34px' }}
      >
        {newsletterName}
      </Heading>
      <Text style={{ margin: 0, fontSize: 16, lineHeight: '24px' }}>{greeting}</Text>
    </Section>
  );
}
