import { Heading, Link, Section, Text } from 'react-email';
import type { ArticleEvent } from '../../src/models/analysis.ts';
import { formatEventDate, formatEventDetails, googleCalendarUrl, safeHref } from '../format.ts';
import { cls, sectionHeading, theme } from '../theme.ts';

export interface EventListProps {
  events: ArticleEvent[];
  /** Past events: shown as dates of the story, muted, without calendar links. */
  past?: boolean;
  /** Doubtful coming dates: listed as dates mentioned, without calendar links. */
  mentioned?: boolean;
  /** The article's address, carried into the calendar entry. */
  articleUrl: string | null;
  /** Signed single-event .ics addresses, one per event (same order); missing = none. */
  icsLinks?: string[];
}

/** "Upcoming" (with add-to-calendar links), "Dates mentioned" (doubtful) or "Dates in this story" (past). */
export function EventList({
  events,
  past = false,
  mentioned = false,
  articleUrl,
  icsLinks = [],
}: EventListProps) {
  if (events.length === 0) return null;
  const heading = past ? 'Dates in this story (past)' : mentioned ? 'Dates mentioned' : 'Upcoming';
  return (
    <Section
      className={cls.box}
      style={{
        marginTop: 8,
        marginBottom: 12,
        backgroundColor: past || mentioned ? theme.color.pastBg : theme.color.eventBg,
        padding: '10px 14px 4px',
        borderRadius: 6,
      }}
    >
      <Heading as="h3" className={cls.muted} style={{ ...sectionHeading, marginTop: 0 }}>
        {heading}
      </Heading>
      {events.map((event, index) => (
        <EventRow
          key={`${event.date}|${event.title}|${event.location}`}
          event={event}
          past={past}
          linked={!past && !mentioned}
          articleUrl={articleUrl}
          icsLink={icsLinks[index]}
        />
      ))}
    </Section>
  );
}

function EventRow(props: {
  event: ArticleEvent;
  past: boolean;
  /** Calendar links: upcoming events only. */
  linked: boolean;
  articleUrl: string | null;
  icsLink?: string;
}) {
  const { event, past } = props;
  const details = formatEventDetails(event);
  const color = past ? theme.color.muted : theme.color.text;
  return (
    <Text
      className={past ? cls.muted : undefined}
      style={{ marginTop: 0, marginBottom: 10, fontSize: 15, lineHeight: '22px', color }}
    >
      <b>{formatEventDate(event)}</b>
      {past ? ' (past)' : ''}
      <br />
      {event.title}
      {details ? (
        <>
          <br />
          <span className={cls.muted} style={{ color: theme.color.muted, fontSize: 14 }}>
            {details}
          </span>
        </>
      ) : null}
      {props.linked ? <CalendarLinks {...props} /> : null}
    </Text>
  );
}

function CalendarLinks({
  event,
  articleUrl,
  icsLink,
}: {
  event: ArticleEvent;
  articleUrl: string | null;
  icsLink?: string;
}) {
  const link = { color: theme.color.accent };
  const ics = safeHref(icsLink);
  return (
    <>
      <br />
      <span style={{ fontSize: 14 }}>
        {ics ? (
          <>
            <Link href={ics} style={link}>
              Add to calendar
            </Link>
            {' · '}
          </>
        ) : null}
        <Link href={googleCalendarUrl(event, articleUrl)} style={link}>
          {ics ? 'Google Calendar' : 'Add to Google Calendar'}
        </Link>
      </span>
    </>
  );
}
