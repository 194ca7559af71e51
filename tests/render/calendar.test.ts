import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventUid, renderCalendar, renderEventCalendar } from '../../src/render/calendar.ts';
import { signCalendarLink, verifyCalendarLink } from '../../src/render/calendar-link.ts';
import { analysis, editionOf, event } from './fixtures.ts';

function parseEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)),
  };
}

const EVENTS = [
  event({
    title: 'Bilateral talks',
    date: '2022-01-10',
    location: 'Geneva',
    participants: ['Wendy Sherman'],
  }),
  event({ title: 'Council session', date: '2022-01-12', time: '14:30', location: 'Brussels' }),
  event({ title: 'Summit', date: '2022-01-20', endDate: '2022-01-21', location: null }),
  event({ title: 'Old meeting', date: '2022-01-02' }),
];

describe('the edition calendar', () => {
  it('is valid iCalendar with every upcoming event: all-day without a time, with place', () => {
    const ics = renderCalendar(editionOf([analysis('T', { events: EVENTS })])) ?? '';
    expect(ics).toMatch(/\r\n/);
    const { calendar, events } = parseEvents(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events.map((e) => e.summary)).toEqual(['Bilateral talks', 'Council session', 'Summit']);
    const [talks, session, summit] = events;
    expect(talks?.startDate.isDate).toBe(true);
    expect(talks?.startDate.toString()).toBe('2022-01-10');
    expect(talks?.endDate.toString()).toBe('2022-01-11');
    expect(talks?.location).toBe('Geneva');
    expect(talks?.description).toBe('With Wendy Sherman');
    expect(session?.startDate.isDate).toBe(false);
    expect(session?.startDate.toString()).toBe('2022-01-12T14:30:00');
    expect(session?.duration.toSeconds()).toBe(3600);
    expect(summit?.startDate.toString()).toBe('2022-01-20');
    expect(summit?.endDate.toString()).toBe('2022-01-22');
    for (const e of events) expect(e.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
  });

  it('gives the same event the same UID in two editions, so a calendar updates it', () => {
    const first = renderCalendar(editionOf([analysis('First story', { events: [EVENTS[0] ?? event()] })]));
    const second = renderCalendar(
      editionOf(
        [analysis('Other story', { events: [EVENTS[0] ?? event(), EVENTS[1] ?? event()] })],
        new Date('2022-01-08T08:00:00Z'),
      ),
    );
    const uidsOf = (ics: string | null) => parseEvents(ics ?? '').events.map((e) => e.uid);
    expect(uidsOf(second)).toContain(uidsOf(first)[0]);
    expect(new Set(uidsOf(second)).size).toBe(2);
  });

  it('lists an event once when two articles announce it', () => {
    const shared = EVENTS[0] ?? event();
    const ics = renderCalendar(
      editionOf([analysis('A', { events: [shared] }), analysis('B', { events: [shared] })]),
    );
    expect(parseEvents(ics ?? '').events).toHaveLength(1);
  });

  it('is absent when the edition has no upcoming event', () => {
    expect(renderCalendar(editionOf([analysis('T', { events: [EVENTS[3] ?? event()] })]))).toBeNull();
  });

  it('escapes commas, semicolons and line breaks in event text', () => {
    const tricky = event({ title: 'Talks; round 2, part\nthree', location: 'Room A, B; C' });
    const { events } = parseEvents(renderEventCalendar(tricky, null, 'Daily'));
    expect(events[0]?.summary).toBe('Talks; round 2, part\nthree');
    expect(events[0]?.location).toBe('Room A, B; C');
  });
});

describe('add-to-calendar links', () => {
  const options = { baseUrl: 'https://digest.example.org', secret: 'secret-0123456789abcdef' };
  const linked = { event: EVENTS[1] ?? event(), articleUrl: 'https://news.example.org/a' };

  function partsOf(link: string) {
    const url = new URL(link);
    const name = /\/calendar\/([0-9a-f]+)\.ics$/.exec(url.pathname)?.[1] ?? '';
    return { name, e: url.searchParams.get('e') ?? '', s: url.searchParams.get('s') ?? '' };
  }

  it('carry the event and verify with the same secret, named by the event UID', () => {
    const { name, e, s } = partsOf(signCalendarLink(linked, options));
    expect(`${name}@article-digest`).toBe(eventUid(linked.event));
    expect(verifyCalendarLink(name, e, s, options.secret)).toEqual(linked);
  });

  it('are rejected when the event, the name or the signature was changed, or another secret signs', () => {
    const { name, e, s } = partsOf(signCalendarLink(linked, options));
    const other = partsOf(
      signCalendarLink({ ...linked, event: { ...linked.event, title: 'Forged' } }, options),
    );
    const forgedPayload = Buffer.from(
      JSON.stringify(['Forged', '2022-01-12', null, null, null, [], null]),
    ).toString('base64url');
    expect(verifyCalendarLink(name, forgedPayload, s, options.secret)).toBeNull();
    expect(verifyCalendarLink(name, e, `${s.slice(0, -1)}A`, options.secret)).toBeNull();
    expect(verifyCalendarLink(other.name, e, s, options.secret)).toBeNull();
    expect(verifyCalendarLink(name, e, s, 'another-secret-0123456789')).toBeNull();
    expect(verifyCalendarLink(name, '', '', options.secret)).toBeNull();
    expect(verifyCalendarLink(name, 'x'.repeat(5000), s, options.secret)).toBeNull();
  });
});
