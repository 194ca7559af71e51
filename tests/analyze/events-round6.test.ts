import { describe, expect, it } from 'vitest';
import { analyzeBody, calendarOf } from './analyze-body.ts';

// Round six of issue 13 (event recall): the classes of missed events found on dev5 and the earlier
// development folders, each in text of our own.

describe('a fixture list under weekday headings', () => {
  // 2026-03-04 is a Wednesday.
  it('reads each line under "Thursday", "Saturday", "Sunday:" as a match of the coming days, with its GMT time', () => {
    const body = [
      'Round 19 fixtures:',
      'Thursday',
      'Lokomotiva Brod - Mlinar Cesta at 1700GMT',
      'Saturday',
      'Sokol-Dravica at 1830GMT',
      'Gradina Sisak - Rudar Labin at 1600 GMT',
      'Sunday:',
      'Jadran Omis-Poljud Split at 1500GMT',
    ].join('\n\n');
    const events = analyzeBody(body, '2026-03-04').events;
    expect(events.map((e) => [e.date, e.time, e.title])).toEqual([
      ['2026-03-05', '17:00', 'Lokomotiva Brod v Mlinar Cesta'],
      ['2026-03-07', '18:30', 'Sokol v Dravica'],
      ['2026-03-07', '16:00', 'Gradina Sisak v Rudar Labin'],
      ['2026-03-08', '15:00', 'Jadran Omis v Poljud Split'],
    ]);
  });

  it('runs the headings forward: a weekday after a later one is in the next week', () => {
    const body = [
      'Saturday',
      'Sokol-Dravica at 1830GMT',
      'Monday',
      'Zvijezda Osijek - Bura Senj at 1745GMT',
    ].join('\n\n');
    expect(calendarOf(body, '2026-03-04')).toEqual([
      ['2026-03-07', null],
      ['2026-03-09', null],
    ]);
  });

  it('reads no schedule from a weekday over timed lines that pair no sides ("09:15 Police said ...")', () => {
    const body = [
      'Monday',
      '09:15 Police closed the bridge after the flooding',
      '11:40 The mayor visited the shelters in Rijeka',
    ].join('\n\n');
    expect(calendarOf(body, '2026-03-04')).toEqual([]);
  });

  it('gives the ground the next paragraph names to the fixture the story retold ("The match will kick off at 1730GMT at ...")', () => {
    const body = [
      'Sokol will host Dravica in the league derby on Saturday.',
      'The match will kick off at 1830GMT at the Gradski Vrt Hall.',
      'Saturday',
      'Sokol-Dravica at 1830GMT',
    ].join('\n\n');
    const [event] = analyzeBody(body, '2026-03-04').events;
    expect(event?.location).toBe('Gradski Vrt Hall');
  });
});
