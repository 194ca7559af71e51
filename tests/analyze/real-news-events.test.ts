import { describe, expect, it } from 'vitest';
import { CALENDAR_CONFIDENCE } from '../../src/analyze/event-confidence.ts';
import { analyzeBody } from './analyze-body.ts';

// Failure classes found on real news (issue 13), each in a text of our own writing.

type Row = [string, string | null, string | null];

/** [date, endDate, location] of the events sure enough for the calendar. */
function calendarOf(body: string, published = '2024-03-04'): Row[] {
  return analyzeBody(body, published)
    .events.filter((e) => (e.confidence ?? 1) >= CALENDAR_CONFIDENCE)
    .map((e) => [e.date, e.endDate, e.location]);
}

function titlesOf(body: string, published = '2024-03-04'): string[] {
  return analyzeBody(body, published).events.map((e) => e.title);
}

describe('page furniture is no event', () => {
  it('reads no event in a wire dateline, a page date, a byline stamp or a closing dateline', () => {
    const body = [
      'date 2024-03-04 BERLIN, March 4 (Reuters) - The union said talks had ended without a deal.',
      'October 2, 2023|By Ana Ruiz, The Daily Paper',
      'Published: Mar 4, 2024, 12:44 PM (IST)',
      'The strike will begin on March 11.',
      'MADRID, March 4 (EFE)',
    ].join('\n\n');
    expect(calendarOf(body)).toEqual([['2024-03-11', null, null]]);
    expect(analyzeBody(body, '2024-03-04').summary.join(' ')).not.toMatch(/BERLIN|Reuters|date 2024/);
  });
});

