import { describe, expect, it } from 'vitest';
import { resolveAppositions } from '../../src/analyze/appositive-chains.ts';
import { COUNT_UNIT, countChainDays, DAY_SIDE, EVE } from '../../src/analyze/chains.ts';
import type { DateMention } from '../../src/analyze/dates.ts';

const FORM = new RegExp(
  `^(?:${EVE}|${DAY_SIDE}|${COUNT_UNIT}\\s+(?<direction>later|earlier|before|after|ahead\\s+of|prior\\s+to))`,
  'i',
);

function daysOf(chain: string): number {
  return countChainDays(FORM.exec(chain)?.groups ?? {});
}

describe('countChainDays reads the day count of one chain form for every reader', () => {
  it('counts the eve and a part of a day on either side', () => {
    expect(daysOf('the eve of')).toBe(-1);
    expect(daysOf('The evening before')).toBe(-1);
    expect(daysOf('the day after')).toBe(1);
  });

  it('counts days and weeks, forwards or back', () => {
    expect(daysOf('two days later')).toBe(2);
    expect(daysOf('a week earlier')).toBe(-7);
    expect(daysOf('3 weeks after')).toBe(21);
    expect(daysOf('four days ahead of')).toBe(-4);
    expect(daysOf('two weeks prior to')).toBe(-14);
  });

  it('takes a form with no count ("the following day") as the next day, "the same day" as the day itself', () => {
    expect(countChainDays({})).toBe(1);
    expect(countChainDays({ same: 'same day' })).toBe(0);
  });
});

describe('a chain set beside a written date dates the event it names the other way', () => {
  const sentence = 'The strike is on 1 October, two days ahead of the London Marathon.';
  const written: DateMention = {
    start: sentence.indexOf('1 October'),
    end: sentence.indexOf(','),
    date: '2026-10-01',
    endDate: null,
    time: null,
    chain: null,
  };

  it('dates the marathon two days after the strike', () => {
    const dates = resolveAppositions(sentence, [written]).map((m) => m.date);
    expect(dates).toEqual(['2026-10-01', '2026-10-03']);
  });
});
