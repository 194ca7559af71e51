import { describe, expect, it } from 'vitest';
import { findPlace } from '../../src/analyze/places.ts';
import { placesOf } from './analyze-body.ts';

// Place classes of issue 13, round six, in texts of our own writing: each is a form news uses to say
// where an occasion happens that the rules read as no place, or in a form no reader would write.

describe('a place owned by a possessive', () => {
  it('reads the place a common noun for a place owns ("the capital’s Liberty Square")', () => {
    expect(placesOf('The orchestra will play on May 16 in the capital’s Liberty Square.')).toEqual([
      'Liberty Square',
    ]);
    expect(placesOf("A craft fair opens on May 20 in the town's Old Granary.")).toEqual(['Old Granary']);
    expect(placesOf('The derby will be played at the club’s Riverside Ground on May 23.')).toEqual([
      'Riverside Ground',
    ]);
  });

  it('writes a city’s venue as the venue with its city ("Centenary Stadium, Mosta")', () => {
    expect(placesOf("The cup final will be played at Mosta's Centenary Stadium on May 30.")).toEqual([
      'Centenary Stadium, Mosta',
    ]);
    expect(findPlace('The band plays at Lisbon’s Coliseu Hall on June 2.')).toBe('Coliseu Hall, Lisbon');
  });

  it('keeps an owner that is no city, and reads nothing a company or a person owns', () => {
    expect(findPlace("The crew launches from NASA's Kennedy Space Center on June 2.")).toBe(
      "NASA's Kennedy Space Center",
    );
    expect(findPlace("The results are due on June 4 in the company's Annual Report.")).toBe(null);
    expect(findPlace("The derby is at Rivermouth's Ana Costa on Sunday.")).toBe(null);
  });
});

describe('a service told by its one end', () => {
  it('places flights, a ferry service or sailings "to" a destination there', () => {
    expect(
      placesOf(
        'Air Tanzania will on Friday launch direct flights to Zambia’s capital, Lusaka, the carrier said.',
      ),
    ).toEqual(['Lusaka']);
    expect(placesOf('Its first flights to Kigali are scheduled for May 12.')).toEqual(['Kigali']);
    expect(placesOf('The first trains to Kisumu will run on May 30.')).toEqual(['Kisumu']);
    expect(placesOf('A weekly ferry service to the island of Ukerewe will resume on May 20.')).toEqual([
      'Ukerewe',
    ]);
  });

  it('still reads both ends when the text gives them, and no country as a place', () => {
    expect(placesOf('Daily flights from Entebbe to Juba start on May 12.')).toEqual(['Entebbe to Juba']);
    expect(placesOf('Its first flights to Kenya are scheduled for May 12.')).toEqual([null]);
  });
});

describe('shares traded on an exchange', () => {
  it('places a listing or the start of trading on the exchange it names', () => {
    expect(
      placesOf('Its shares will begin trading on the Nairobi Securities Exchange on May 12, the miner said.'),
    ).toEqual(['Nairobi Securities Exchange']);
    expect(placesOf('The shares are expected to be quoted on the JSE from May 19, in rand.')).toEqual([
      'JSE',
    ]);
    expect(
      placesOf(
        'Conditional trading in the receipts of Steppe Air is expected to commence on the AIX and the London Stock Exchange on 9th of May, 2026.',
      ),
    ).toEqual(['AIX']);
  });

  it('reads no exchange from a body in capitals or from trade talks', () => {
    expect(placesOf('Trade ministers will report on the EU proposal on May 14.')).toEqual([null]);
    expect(placesOf('The union will vote on the CEO’s pay offer on May 14.')).toEqual([null]);
  });
});

describe('a ground named in capitals', () => {
  it('places a match "at the" ground a short name in capitals names', () => {
    expect(placesOf('The traditional opener will be played at the MCG on Thursday May 14.')).toEqual(['MCG']);
    expect(placesOf('The first Test will then start at the WACA on May 21.')).toEqual(['WACA']);
  });

  it('reads no ground from a body in capitals or from capitals without "the"', () => {
    expect(placesOf('The envoys will meet at the UN on May 14.')).toEqual([null]);
    expect(placesOf('He will speak at NATO on May 14.')).toEqual([null]);
  });
});

