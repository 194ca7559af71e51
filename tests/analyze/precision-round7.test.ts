import { describe, expect, it } from 'vitest';
import { isNameAndDay, isPhotoCaption } from '../../src/analyze/furniture.ts';
import { analyzeBody, calendarOf } from './analyze-body.ts';

// Round seven of issue 13 (calendar precision): the classes of wrong calendar entry found on dev6 and
// the earlier folders, each in text of our own.

describe('a plan the sentence says was replaced', () => {
  it('dates nothing on the day a hearing was "initially scheduled for", only on its new day', () => {
    const body =
      'The appeal, initially scheduled for March 3, will now be heard on April 21 at the high court in Nairobi.';
    expect(calendarOf(body, '2026-02-20')).toEqual([['2026-04-21', null]]);
  });

  it('dates nothing on the day a union "had originally planned" to strike', () => {
    const body =
      'Bus drivers had originally planned to strike on June 2, but the union agreed to a ballot first.';
    expect(calendarOf(body, '2026-05-25')).toEqual([]);
  });

  it('keeps a plan that is only scheduled ("scheduled for June 2")', () => {
    const body = 'The strike, scheduled for June 2, will close every depot in the city.';
    expect(calendarOf(body, '2026-05-25')).toEqual([['2026-06-02', null]]);
  });
});

describe('a byline that parts the name from the day with a comma', () => {
  it('dates nothing in "Name , Monday 18 Mar 2024" on the day of publication', () => {
    const body =
      'Tomasz Wrobel , Monday 18 Mar 2024\n\nThe council will vote on the new tram line on March 26.';
    expect(calendarOf(body, '2024-03-18')).toEqual([['2024-03-26', null]]);
    expect(analyzeBody(body, '2024-03-18').events.map((e) => e.date)).toEqual(['2024-03-26']);
    expect(isNameAndDay('Lerato Dlamini, 4 June 2023')).toBe(true);
  });

  it('keeps a sentence that only ends on a date ("The vote is set, 4 June 2023")', () => {
    expect(isNameAndDay('The polls open in Harare on Wednesday, 4 June 2023')).toBe(false);
    expect(isNameAndDay('The vote is set for the capital, 4 June 2023')).toBe(false);
  });
});

describe('a range whose closing verb names where it closes', () => {
  it('reads "opens on August 2 and closes at the old harbour on August 11" as one span', () => {
    const body = 'The boat show opens on August 2 and closes at the old harbour in Gdynia on August 11.';
    expect(calendarOf(body, '2026-07-01')).toEqual([['2026-08-02', '2026-08-11']]);
  });
});

describe('a second event on a day already dated, told with a span of its own', () => {
  it('keeps "Heats: May 3 to 5" after "the games run from May 3 to May 17" in the calendar', () => {
    const body =
      'The regional games will run in Accra from May 3 to May 17, organisers said.\n\nSwimming heats, all pools: May 3 to 5.';
    expect(calendarOf(body, '2026-01-20')).toEqual([
      ['2026-05-03', '2026-05-17'],
      ['2026-05-03', '2026-05-05'],
    ]);
  });

  it('still doubts a second event told for the same day and span ("the strike on Monday ... talks Monday")', () => {
    const body =
      'Dock workers will strike on Monday, the union said.\n\nA ballot of the crew, on Monday, may follow.';
    expect(calendarOf(body, '2026-03-04')).toEqual([['2026-03-09', null]]);
  });
});

describe('two weekdays in a row, the week named after the second', () => {
  it('reads "on Tuesday and Wednesday next week" as one span in the week named', () => {
    const body = 'Nurses will walk out on Tuesday and Wednesday next week, the union said.';
    // Published on a Monday: "Tuesday" alone would be the next day; "next week" puts both in one week.
    expect(calendarOf(body, '2026-03-02')).toEqual([['2026-03-10', '2026-03-11']]);
  });

  it('keeps two days that are not in a row as two ("on Monday and Thursday next week")', () => {
    const body = 'Nurses will walk out on Monday and Thursday next week, the union said.';
    expect(calendarOf(body, '2026-03-04').map(([, end]) => end)).not.toContain('2026-03-12');
  });
});

describe('a caption that a credit label closes', () => {
  it('dates nothing in a caption ending "NATION PHOTO: NAME" or "Picture by Name"', () => {
    const caption =
      'Officials at the announcement of the referendum date, on May 2, 2025. NATION PHOTO: JOHN KAMAU';
    expect(isPhotoCaption(caption)).toBe(true);
    expect(
      isPhotoCaption('Ministers at the opening of the port in Mombasa on May 2, 2025. — Picture by Ali Omar'),
    ).toBe(true);
    expect(calendarOf(`${caption}\n\nThe referendum will be held on June 14.`, '2025-05-02')).toEqual([
      ['2025-06-14', null],
    ]);
  });

  it('keeps a story paragraph with a credit but no day the picture was taken', () => {
    const text = 'The bill will return to the chamber on the 14th of November (Picture: PA/Wire)';
    expect(isPhotoCaption(text)).toBe(false);
  });
});

describe('the start day of an event told first, its span told later', () => {
  it('reads "the strike starts on Monday" then "the strike, from March 9 to 11" as one span', () => {
    const body =
      'The rail strike starts on Monday, the union said.\n\nThe strike will last from March 9 to March 11 on every line.';
    expect(calendarOf(body, '2026-03-04')).toEqual([['2026-03-09', '2026-03-11']]);
  });

  it('keeps a one-day event of another name on the first day of a span', () => {
    const body =
      'The minister opens the trade fair on May 4.\n\nThe exhibition will run from May 4 to May 8 in the main hall.';
    expect(calendarOf(body, '2026-04-01')).toHaveLength(2);
  });
});

describe('two mentions of one day at one clock time', () => {
  it('reads "a briefing on Friday at 11am" and "a press conference on Friday, May 8, at 11am" as one', () => {
    const body =
      'The ministry will hold a briefing on Friday at 11am.\n\nThe minister will take questions at a press conference on Friday, May 8, at 11am.';
    expect(calendarOf(body, '2026-05-04')).toEqual([['2026-05-08', null]]);
  });
});
