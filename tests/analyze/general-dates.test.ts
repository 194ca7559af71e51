import { describe, expect, it } from 'vitest';
import { CALENDAR_CONFIDENCE } from '../../src/analyze/event-confidence.ts';
import { analyzeBody } from './analyze-body.ts';

// Date classes that generalise across outlets (issue 13, round two), each in a text of our own writing.

type Row = [string, string | null, string | null];

/** [date, endDate, time] of the events sure enough for the calendar. */
function calendarOf(body: string, published: string): Row[] {
  return analyzeBody(body, published)
    .events.filter((e) => (e.confidence ?? 1) >= CALENDAR_CONFIDENCE)
    .map((e) => [e.date, e.endDate, e.time]);
}

describe('the day as written', () => {
  it('keeps the written day when the time carries a far time zone ("Saturday, March 18, at 10.45am WST")', () => {
    const body = 'The Hawks will play the Lions on Saturday, March 18, at 10.45am WST at Harbour Park.';
    expect(calendarOf(body, '2023-01-10')).toEqual([['2023-03-18', null, '10:45']]);
  });

  it('reads no time in a fiscal year ("Budget 2020-21 on February 1")', () => {
    const body = 'The minister will present the Union Budget 2020-21 on February 1.';
    expect(calendarOf(body, '2020-01-20')).toEqual([['2020-02-01', null, null]]);
  });

  it('reads a four-digit time with its zone ("from 1330 GMT")', () => {
    const body = 'The council will meet on Monday. The committee is scheduled to convene from 1330 GMT.';
    expect(calendarOf(body, '2024-06-05')).toEqual([['2024-06-10', null, '13:30']]);
  });

  it('does not move a day just past to next year ("From Aug. 14, the carrier is offering")', () => {
    const body = 'From Aug. 14, the carrier is offering ten flights a day between the two cities.';
    expect(analyzeBody(body, '2022-08-16').events).toEqual([]);
  });

  it('reads "over the weekend" as no day', () => {
    const body = 'The ministers will meet for talks over the weekend, a spokesman said.';
    expect(calendarOf(body, '2024-06-05')).toEqual([]);
  });
});

describe('ranges as news writes them', () => {
  it('joins "between noon on Thursday, 4 October, and the same time on Saturday, 6 October"', () => {
    const body =
      'Members will walk out for 48 hours between noon on Thursday, 4 October, and the same time on Saturday, 6 October.';
    expect(calendarOf(body, '2007-09-28')).toEqual([['2007-10-04', '2007-10-06', '12:00']]);
  });

  it('joins a start and an end told in one sentence ("will kick off on May 3 ... is scheduled to wrap up on May 20")', () => {
    const body =
      'The tour will be kicking off on May 3 in Leeds and is scheduled to wrap up on May 20 with a show in Bristol.';
    expect(calendarOf(body, '2024-04-01')).toEqual([['2024-05-03', '2024-05-20', null]]);
  });

  it('joins "On June 2, the band will start a tour that is set to run through June 30"', () => {
    const body =
      'On June 2, the band will start a tour in support of the album that is set to run through June 30.';
    expect(calendarOf(body, '2024-04-01')).toEqual([['2024-06-02', '2024-06-30', null]]);
  });

  it('keeps apart an opening and a later offer ("will open on Friday, and ... offered at a discount until Oct. 31")', () => {
    const body =
      'Entries will open on Friday, and the first 500 places would be offered at a discounted price until Oct. 31.';
    const rows = calendarOf(body, '2022-10-10');
    expect(rows[0]).toEqual(['2022-10-14', null, null]);
  });

  it('reads "Saturday and Sunday" and "August 8/9" as two-day spans', () => {
    expect(
      calendarOf('The meeting is scheduled for Saturday and Sunday in the port city.', '2024-06-05'),
    ).toEqual([['2024-06-08', '2024-06-09', null]]);
    expect(calendarOf('The final will take place on the weekend of August 8/9.', '2024-06-05')).toEqual([
      ['2024-08-08', '2024-08-09', null],
    ]);
  });
});
