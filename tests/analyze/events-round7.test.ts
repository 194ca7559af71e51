import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../../src/analyze/dates.ts';
import { isBegunThatDay } from '../../src/analyze/event-begun.ts';
import { analyzeBody, calendarOf } from './analyze-body.ts';

// Round seven of issue 13 (event recall): the classes of missed events found on dev6 and the earlier
// development folders, each in text of our own.

describe('an occurrence begun or held on the publication day, told in the past', () => {
  // 2026-02-16 is a Monday.
  it('dates a strike that "began ... today" and a meeting "held" "earlier today" to the publication day', () => {
    const body = [
      'Bus drivers in Lilongwe began an indefinite strike today after talks broke down.',
      'Earlier today, shareholders of Nyasa Coachlines held an extraordinary general meeting in Blantyre.',
    ].join('\n\n');
    expect(calendarOf(body, '2026-02-16')).toEqual([
      ['2026-02-16', null],
      ['2026-02-16', null],
    ]);
  });

  it('keeps what was said or announced on the day out ("the union said on Monday", "announced today")', () => {
    const body = [
      'The strike will go ahead, the union said on Monday.',
      'The council announced today that the depots had been sold.',
    ].join('\n\n');
    expect(calendarOf(body, '2026-02-16')).toEqual([]);
  });

  it('tells begun and held from said: a verb of saying in the clause dates the saying', () => {
    expect(isBegunThatDay('Teachers commenced a nationwide strike today', 'today')).toBe(true);
    expect(isBegunThatDay('the campaign period started on Wednesday', 'on Wednesday')).toBe(true);
    expect(isBegunThatDay('The budget was presented to Parliament today', 'today')).toBe(true);
    expect(isBegunThatDay('the union said on Monday the strike began', 'on Monday')).toBe(false);
  });

  it('leaves a meeting "held ... on Saturday" in a Saturday paper out: a weekday told in the past may be a week before', () => {
    expect(isBegunThatDay('The council held its first sitting on Saturday', 'on Saturday')).toBe(false);
  });
});

describe('a range "between April 16 and 22"', () => {
  it('reads the second day, written without its month, as the end of one range', () => {
    expect(calendarOf('Ferry crews will hold an overtime ban between June 8 and 12.', '2026-05-20')).toEqual([
      ['2026-06-08', '2026-06-12'],
    ]);
  });

  it('keeps a number after "and" that is no day ("between June 8 and 12 percent") out of the range', () => {
    expect(calendarOf('Fares will rise on June 8 and 12 percent more in July.', '2026-05-20')).toEqual([
      ['2026-06-08', null],
    ]);
    expect(
      calendarOf('Prices are set to rise on average between June 8 and 12 percent.', '2026-05-20').map(
        ([, end]) => end,
      ),
    ).not.toContain('2026-06-12');
  });
});

describe('a range told by its start and its end, with where it ends between', () => {
  it('joins "start at X on March 3 and finish beside the lake at Naivasha on March 6" into one range', () => {
    const body =
      'The rally will start at Kasarani Stadium on March 3 and finish beside the lake at Naivasha on March 6.';
    expect(calendarOf(body, '2026-01-14')).toEqual([['2026-03-03', '2026-03-06']]);
  });

  it('joins no two days when nothing before the first tells a start ("the vote on March 3 and the count ... on March 6")', () => {
    const sentence = 'The vote will be held on March 3 and the count will end in Naivasha on March 6.';
    expect(findDateMentions(sentence, '2026-01-14', () => false).map((m) => [m.date, m.endDate])).toEqual([
      ['2026-03-03', null],
      ['2026-03-06', null],
    ]);
  });
});

describe('a fixture list of "Label: Place (days)" lines', () => {
  it('reads each line as the labelled event at that place, a bracketed range as its days', () => {
    const body = [
      'FIXTURES',
      '1st Test: Chennai (Sept 19-23)',
      '2nd Test: Kanpur (September 27-Oct 1)',
      '1st T20I: Delhi (Oct 6)',
    ].join('\n\n');
    const events = analyzeBody(body, '2026-06-21').events;
    expect(events.map((e) => [e.title, e.date, e.endDate, e.location])).toEqual([
      ['1st Test', '2026-09-19', '2026-09-23', 'Chennai'],
      ['2nd Test', '2026-09-27', '2026-10-01', 'Kanpur'],
      ['1st T20I', '2026-10-06', null, 'Delhi'],
    ]);
  });

  it('reads no listing from a line whose brackets hold no day ("Coach: Aroha Ngata (Auckland)")', () => {
    const body = ['Squad', 'Coach: Aroha Ngata (Auckland)', 'Captain: Mere Tane (Hamilton)'].join('\n\n');
    expect(analyzeBody(body, '2026-06-21').events).toEqual([]);
  });
});
