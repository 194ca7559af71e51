import { Heading, Text } from 'react-email';
import type { Quote } from '../../src/models/analysis.ts';
import { cls, sectionHeading, theme } from '../theme.ts';

/** The article's key quotes, each with who said it and in what role. */
export function QuoteList({ quotes }: { quotes: Quote[] }) {
  if (quotes.length === 0) return null;
  return (
    <>
      <Heading as="h3" className={cls.muted} style={sectionHeading}>
        Key quotes
      </Heading>
      {quotes.map((quote) => (
        // One paragraph per quote (not a table each): a long edition stays under Gmail's 102 KB.
        <Text key={`${quote.text}|${quote.speaker}`} style={quoteStyle}>
          <i style={{ fontFamily: theme.serif }}>“{quote.text}”</i>
          {quote.speaker ? (
            <>
              <br />
              <span className={cls.muted} style={{ fontSize: 14, color: theme.color.muted }}>
                — <b>{quote.speaker}</b>
                {quote.role ? `, ${quote.role}` : ''}
              </span>
            </>
          ) : null}
        </Text>
      ))}
    </>
  );
}

const quoteStyle = {
  marginTop: 0,
  marginBottom: 12,
  borderLeft: `3px solid ${theme.color.quoteBar}`,
  paddingLeft: 12,
  fontSize: 16,
  lineHeight: '24px',
  color: theme.color.text,
};