describe('a house of parliament', () => {
  it('places a sitting at the assembly or in the senate its clause names', () => {
    expect(
      placesOf('The final sitting of the year at the Legislative Assembly will take place on May 21.'),
    ).toEqual(['Legislative Assembly']);
    expect(
      placesOf('The bill will go back to the National Assembly on May 12 for its third reading.'),
    ).toEqual(['National Assembly']);
    expect(placesOf('The motion will be debated in the Senate on May 13.')).toEqual(['Senate']);
  });

  it('reads no house from an assembly named alone or a body that acts', () => {
    expect(placesOf('The assembly will meet on May 13.')).toEqual([null]);
    expect(placesOf('The Senate will vote on the motion on May 13.')).toEqual([null]);
  });
});

describe('an event guide’s line', () => {
  it('reads the place a line sets after the occasion’s name ("October 3-9, Seto Culture Week, Setomaa")', () => {
    expect(
      placesOf('May 13-15, Riga Jazz Weekend, Riga\n\nThree nights of quartets in the old town.'),
    ).toEqual(['Riga']);
    expect(placesOf('May 18, Lantern Parade, Town Hall Square, Tartu\n\nChildren carry lanterns.')).toEqual([
      'Town Hall Square, Tartu',
    ]);
  });

  it('reads no place from a line without one, or from prose that opens with its date', () => {
    expect(placesOf('May 21, Winter Crafts Fair opens\n\nStalls sell knitwear.')).toEqual([null]);
    expect(placesOf('May 21, Arsenal v Chelsea, 3pm\n\nThe derby.')).toEqual([null]);
    expect(placesOf('On May 21, Ruto said, Kenya will vote.')).toEqual([null]);
  });
});

describe('a launch site written in lowercase', () => {
  it('places a launch on "pad 2" or "launch complex 4"', () => {
    expect(placesOf('The weather satellite will lift off from pad 2 on Thursday at 6:15 a.m.')).toEqual([
      'pad 2',
    ]);
    expect(placesOf("A rocket is due to launch on May 9 from the range's launch complex 4.")).toEqual([
      'launch complex 4',
    ]);
  });

  it('gives a launch told without its site none when the story names two', () => {
    expect(
      placesOf(
        'Teams at Launch Complex 40 are ready. A few miles north at pad 39A, the company will again launch on May 11.\n\nThe forecast for the launch is expected on May 8.',
      ),
    ).toEqual([null, 'pad 39A']);
  });
});

describe('names in other languages', () => {
  it('reads a stadium, theatre or square named in French, Spanish or Italian as a venue', () => {
    expect(placesOf('The final will be played at the Stade de France on May 16.')).toEqual([
      'Stade de France',
    ]);
    expect(placesOf('The gala is at the Teatro Colón in Buenos Aires on May 16.')).toEqual([
      'Teatro Colón, Buenos Aires',
    ]);
    expect(placesOf('A march is planned on May 9 in the Plaza de San Francisco.')).toEqual([
      'Plaza de San Francisco',
    ]);
  });

  it('reads no place from a league, in whatever language it is named', () => {
    expect(placesOf('Betis host Sevilla on May 9 in La Liga.')).toEqual([null]);
    expect(placesOf('Galatasaray will host Fenerbahçe on May 9 in the Turkish Süper Lig.')).toEqual([null]);
    expect(placesOf('Dortmund face Bayern in the Bundesliga on May 9.')).toEqual([null]);
  });
});

describe('capitals that name what a noun is of', () => {
  it('reads no exchange from "on the WTO agenda"', () => {
    expect(placesOf('Ministers will discuss trade and vote on the WTO agenda on May 14.')).toEqual([null]);
  });
});
