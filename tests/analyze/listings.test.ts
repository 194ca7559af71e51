import { describe, expect, it } from 'vitest';
import { CALENDAR_CONFIDENCE } from '../../src/analyze/event-confidence.ts';
import { analyzeBody } from './analyze-body.ts';

// Listing layouts of guides and tour pages (issue 13, round two), in texts of our own writing.

/** [date, endDate, location, title] of the events sure enough for the calendar. */
function calendarOf(body: string, published: string) {
  return analyzeBody(body, published)
    .events.filter((e) => (e.confidence ?? 1) >= CALENDAR_CONFIDENCE)
    .map((e) => [e.date, e.endDate, e.location, e.title]);
}

describe('listings', () => {
  it('reads a tour list of numeric days under its heading, one show a line, with its city and venue', () => {
    const body = [
      'The band will tour the country this autumn.',
      'Night Owls Tour Dates:',
      '9/03 Fairview, OH Lantern Hall',
      '9/20 Brookfield, IL Pine Room (acoustic set)',
      '10/02 Ashby, WI The Old Mill - special show w/ guests',
    ].join('\n\n');
    expect(calendarOf(body, '2024-08-17')).toEqual([
      ['2024-09-03', null, 'Fairview, OH Lantern Hall', 'Night Owls Tour, Fairview'],
      ['2024-09-20', null, 'Brookfield, IL Pine Room', 'Night Owls Tour, Brookfield'],
      ['2024-10-02', null, 'Ashby, WI The Old Mill', 'Night Owls Tour, Ashby'],
    ]);
  });

  it('reads numeric days as day first when one cannot be a month ("13/09")', () => {
    const body = ['Autumn dates:', '13/09 Leeds, Corn Hall', '02/10 York, Guild Room'].join('\n\n');
    expect(calendarOf(body, '2024-08-17').map((row) => row[0])).toEqual(['2024-09-13', '2024-10-02']);
  });

  it('reads a guide of When and Where fields, with a range whose first day has no month', () => {
    const body = [
      'Harbour Lights Festival',
      'When: Friday, 13th – Sunday, 22nd September.',
      'Where: Portsea, VIC.',
      'Who: Ten bands and a choir.',
      'Old Town Fair',
      'When: Thursday, 5th – Sunday, 8th September.',
      'Where: Ellis, NSW.',
    ].join('\n\n');
    expect(calendarOf(body, '2024-09-07')).toEqual([
      ['2024-09-13', '2024-09-22', 'Portsea, VIC', 'Harbour Lights Festival'],
    ]);
  });

  it('reads dated lines under "When & Where:" as the item named above them', () => {
    const body = [
      'Vine Days',
      'When & Where:',
      'Saturday, 14th September – Huon Valley, TAS.',
      'Saturday, 5th October – Canberra, ACT.',
    ].join('\n\n');
    expect(calendarOf(body, '2024-09-01')).toEqual([
      ['2024-09-14', null, 'Huon Valley, TAS', 'Vine Days, Huon Valley'],
      ['2024-10-05', null, 'Canberra, ACT', 'Vine Days, Canberra'],
    ]);
  });
});

describe('a fixture list and the prose around it', () => {
  const body = [
    'The opening round has been revealed, with the Hawks hosting the Lions on Friday night.',
    'The Sharks will travel to Dunmore to take on the Eagles in a Saturday afternoon contest.',
    'The Bears will close out the round with a game against the Owls at Kings Oval on Sunday evening, closing out the round.',
    'ROUND 1 FIXTURES',
    'Friday March 3',
    'Hawks v Lions at Harbour Stadium',
    'Saturday March 4',
    'Eagles v Sharks at Dunmore Park',
  ].join('\n\n');

  it('reads the prose weekdays as days of the listed week, not of the coming one', () => {
    const rows = calendarOf(body, '2022-11-08');
    expect(rows.map((r) => r[0])).toEqual(['2023-03-03', '2023-03-04', '2023-03-05']);
  });

  it('takes the ground after "at" in a fixture line as its place, and a prose retelling joins the fixture it names', () => {
    const rows = calendarOf(body, '2022-11-08');
    expect(rows[0]).toEqual(['2023-03-03', null, 'Harbour Stadium', 'Hawks v Lions']);
    expect(rows[1]).toEqual(['2023-03-04', null, 'Dunmore Park', 'Eagles v Sharks']);
  });

  it('names the Sunday game by its two sides, not by the verb "closing out the round"', () => {
    expect(calendarOf(body, '2022-11-08')[2]?.[3]).toBe('Bears v Owls');
  });
});
