import { describe, expect, it } from 'vitest';
import { cleanBody } from '../../src/analyze/clean.ts';
import { datelineLength } from '../../src/analyze/furniture.ts';
import { isDroppedPlan } from '../../src/analyze/tense.ts';
import { analyzeBody, calendarOf } from './analyze-body.ts';

// Round five of issue 13 (events): the classes of event-recall and date failure found on dev4, each
// in text of our own.

describe('the year of a day written with its weekday', () => {
  // 2025-03-11 is a Tuesday; 2026-02-27 is a Friday, 2025-02-27 a Thursday.
  it('puts "Friday 27 February" written that March in the year whose February 27 is a Friday', () => {
    expect(calendarOf('The new season opens on Friday 27 February in Hamilton.', '2025-03-11')).toEqual([
      ['2026-02-27', null],
    ]);
  });

  it('moves "Saturday 14 March" out of this week when this year\'s March 14 is a Friday', () => {
    expect(calendarOf('The derby will be played on Saturday 14 March.', '2025-03-11')).toEqual([
      ['2026-03-14', null],
    ]);
  });

  it('keeps a day whose weekday fits this year ("Thursday 13 March" in a Tuesday story)', () => {
    expect(calendarOf('The board will meet on Thursday 13 March.', '2025-03-11')).toEqual([
      ['2025-03-13', null],
    ]);
  });

  it("reads the weekday of a fixture list's lines, and the start time that ends each line", () => {
    const body = [
      'Opening rounds',
      'Friday 27 February – Southern Rata v Harbour Kahu, 7.30pm.',
      'Saturday 7 March – Coral Coast Swifts v Southern Rata, 5pm.',
      'Sunday 15 March – Island Breakers v Harbour Kahu, 14:00',
    ].join('\n\n');
    const events = analyzeBody(body, '2025-03-11').events;
    expect(events.map((e) => [e.date, e.time, e.title])).toEqual([
      ['2026-02-27', '19:30', 'Southern Rata v Harbour Kahu'],
      ['2026-03-07', '17:00', 'Coral Coast Swifts v Southern Rata'],
      ['2026-03-15', '14:00', 'Island Breakers v Harbour Kahu'],
    ]);
  });

  it('reads "with a Friday night away trip" as no one Friday', () => {
    expect(
      calendarOf('The champions begin next season with a Friday night away trip.', '2025-03-11'),
    ).toEqual([]);
  });
});

describe('a decision told in the past that names the day it sets', () => {
  // 2026-02-18 is a Wednesday.
  it('reads "called early elections for June 14" as the coming June, not the last one', () => {
    const body = 'The president dissolved the assembly on Wednesday and called early elections for June 14.';
    expect(calendarOf(body, '2026-02-18')).toEqual([['2026-06-14', null]]);
  });

  it('reads "set a May 20 deadline" and "agreed to set June 30 as the date" as coming days', () => {
    const body =
      'The commission set a May 20 deadline for parties to register. Party leaders agreed to set June 30 as the date for the first sitting.';
    expect(calendarOf(body, '2026-02-18')).toEqual([
      ['2026-05-20', null],
      ['2026-06-30', null],
    ]);
  });

  it('reads "adjourned the case till Thursday" as the coming Thursday, however long the object', () => {
    // The day only: how sure a bare weekday is belongs to the confidence (event-confidence.ts).
    const body =
      'The court heard the lawyers and adjourned the hearing of the petition challenging the decree of the president on the dissolution till Thursday.';
    expect(analyzeBody(body, '2026-02-18').events.map((e) => e.date)).toEqual(['2026-02-19']);
  });

  it('still reads a past day that no decision set as past ("met on March 17")', () => {
    expect(calendarOf('The faction leaders met on March 17 to discuss the budget.', '2026-11-18')).toEqual(
      [],
    );
  });
});

describe('a sitting calendar of ordinal days written before their months', () => {
  it('reads "from the 9th to the 13th February, 9th to 13th of March, 27th April to 1st May" as three spans', () => {
    const body =
      'Members will sit from the 9th to the 13th February, 9th to 13th of March and 27th April to 1st May.';
    expect(calendarOf(body, '2025-10-08')).toEqual([
      ['2026-02-09', '2026-02-13'],
      ['2026-03-09', '2026-03-13'],
      ['2026-04-27', '2026-05-01'],
    ]);
  });

  it('keeps a list running forward: its last span, in October, is after its first, in February', () => {
    const body =
      'Members will sit from the 9th to the 13th February, 8th to 12th June and 19th to 23rd October.';
    expect(calendarOf(body, '2025-10-08')).toEqual([
      ['2026-02-09', '2026-02-13'],
      ['2026-06-08', '2026-06-12'],
      ['2026-10-19', '2026-10-23'],
    ]);
  });

  it('reads a day written "the 24th of October"', () => {
    expect(calendarOf('The assembly will rise on the 24th of October.', '2025-10-08')).toEqual([
      ['2025-10-24', null],
    ]);
  });

  it('reads "on September 6, Monday at 10am" as one day, the weekday being the date\'s own', () => {
    const events = analyzeBody(
      'The new term will be opened on September 6, Monday at 10am.',
      '2021-07-15',
    ).events;
    expect(events.map((e) => [e.date, e.time])).toEqual([['2021-09-06', '10:00']]);
  });
});

describe('the weather beside the page date', () => {
  it('reads no event in "12 March, 2027, 7:15 am Lautoka - 29°C Showers" above the story', () => {
    const body = [
      'Lautoka - 29°C Showers',
      '12 March, 2027, 7:15 am Lautoka - 29°C Showers',
      'The municipal market will reopen on April 28 after six weeks of repairs.',
    ].join('\n\n');
    expect(calendarOf(body, '2025-04-14')).toEqual([['2025-04-28', null]]);
  });
});

