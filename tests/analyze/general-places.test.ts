import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// Place and time classes that generalise across outlets (issue 13, round two), in texts of our own writing.

function placesOf(body: string, published = '2024-06-05'): Array<string | null> {
  return analyzeBody(body, published).events.map((e) => e.location);
}

describe('places as news writes them', () => {
  it('reads a route between two ends, without their codes and owners', () => {
    expect(
      placesOf('The carrier is opening a new route between Leeds (LBA) and Porto (OPO) from June 20.'),
    ).toEqual(['Leeds to Porto']);
    expect(
      placesOf(
        "Flights connecting Boston's Harbour Pier and Salem's Fort Field Airport will start on June 13.",
      ),
    ).toEqual(['Harbour Pier to Fort Field Airport']);
  });

  it('reads a venue named without a preposition ("is due to play Harbour Stadium")', () => {
    expect(placesOf('The singer is due to play Harbour Stadium on Sunday, June 16.')).toEqual([
      'Harbour Stadium',
    ]);
  });

  it('reads no place for an event in two places, or in a season', () => {
    expect(
      placesOf('The league will stage four matches in Queensland and New South Wales on June 7.'),
    ).toEqual([null]);
    expect(placesOf('The union will strike on June 12 in the run up to Christmas.')).toEqual([null]);
  });

  it('reads no place from a list with a verb on a schedule-like line ("Presale for fans, VIP, and Gold opens Friday")', () => {
    expect(placesOf('Presale for general admission, VIP, and Gold VIP opens Friday')).toEqual([null]);
  });
});

describe('a time told without its day', () => {
  it('goes to the event whose noun the sentence names, not to one told in between', () => {
    const body = [
      'Deputy Governor Ana Ruiz will deliver a speech in the port city of Vela on Jan. 14, the bank said.',
      "The speech will precede the bank's policy meeting on Jan. 23-24.",
      'Ruiz will deliver the speech to business leaders in Vela at 10:30 a.m. local time.',
    ].join('\n\n');
    const events = analyzeBody(body, '2024-12-09').events;
    expect(events.map((e) => [e.date, e.time])).toEqual([
      ['2025-01-14', '10:30'],
      ['2025-01-23', null],
    ]);
  });
});

describe('more places as news writes them', () => {
  it('gives every day of a list the place of its clause ("Polling in Assam ... on March 27, April 1 and April 6")', () => {
    const body =
      'Polling in Dunmore will be held in three phases, with voting on March 27, April 1 and April 9.';
    expect(placesOf(body, '2021-02-26')).toEqual(['Dunmore', 'Dunmore', 'Dunmore']);
  });

  it('reads no place in a body the story has speak ("workers at Harbour Mail" where "Harbour Mail said")', () => {
    const body = [
      'Harbour Mail said the union had told it of the strike.',
      'The union, which represents 15,000 workers at Harbour Mail, said they will strike on Nov. 30.',
    ].join('\n\n');
    expect(placesOf(body, '2022-11-01')).toEqual([null]);
  });

  it("places a court's business at the court the clause names", () => {
    expect(
      placesOf(
        'The Supreme Court Thursday said it would hear on April 8 a batch of petitions.',
        '2019-01-31',
      ),
    ).toEqual(['Supreme Court']);
    expect(
      placesOf('The High Court is on Monday expected to give directions in the case.', '2024-02-05'),
    ).toEqual(['High Court']);
  });

  it('reads two ends joined by a dash before "routes" ("the Leeds-Porto (OPO) routes")', () => {
    expect(
      placesOf('The airline will offer daily flights on the Leeds-Porto (OPO) routes starting from June 25.'),
    ).toEqual(['Leeds to Porto']);
  });
});

describe('venues', () => {
  it('names a venue with the one it lies in, without its owner ("Launch Complex 4 at NASA\'s Harbour Space Center")', () => {
    const body =
      "Lift-off is planned from Launch Complex 4 at NASA's Harbour Space Center in Florida on Sunday, June 9.";
    expect(placesOf(body)).toEqual(['Launch Complex 4, Harbour Space Center']);
  });

  it('takes a venue without a preposition only as what is played or hosted, not as what a story is about', () => {
    expect(
      placesOf('The petition challenging the Harbour International Airport deal will be heard on June 27.'),
    ).toEqual([null]);
  });
});
