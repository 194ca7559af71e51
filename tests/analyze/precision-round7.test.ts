import { describe, expect, it } from 'vitest';
import { calendarOf } from './analyze-body.ts';

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