describe('dates as real news writes them', () => {
  it('reads a weekday on the publication day as that day ("on Sunday afternoon" in a Sunday story)', () => {
    expect(calendarOf('The board will meet on Sunday afternoon to approve the plan.', '2024-03-03')).toEqual([
      ['2024-03-03', null, null],
    ]);
  });

  it('reads ranges: "between March 12 and March 19", "May 27 to June 3", "Oct 30-Nov 8"', () => {
    expect(calendarOf('The festival will be held between March 12 and March 19 in Lyon.')).toEqual([
      ['2024-03-12', '2024-03-19', 'Lyon'],
    ]);
    expect(calendarOf('The exhibition runs May 27 to June 3 at the Dock Hall in Bergen.')).toEqual([
      ['2024-05-27', '2024-06-03', 'Dock Hall, Bergen'],
    ]);
    expect(calendarOf('The fair will take place Oct 30-Nov 8 in Turin.')).toEqual([
      ['2024-10-30', '2024-11-08', 'Turin'],
    ]);
  });

  it('reads a stated length as a range ("a 48-hour strike from 9pm on May 6")', () => {
    const [strike] = analyzeBody(
      'Drivers will stage a 48-hour strike from 9pm on May 6.',
      '2024-03-04',
    ).events;
    expect(strike).toMatchObject({ date: '2024-05-06', endDate: '2024-05-08', time: '21:00' });
  });

  it('reads a list as one event per date ("on June 4, 9 and 21 and July 2", "Nov 5 and 12")', () => {
    expect(calendarOf('Voting will be held on June 4, 9 and 21 and July 2.').map((r) => r[0])).toEqual([
      '2024-06-04',
      '2024-06-09',
      '2024-06-21',
      '2024-07-02',
    ]);
    expect(calendarOf('The hearings will take place on Nov 5 and 12.').map((r) => r[0])).toEqual([
      '2024-11-05',
      '2024-11-12',
    ]);
  });

  it('reads two days joined by "and" as a range, and a year after a list as every day\'s', () => {
    expect(calendarOf('The leaders will meet on November 21 and 22, 2025 in Riyadh.')).toEqual([
      ['2025-11-21', '2025-11-22', 'Riyadh'],
    ]);
  });

  it('reads no event in a plan that no longer stands or in a denial', () => {
    const body =
      'The minister was to complete a tour of the line tomorrow, but it was put off. The judge said he will not pass sentence on Tuesday.';
    expect(calendarOf(body)).toEqual([]);
  });

  it("joins a wire story's hard-wrapped lines and skips the editor's note above it", () => {
    const body = [
      '(Repeats to attach to alerts with no changes to text)',
      "MUMBAI, March 4 India's central bank said on",
      'Monday a newly appointed committee to set interest rates will',
      'meet from March 11 to 12, and the decision will be published at noon.',
    ].join('\n');
    const analysis = analyzeBody(body, '2024-03-04');
    expect(calendarOf(body)).toEqual([['2024-03-11', '2024-03-12', null]]);
    expect(analysis.summary[0]).toMatch(/^India's central bank said on Monday a newly appointed committee/);
  });

  it('takes a year written in the paragraph for a list of dates ("The meeting dates for 2025 are ...")', () => {
    expect(calendarOf('The meeting dates for 2025 are Feb. 5-6 and March 18-19, the bank said.')).toEqual([
      ['2025-02-05', '2025-02-06', null],
      ['2025-03-18', '2025-03-19', null],
    ]);
  });

  it('keeps the time written first, not its conversion in brackets', () => {
    const [launch] = analyzeBody(
      'The launch is targeted at 3:27 am (07:27 GMT) Saturday, March 9.',
      '2024-03-04',
    ).events;
    expect(launch).toMatchObject({ date: '2024-03-09', time: '03:27' });
  });

  it('reads a past-tense report of a coming deadline, but not a past or cancelled event', () => {
    const body =
      'The last date for appeals was set as March 20. The council met on March 1. The union has called off its strike planned for March 12.';
    expect(analyzeBody(body, '2024-03-04').events.map((e) => [e.date, e.title])).toEqual([
      ['2024-03-20', 'Last date for appeals'],
    ]);
  });

  it('reads a date in a spokesman\'s statement, but not "tomorrow" in someone\'s speech', () => {
    const body =
      'The agency said: "The launch is now targeted for March 9 from the northern pad."\n\n"I would do it all again tomorrow," the pilot said.';
    expect(calendarOf(body).map((r) => r[0])).toEqual(['2024-03-09']);
  });
});

describe('titles and places', () => {
  it('titles an event by its noun phrase, not by a fragment of the sentence', () => {
    expect(
      titlesOf(
        'Counting of votes will be held on May 23. May will hold a meeting of her cabinet on Wednesday afternoon. The board will meet on March 20.',
      ),
    ).toEqual(['Meeting of her cabinet', 'Board meeting', 'Counting of votes']);
  });

  it('tells two events of one day apart when each names its own', () => {
    expect(
      titlesOf('The summit will open on May 27, and the royal banquet on May 27 will close the first day.'),
    ).toEqual(['Summit', 'Royal banquet']);
  });

  it('places an event at its venue and city, on its route, or on its schedule line', () => {
    expect(calendarOf('The final will be played at Eden Park in Auckland on March 16.')).toEqual([
      ['2024-03-16', null, 'Eden Park, Auckland'],
    ]);
    expect(calendarOf('The Lyon to Porto service is due to open on April 2.')).toEqual([
      ['2024-04-02', null, 'Lyon to Porto'],
    ]);
    expect(calendarOf('Schedule:\n\nFirst Test, Harbour Oval, May 17-20, 2024')).toEqual([
      ['2024-05-17', '2024-05-20', 'Harbour Oval'],
    ]);
  });
});

describe('schedules', () => {
  it('reads fixtures under a date heading, with their time and place', () => {
    const body = [
      'The federation confirmed the fixtures for the cup on Monday.',
      'Saturday, March 16',
      'Lions v Falcons, Eden Park, Auckland - 17:05',
      'Sharks v Eagles, Kings Park, Durban - 19:30',
    ].join('\n\n');
    expect(analyzeBody(body, '2024-03-04').events.map((e) => [e.date, e.time, e.title, e.location])).toEqual([
      ['2024-03-16', '17:05', 'Lions v Falcons', 'Eden Park, Auckland'],
      ['2024-03-16', '19:30', 'Sharks v Eagles', 'Kings Park, Durban'],
    ]);
  });

  it("reads a financial calendar of labels over dates, but not the page's own date line", () => {
    const body = [
      'North Harbour Bank Ltd',
      'Monday, 4 March 2024',
      '2024 FINANCIAL CALENDAR',
      'Half Year Results Announcement',
      'Thursday, 2 May 2024',
      'Annual General Meeting',
      'Friday, 13 December 2024',
    ].join('\n\n');
    expect(analyzeBody(body, '2024-03-04').events.map((e) => [e.date, e.title])).toEqual([
      ['2024-05-02', 'Half Year Results Announcement'],
      ['2024-12-13', 'Annual General Meeting'],
    ]);
  });
});

describe('calendar precision', () => {
  it('gives every event a confidence, and keeps alternatives out of the calendar', () => {
    const events = analyzeBody(
      'The summit will be held on May 26 in Kuala Lumpur. The second summit could take place on October 26 or November 3.',
      '2024-03-04',
    ).events;
    expect(
      events.every((e) => typeof e.confidence === 'number' && e.confidence >= 0 && e.confidence <= 1),
    ).toBe(true);
    expect(
      calendarOf(
        'The summit will be held on May 26 in Kuala Lumpur. The second summit could take place on October 26 or November 3.',
      ),
    ).toEqual([['2024-05-26', null, 'Kuala Lumpur']]);
    expect(events.length).toBeGreaterThan(1);
  });
});
