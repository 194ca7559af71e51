import { Heading, Section, Text } from 'react-email';
import type { Quote } from '../../src/models/analysis.ts';
import { theme } from '../theme.ts';

export function QuoteList({ quotes }: { quotes: Quote[] }) {
  if (quotes.length === 0) return null;
  return (
    <Section style={{ marginTop: 8 }}>
      <Heading as="h3" style={{ margin: '0 0 6px', fontSize: 15, color: theme.color.muted }}>
        Key quotes
      </Heading>
      {quotes.map((quote) => (
        <Section
          key={quote.text}
          style={{
            borderLeft: `3px solid ${theme.color.quoteBar}`,
            padding: '2px 0 2px 12px',
            margin: '0 0 10px',
          }}
        >
          <Text
            style={{
              margin: 0,
              fontFamily: theme.serif,
              fontSize: 16,
              lineHeight: '24px',
              fontStyle: 'italic',
            }}
          >
            “{quote.text}”
          </Text>
          {quote.speaker ? (
            <Text style={{ margin: '2px 0 0', fontSize: 14, color: theme.color.muted }}>
              — {quote.speaker}
              {quote.role ? `, ${quote.role}` : ''}
            </Text>
          ) : null}
        </Section>
      ))}
    </Section>
  );
}
