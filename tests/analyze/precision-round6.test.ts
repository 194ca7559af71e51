import { describe, expect, it } from 'vitest';
import { datelineLength, isPhotoCaption } from '../../src/analyze/furniture.ts';
import { analyzeBody, calendarOf } from './analyze-body.ts';

// Round six of issue 13 (calendar precision): the classes of wrong calendar entry found on dev5 and
// the earlier folders, each in text of our own.

describe('datelines the wire services write without a place or with their own full stop', () => {
  it('reads no event in a dateline of only the day and the agency ("Sept. 16 (UPI) --")', () => {
    const body = 'Sept. 16 (UPI) -- The quartet will take its new record on a run of shows across England.';
    expect(calendarOf(body, '2025-09-16')).toEqual([]);
    expect(datelineLength('Nov 3 (Reuters) - The carrier said on Monday that it would cut fares.')).toBe(18);
  });

  it('reads no event in an EFE dateline, whose agency ends in ".-"', () => {
    const body =
      'Lima, Apr 12 (EFE).- Officials say the two leading candidates will meet in a runoff on June 7.';
    expect(calendarOf(body, '2026-04-12')).toEqual([['2026-06-07', null]]);
    expect(datelineLength('QUITO, March 2 (EFE).- The assembly will vote on Friday.')).toBe(23);
  });

  it("keeps a schedule's line whose brackets hold no agency", () => {
    expect(datelineLength('June 4 (TBC) – Final at the main ground in the city tonight.')).toBe(0);
    expect(datelineLength('May 2 (Round 3) - Hawks v Owls at the city ground tonight.')).toBe(0);
  });
});

describe("an editor's stamp on a note about the copy", () => {
  it('reads no event in "Correction December 9 at 12:48 p.m.:" nor in "Update, March 3, 2024:"', () => {
    expect(
      calendarOf('Correction December 9 at 12:48 p.m.: The earlier version will be replaced.', '2025-12-09'),
    ).toEqual([]);
    expect(datelineLength('Update, March 3, 2024: This story will be updated as results come in.')).toBe(23);
    expect(datelineLength("Editor's note (May 2): An earlier version misnamed the mayor.")).toBe(23);
  });

  it('keeps a sentence that only opens with the word ("Update the register by June 3")', () => {
    expect(datelineLength('Update the register by June 3, the council said.')).toBe(0);
    expect(calendarOf('Voters must update the register by June 3, the council said.', '2026-05-20')).toEqual([
      ['2026-06-03', null],
    ]);
  });
});

describe("a photo agency's caption left in the text", () => {
  const caption =
    'epa11352801 A cruise ship is moored at the Grand Harbour in Valletta, Malta, 14 May 2025. Residents plan a second rally from 30 May to 1 June 2025. EPA/DOMENIC AQUILINA';

  it('dates nothing in a caption with its picture number or the day it was taken', () => {
    expect(isPhotoCaption(caption)).toBe(true);
    expect(
      isPhotoCaption(
        'Supporters wave flags at the rally in Lagos, Nigeria, June 3, 2025. The final will be on June 9. REUTERS/Ayo Bello',
      ),
    ).toBe(true);
    expect(calendarOf(caption, '2025-05-20')).toEqual([]);
  });

  it('reads a story paragraph that only names an agency', () => {
    const body = 'The vote will be held on June 11, Reuters/Ipsos polling shows, after talks on 2 June 2025.';
    expect(isPhotoCaption(body)).toBe(false);
    expect(analyzeBody(body, '2025-05-20').events.map((e) => e.date)).toContain('2025-06-11');
  });
});

describe('a chained day beside a written date in its clause', () => {
  // 2026-01-20 is a Tuesday; 2026-03-07 a Saturday.
  it('takes the written date for "a week later against the champions on Sunday, March 15"', () => {
    const body =
      'The Herons open away on Saturday, March 7. They will host their first home match a week later against the champions on Sunday, March 15.';
    expect(calendarOf(body, '2026-01-20')).toEqual([
      ['2026-03-07', null],
      ['2026-03-15', null],
    ]);
  });

  it('counts "the day before the home opener on March 15" from the date written after its name', () => {
    const body =
      'The Herons open away on Saturday, March 7. Players will meet fans at an open session the day before the home opener on March 15.';
    expect(calendarOf(body, '2026-01-20')).toContainEqual(['2026-03-14', null]);
  });

  it('still reads "Two days later, on January 12" as that written day', () => {
    const body =
      'The talks will open on January 10. Two days later, on January 12, the leaders will sign the deal.';
    expect(calendarOf(body, '2026-01-05')).toEqual([
      ['2026-01-10', null],
      ['2026-01-12', null],
    ]);
  });
});

describe('a day in an opening phrase of place or occasion', () => {
  // 2025-10-15 is a Wednesday.
  it('reads "At the leadership conference on Monday, the president told ..." as the Monday just past', () => {
    const body =
      'At the leadership conference on Monday, Senate President Ileana Costache told party whips that the chamber would need every sitting day.';
    expect(calendarOf(body, '2025-10-15')).toEqual([]);
    expect(
      calendarOf('During talks in Oslo on Tuesday, the ministers agreed to a truce.', '2025-10-15'),
    ).toEqual([]);
  });

  it('keeps the coming day when the main clause plans ("At the summit on Friday, leaders are expected to sign")', () => {
    expect(
      calendarOf('At the summit on Friday, the leaders are expected to sign the accord.', '2025-10-15'),
    ).toEqual([['2025-10-17', null]]);
    expect(calendarOf('At the hearing on Monday, the judge will hear the appeal.', '2025-10-15')).toEqual([
      ['2025-10-20', null],
    ]);
  });
});

describe('a weekday of the week named after it ("Thursday next week")', () => {
  // 2025-06-02 is a Monday; 2021-11-28 a Sunday.
  it('reads "between Tuesday and Thursday next week" as one span of next week', () => {
    const body = 'The retail subscription will run between Tuesday and Thursday next week, the company said.';
    expect(calendarOf(body, '2025-06-02')).toEqual([['2025-06-10', '2025-06-12']]);
    expect(calendarOf(body, '2021-11-28')).toEqual([['2021-11-30', '2021-12-02']]);
  });

  it('reads "the strike planned for Thursday next week" as that day', () => {
    expect(
      calendarOf('The strike planned for Thursday next week can still be avoided.', '2023-12-09'),
    ).toEqual([['2023-12-14', null]]);
  });

  it('still reads no day in "next week" alone', () => {
    expect(calendarOf('The board will meet next week to discuss the offer.', '2025-06-02')).toEqual([]);
  });
});

describe('a day asked about', () => {
  it('keeps a question out of the calendar ("Will the crossings scheduled for March 11 still sail?")', () => {
    const body = 'Will the ferry crossings scheduled for March 11 still sail? The operator would not say.';
    expect(calendarOf(body, '2025-03-04')).toEqual([]);
    expect(analyzeBody(body, '2025-03-04').events.map((e) => e.date)).toEqual(['2025-03-11']);
  });

  it('keeps the statement that answers it', () => {
    expect(calendarOf('The ferry crossings scheduled for March 11 will still sail.', '2025-03-04')).toEqual([
      ['2025-03-11', null],
    ]);
  });
});
