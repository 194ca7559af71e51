import { describe, expect, it } from 'vitest';
import { CALENDAR_CONFIDENCE } from '../../src/analyze/event-confidence.ts';
import { analyzeBody } from './analyze-body.ts';

// More line formats of tour lists, fixture lists and timetables (issue 13, listings round five),
// in texts of our own writing.

/** [date, location] of the events sure enough for the calendar. */
function datesAndPlaces(body: string, published: string) {
  return analyzeBody(body, published)
    .events.filter((e) => (e.confidence ?? 1) >= CALENDAR_CONFIDENCE)
    .map((e) => [e.date, e.location]);
}

describe('listing line formats', () => {
  it('reads lines that open with a short weekday ("Thu 10th Oct – LYON, Le Transbordeur") and keeps the city as a name', () => {
    const body = [
      'The trio have added two more nights in France.',
      'Extra dates',
      'Thu 10th Oct – LYON, Le Transbordeur',
      'Sat 12th Oct – NANTES, Stereolux',
    ].join('\n\n');
    expect(datesAndPlaces(body, '2024-07-02')).toEqual([
      ['2024-10-10', 'Lyon, Le Transbordeur'],
      ['2024-10-12', 'Nantes, Stereolux'],
    ]);
  });

  it('reads "Sept. 22 — City, Country @ Venue" lines under "Tour dates:"', () => {
    const body = [
      'The band head to southern Europe in the autumn.',
      'Tour dates:',
      'Sept. 22 — Valencia, Spain @ Roig Arena',
      'Oct. 2 — Turin, Italy @ Pala Alpitour',
    ].join('\n\n');
    const found = datesAndPlaces(body, '2024-08-20');
    expect(found.map((row) => row[0])).toEqual(['2024-09-22', '2024-10-02']);
    expect(found[0]?.[1]).toContain('Roig Arena');
  });
});
