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

  it('reads a Markdown table of fixtures one match a row, its place from the Venue column', () => {
    const body = [
      'The fixture list for the opening rounds is out.',
      'Fixtures\n\n| Round | Date | Match | Venue |\n| --- | --- | --- | --- |\n| Round 1 | Sat 1 Mar | Kites v Owls | Old Park |\n| Round 2 | Sat 8 Mar | Owls v Larks | Bell Lane |\n| Round 3 | Sun 16 Mar | Larks v Kites | The Meadow |',
    ].join('\n\n');
    const events = analyzeBody(body, '2025-03-04').events.filter(
      (e) => (e.confidence ?? 1) >= CALENDAR_CONFIDENCE,
    );
    // Round 1 was played before publication.
    expect(events.map((e) => [e.date, e.location, e.title])).toEqual([
      ['2025-03-08', 'Bell Lane', 'Owls v Larks'],
      ['2025-03-16', 'The Meadow', 'Larks v Kites'],
    ]);
  });

  it('reads lines of cells split by bars without a header, the place in the last cell', () => {
    const body = [
      'Round 3 | Sat 14 Mar | Harbour Hawks v Mill Rovers | Quayside Park',
      'Round 4 | Sat 21 Mar | Glenford United v Harbour Hawks | Glenford Oval',
    ].join('\n\n');
    expect(datesAndPlaces(body, '2026-03-04')).toEqual([
      ['2026-03-14', 'Quayside Park'],
      ['2026-03-21', 'Glenford Oval'],
    ]);
  });

  it('gives each date of a list folded into prose the place written right before it', () => {
    const body =
      'The duo will play three nights in Scotland, with shows in Dundee (Nov 3), Perth (Nov 5) and Inverness on Nov 8.';
    const places = analyzeBody(body, '2024-10-15').events.map((e) => [e.date, e.location]);
    expect(places).toEqual([
      ['2024-11-03', 'Dundee'],
      ['2024-11-05', 'Perth'],
      ['2024-11-08', 'Inverness'],
    ]);
  });

  it('takes no place from a name in brackets when the sentence lists only one date', () => {
    const body = 'The band, whose debut came out on Rough Trade (Nov 3), will also play Belfast.';
    expect(analyzeBody(body, '2024-10-15').events.map((e) => e.location)).not.toContain('Rough Trade');
  });

  it('keeps the venue a dash or brackets set after the city ("Leeds - First Direct Arena", "Manchester (AO Arena)")', () => {
    const body = [
      'The dates are:',
      '14 March 2025 - Hull - Connexin Live',
      'March 16 - Derby - Arena Hall',
      'March 21-22: Bolton (Lakeside Theatre)',
    ].join('\n\n');
    expect(datesAndPlaces(body, '2024-11-12')).toEqual([
      ['2025-03-14', 'Hull, Connexin Live'],
      ['2025-03-16', 'Derby, Arena Hall'],
      ['2025-03-21', 'Bolton, Lakeside Theatre'],
    ]);
  });

  it('reads a calendar of stages as events named by their lines, not as places', () => {
    const body = [
      'Key dates',
      'Monday, March 9 – Second reading',
      'Wed 18 March – Committee stage (Room 4)',
      'Tuesday, March 31 – Third reading and final vote',
    ].join('\n\n');
    const events = analyzeBody(body, '2026-03-02').events.map((e) => [e.date, e.location, e.title]);
    expect(events).toEqual([
      ['2026-03-09', null, 'Second reading'],
      ['2026-03-18', 'Room 4', 'Committee stage'],
      ['2026-03-31', null, 'Third reading and final vote'],
    ]);
  });

  it('names the shows of a tour list after the act the story opens with', () => {
    const body = [
      'The Paper Kites have added four arena shows to their spring tour.',
      'Tour dates:',
      'Sept. 22 — Lisbon, Portugal @ Altice Arena',
      'Sept. 25 — Madrid, Spain @ WiZink Center',
    ].join('\n\n');
    const titles = analyzeBody(body, '2024-08-20').events.map((e) => e.title);
    expect(titles).toEqual(['Paper Kites show, Lisbon', 'Paper Kites show, Madrid']);
  });

  it('keeps the name of a listing whose heading names it, and names no act for a fixture list', () => {
    const body = [
      'Harbour Hawks have confirmed their dates.',
      'Fixtures',
      'Sat 14 March – Quayside Park',
      'Sat 21 March – Glenford Oval',
    ].join('\n\n');
    const titles = analyzeBody(body, '2026-03-04').events.map((e) => e.title);
    expect(titles.some((t) => t.includes('show'))).toBe(false);
  });

  it('reads dotted days as day first and ISO days, each with the place after it', () => {
    const body = [
      'Tour',
      '19.09. Hamburg, Markthalle',
      '04.10.2024 Graz, Orpheum',
      '2024-10-11 Halle, Steintor',
    ].join('\n\n');
    expect(datesAndPlaces(body, '2024-08-05')).toEqual([
      ['2024-09-19', 'Hamburg, Markthalle'],
      ['2024-10-04', 'Graz, Orpheum'],
      ['2024-10-11', 'Halle, Steintor'],
    ]);
  });

  it('takes no dotted time for a day ("10.30 Registration")', () => {
    const body = ['Programme', '10.30 Registration', '11.15 Keynote address'].join('\n\n');
    expect(datesAndPlaces(body, '2024-08-05')).toEqual([]);
  });

  it('reads a calendar of labels each followed by its date, the label naming the event', () => {
    const body = [
      'Financial calendar',
      'First-quarter trading update: 23 April 2025',
      'Annual general meeting: 15 May 2025',
      'Half-year results – 24 July 2025',
    ].join('\n\n');
    const events = analyzeBody(body, '2025-03-10').events.map((e) => [e.date, e.title, e.location]);
    expect(events).toEqual([
      ['2025-04-23', 'First-quarter trading update', null],
      ['2025-05-15', 'Annual general meeting', null],
      ['2025-07-24', 'Half-year results', null],
    ]);
  });

  it('reads no page stamps ("Updated: 12 March 2025") as a calendar', () => {
    const body = ['Published: 10 March 2025', 'Updated: 12 March 2025', 'The board met today.'].join('\n\n');
    expect(analyzeBody(body, '2025-03-10').events).toEqual([]);
  });

  it('reads a timetable of bulleted lines whose steps are written in lowercase', () => {
    const body = [
      'Timetable',
      '- 14 March 2025: last day for nominations',
      '- 8 April 2025: polling day',
      '- 9 April 2025: count at the Town Hall',
    ].join('\n\n');
    const events = analyzeBody(body, '2025-02-24').events.map((e) => [e.date, e.title, e.location]);
    expect(events).toEqual([
      ['2025-03-14', 'Last day for nominations', null],
      ['2025-04-08', 'Polling day', null],
      ['2025-04-09', 'Count at the Town Hall', 'Town Hall'],
    ]);
  });

  it('reads a court calendar line as the step it names, its court in brackets as the place', () => {
    const body = [
      'Key dates',
      '22 Sept: Hearing of the appeal (Court of Appeal)',
      '3 October: Judgment expected',
    ].join('\n\n');
    const events = analyzeBody(body, '2024-08-30').events.map((e) => [e.date, e.title, e.location]);
    expect(events).toEqual([
      ['2024-09-22', 'Hearing of the appeal', 'Court of Appeal'],
      ['2024-10-03', 'Judgment expected', null],
    ]);
  });

  it('keeps two routes that start on one day apart, and a heading over every line of its run of routes', () => {
    const body = [
      'Flights from Tallinn',
      'Nordic Wings will serve the following new destinations:',
      'Malaga (Spain): three flights a week from October 27, 2024.',
      'Tenerife (Spain): two flights a week from October 27, 2024.',
      'Dubai (United Arab Emirates): daily flights from November 3, 2024.',
      'Funchal (Portugal): weekly flights from December 1, 2024.',
    ].join('\n\n');
    const places = analyzeBody(body, '2024-09-16').events.map((e) => [e.date, e.location]);
    expect(places).toEqual([
      ['2024-10-27', 'Tallinn to Malaga'],
      ['2024-10-27', 'Tallinn to Tenerife'],
      ['2024-11-03', 'Tallinn to Dubai'],
      ['2024-12-01', 'Tallinn to Funchal'],
    ]);
  });
});