describe('a present copula before the day', () => {
  it('reads "The trial dates agreed by both sides are from March 2 to 5" as coming, not last March', () => {
    const body = 'The trial dates agreed by both sides are from March 2 to 5, the judge said.';
    expect(analyzeBody(body, '2025-11-25').events.map((e) => [e.date, e.endDate])).toEqual([
      ['2026-03-02', '2026-03-05'],
    ]);
  });

  it('still reads "the trial was held on March 2" in a November story as last March', () => {
    expect(calendarOf('The first trial was held on March 2 in the same court.', '2025-11-25')).toEqual([]);
  });
});

describe('what would have been', () => {
  // 2025-09-04 is a Thursday.
  it('reads no event in "a walkout that would have been held on Saturday"', () => {
    const body = 'A walkout that would have been held on Saturday by station staff was dropped.';
    expect(calendarOf(body, '2025-09-04')).toEqual([]);
  });

  it('reads the new day, not the one that "would have halted all lines from 5am on Friday"', () => {
    const body =
      'The stoppage, which would have halted all six lines from 5am on Friday, has been moved to Monday, September 15.';
    expect(calendarOf(body, '2025-09-04')).toEqual([['2025-09-15', null]]);
  });

  it('takes "would have to" for no dropped plan', () => {
    const lead = 'The deal would have to be signed by ';
    expect(isDroppedPlan(lead, lead.length)).toBe(false);
    const dropped = 'A walkout that would have been held on ';
    expect(isDroppedPlan(dropped, dropped.length)).toBe(true);
  });
});

describe('the length of the subject that opens the clause', () => {
  it('gives "The three-day festival organised by ... will open on May 23" its three days, however long the subject', () => {
    const body =
      'The three-day highlife festival organised by the musicians union with support from the tourism ministry and several private sponsors will open on May 23.';
    expect(calendarOf(body, '2025-05-06')).toEqual([['2025-05-23', '2025-05-25']]);
  });

  it('still leaves a length far from the date in an object alone ("granted a two-day bail to attend a wedding ...")', () => {
    const body =
      "The court granted him a two-day interim bail to attend his niece's wedding at Lucknow that is scheduled to take place on February 14.";
    expect(analyzeBody(body, '2025-02-01').events.map((e) => [e.date, e.endDate])).toEqual([
      ['2025-02-14', null],
    ]);
  });
});

describe('"until" closing a span told in the past', () => {
  // 2025-07-14 is a Monday.
  it('reads "clashed in the markets of A, B, C and D from Saturday morning until late evening" as last Saturday', () => {
    const body =
      'Street traders clashed with police in the markets of La Victoria, Gamarra, Mesa Redonda and Central from Saturday morning until late evening.';
    expect(calendarOf(body, '2025-07-14')).toEqual([]);
  });

  it('still reads "the offer is open until Friday" as a coming day', () => {
    expect(
      analyzeBody('The offer is open until Friday, the company said.', '2025-07-14').events.map(
        (e) => e.date,
      ),
    ).toEqual(['2025-07-18']);
  });
});

describe("a wire service's note before the dateline", () => {
  it('reads no event in "(Adds comment, background) WELLINGTON, June 11 (Pacific Wire) -"', () => {
    const body =
      '(Adds comment from finance minister, background) WELLINGTON, June 11 (Pacific Wire) - The committee will meet on July 8 to 9.';
    expect(calendarOf(body, '2025-06-11')).toEqual([['2025-07-08', '2025-07-09']]);
  });

  it('keeps a bracket that is no note on the copy', () => {
    expect(datelineLength('(Photo: the hall) The vote is on June 20.')).toBe(0);
  });
});

describe('what a past report said of today', () => {
  // 2025-12-12 is a Friday.
  it('reads no event in "had said the schedule would be announced tonight"', () => {
    const body = 'Earlier in the day, the commissioner had said the schedule would be announced tonight.';
    expect(calendarOf(body, '2025-12-12')).toEqual([]);
  });

  it('still reads "the commission said the schedule will be announced tonight" as tonight', () => {
    const body = 'The commission said the schedule will be announced tonight.';
    expect(analyzeBody(body, '2025-12-12').events.map((e) => e.date)).toEqual(['2025-12-12']);
  });
});

describe('a "Read more" list at the top of a story written without blank lines', () => {
  const body = [
    'ALSO READ',
    'Ferry operators warn of fare rises as fuel levy bites',
    'Lamu port traffic doubles in first quarter',
    '-',
    'The ports authority will hold a public hearing on its plan to deepen the Mombasa channel on June 10, the authority said.',
    'Residents have until June 20 to send written objections to the plan, the notice published on Tuesday said.',
  ].join('\n');

  it('ends the list at its rule or at the first line of prose, and keeps the story', () => {
    const { paragraphs, readMore } = cleanBody(body, 'T');
    expect(readMore.map((l) => l.title)).toEqual([
      'Ferry operators warn of fare rises as fuel levy bites',
      'Lamu port traffic doubles in first quarter',
    ]);
    expect(paragraphs).toHaveLength(2);
    expect(calendarOf(body, '2025-06-03')).toEqual([
      ['2025-06-10', null],
      ['2025-06-20', null],
    ]);
  });

  it('still takes a whole list of headlines that no prose follows', () => {
    const { paragraphs, readMore } = cleanBody(
      'Text of the story.\n\nALSO READ\nOne headline\nAnother headline',
      'T',
    );
    expect(paragraphs).toEqual(['Text of the story.']);
    expect(readMore).toHaveLength(2);
  });
});
