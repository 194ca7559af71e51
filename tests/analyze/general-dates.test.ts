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

describe('dates that announce nothing', () => {
  it('reads no event in stamps: a time glued to its day, an hours stamp, a byline day, a post day', () => {
    const body = [
      '09 Dec 2024 03:10PM',
      'June 9, 2024 Ana Ruiz - The Daily Paper Be the first to comment',
      'The council will vote on June 20.',
      'Congress (@partyhandle) June 9, 2024',
      'BDST: 2006 HRS, JUN 9, 2024',
    ].join('\n\n');
    expect(calendarOf(body, '2024-06-09')).toEqual([['2024-06-20', null, null]]);
  });

  it('reads no day in "on a Sunday", "every Friday" or a weekly timetable ("on Sunday, Monday, Tuesday")', () => {
    const body = [
      'Last season the derby was also played on a Sunday.',
      'The market opens every Friday.',
      'The carrier will offer 20 flights per day on Sunday, Monday, Tuesday and Wednesday.',
    ].join('\n\n');
    expect(calendarOf(body, '2024-06-05')).toEqual([]);
  });

  it('reads no event in a plan the sentence defers ("is deferring its results, scheduled for May 23")', () => {
    const body = 'The brewer is deferring its annual results announcement, scheduled for May 23, it said.';
    expect(analyzeBody(body, '2024-05-10').events).toEqual([]);
  });

  it('reads a past verb right before a weekday as the past ("services that began Tuesday")', () => {
    const body =
      'The strike will follow six days of pickets and a withdrawal of services that began Tuesday.';
    expect(analyzeBody(body, '2019-11-28').events).toEqual([]);
  });

  it('still reads a passive plan as coming ("the summit, which is also due to be held today")', () => {
    const body = 'The leaders will attend the summit, which is also due to be held today in the capital.';
    expect(calendarOf(body, '2017-09-04')).toEqual([['2017-09-04', null, null]]);
  });
});

describe('how sure a date is', () => {
  it('reads "is to start on April 26, covering two days" and "from 8 p.m. Wednesday night until Friday" as spans', () => {
    expect(
      calendarOf('Voting in the second stage is to start on April 26, covering two days.', '2015-01-09'),
    ).toEqual([['2015-04-26', '2015-04-27', null]]);
    const body = 'Workers will strike starting at 8 p.m. Wednesday night until Friday at 8 a.m.';
    expect(calendarOf(body, '2009-01-26')).toEqual([['2009-01-28', '2009-01-30', '20:00']]);
  });

  it('leaves out of the calendar both days offered as alternatives ("on Saturday or early Sunday")', () => {
    const body = 'Election results will be announced on Saturday or early Sunday, the ministry said.';
    expect(calendarOf(body, '2016-04-29')).toEqual([]);
  });

  it("leaves out a weekday told without a word of what is to come, but keeps a fixture's present", () => {
    expect(
      calendarOf('Former president Ana Ruiz casts her vote Wednesday in the capital.', '2024-06-05'),
    ).toEqual([]);
    expect(
      calendarOf('Kingsport and Millbrook meet in the second semi-final on Sunday.', '2024-06-05'),
    ).toEqual([['2024-06-09', null, null]]);
  });

  it('keeps a day inside a range apart when it names no event of its own ("the largest will take place ...")', () => {
    const body = [
      'A 36-hour strike is planned from 8 p.m. on Wednesday.',
      'The union said the largest will take place in Paris on Thursday afternoon.',
    ].join('\n\n');
    expect(calendarOf(body, '2009-01-26').map((r) => r[0])).toEqual(['2009-01-28', '2009-01-29']);
  });
});

describe('named days and hedges', () => {
  it('reads no date in a named day ("also known as Black Friday", "Super Tuesday")', () => {
    const body =
      'The union plans to strike on Nov. 25, also known as Black Friday, and again after Super Tuesday.';
    expect(calendarOf(body, '2022-11-01')).toEqual([['2022-11-25', null, null]]);
  });

  it('does not let a relative clause after the date hedge the event ("on November 30, which could involve millions")', () => {
    const body =
      'The union will call a strike on the day of action on November 30, which could involve millions of workers.';
    expect(calendarOf(body, '2011-10-20')).toEqual([['2011-11-30', null, null]]);
  });
});

describe('conditions and wrapped dates', () => {
  it('reads a condition with "not" as a deadline, not a denial ("should a deal not be struck by Friday")', () => {
    const body = 'The union said escalation will occur should a deal not be struck by Friday.';
    expect(calendarOf(body, '2019-09-28')).toEqual([['2019-10-04', null, null]]);
  });

  it('keeps a date wrapped onto a line of its own after "on" in a text without blank lines', () => {
    const body = [
      'The judges are also expected to issue final directions to parties ahead of the scheduled hearing on',
      'October 24.',
      'The parties had been given more time to amend their pleadings.',
    ].join('\n');
    expect(calendarOf(body, '2025-10-07')).toEqual([['2025-10-24', null, null]]);
  });
});

describe('tense around a weekday', () => {
  it('reads a weekday after an infinitive as coming, whatever the verb of saying ("said ... the right to vote in Tuesday\'s election")', () => {
    const body =
      "Hara said this gives members a chance to exercise their right to vote in Tuesday's fresh presidential election.";
    expect(calendarOf(body, '2020-06-21')).toEqual([['2020-06-23', null, null]]);
  });
});
