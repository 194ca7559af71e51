import { Heading, Section, Text } from 'react-email';
import type { ArticleEvent } from '../../src/models/analysis.ts';
import { formatEventDate } from '../format.ts';
import { theme } from '../theme.ts';

export function UpcomingList({ events }: { events: ArticleEvent[] }) {
  if (events.length === 0) return null;
  return (
    <Section
      style={{ marginTop: 8, backgroundColor: theme.color.eventBg, padding: '10px 12px', borderRadius: 6 }}
    >
      <Heading as="h3" style={{ margin: '0 0 6px', fontSize: 15, color: theme.color.muted }}>
        Upcoming
      </Heading>
      {events.map((event) => (
        <Text
          key={`${event.date}|${event.title}`}
          style={{ margin: '0 0 6px', fontSize: 15, lineHeight: '22px' }}
        >
          <strong>{formatEventDate(event)}</strong>
          {` · ${event.title}`}
          {event.location ? ` · ${event.location}` : ''}
          {event.participants.length > 0 ? ` (${event.participants.join(', ')})` : ''}
        </Text>
      ))}
    </Section>
  );
}
