import { describe, expect, it } from 'vitest';
import { datelineLength } from '../../src/analyze/furniture.ts';
import { findLaunchSites, findPlace, findRoute } from '../../src/analyze/places.ts';
import { analyzeBody } from './analyze-body.ts';

// Places a story tells once and means again (issue 13, round four), in texts of our own writing.

function placesOf(body: string, published: string): Array<[string, string | null]> {
  return analyzeBody(body, published).events.map((e) => [e.date, e.location]);
}

describe('routes', () => {
  it('reads a service from one end to the other ("a daily flight from Nairobi to New York")', () => {
    expect(findPlace('The airline will start a daily flight from Porto Alegre to Lisbon on May 2.')).toBe(
      'Porto Alegre to Lisbon',
    );
    expect(findRoute('Sailings from Oban to Castlebay resume next week.')).toBe('Oban to Castlebay');
  });

  it('reads the ends of a route between two places with their countries in brackets', () => {
    expect(findRoute('This is the direct route between Kumasi (Ghana) and Abidjan (Ivory Coast).')).toBe(
      'Kumasi to Abidjan',
    );
  });

  it('gives a flight told without its ends the route the story named before', () => {
    const body = [
      'Accra — Coastline Air has announced a non-stop service from Accra to Toronto.',
      'Bookings opened last week for the inaugural flight, which is scheduled for June 16.',
    ].join('\n\n');
    expect(placesOf(body, '2025-03-04')).toEqual([['2025-06-16', 'Accra to Toronto']]);
  });

  it('gives a flight the route of its own paragraph, told in the sentence after it', () => {
    const body =
      'Next Wednesday, April 2, the airline will restart a route it dropped. This is the direct route between Kumasi (Ghana) and Abidjan (Ivory Coast).';
    expect(placesOf(body, '2025-03-28')).toEqual([['2025-04-02', 'Kumasi to Abidjan']]);
  });

  it('gives no route to the day tickets go on sale, only to the flight', () => {
    const body = [
      'Coastline Air has announced a non-stop service from Accra to Toronto.',
      'On Thursday, the carrier began selling tickets for the inaugural flight, which is scheduled for June 16.',
    ].join('\n\n');
    expect(placesOf(body, '2025-03-06')).toEqual([
      ['2025-03-06', null],
      ['2025-06-16', 'Accra to Toronto'],
    ]);
  });

  it('gives no earlier route to a paragraph of a digest that names its own places', () => {
    const body = [
      'Skyways will fly the Lyon-Porto route from March 3.',
      'Northjet is expanding from Tampere with a new service to Riga. The new daily flight will launch on May 8.',
    ].join('\n\n');
    expect(placesOf(body, '2025-02-01')).toEqual([
      ['2025-03-03', 'Lyon to Porto'],
      // Its own route, told apart ("from Tampere with a new service to Riga"), never the one before.
      ['2025-05-08', 'Tampere to Riga'],
    ]);
  });
});

describe('courts', () => {
  it('gives the court named before to its business told as "the court" or "the magistrate"', () => {
    const body = [
      'The Shanzu Law Courts on Tuesday refused to rule on the bail of a former port chief.',
      'Meanwhile, the court adjourned the hearing till November 4.',
      'The magistrate also fixed November 18 for mention of a second charge sheet.',
    ].join('\n\n');
    expect(placesOf(body, '2024-10-08')).toEqual([
      ['2024-11-04', 'Shanzu Law Courts'],
      ['2024-11-18', 'Shanzu Law Courts'],
    ]);
  });

  it('reads no place from a case named after a city ("in the Delhi riots case")', () => {
    expect(
      findPlace('The court adjourned the hearing in the Mombasa grain tender case till November 4.'),
    ).toBe(null);
    expect(findPlace('Service in the Northeast begins on Dec. 11.')).toBe('Northeast');
  });

  it('gives no court to a date that is not its business', () => {
    const body = [
      'The High Court in Arusha last week heard the petition.',
      'The petitioners will hold a rally on June 9.',
    ].join('\n\n');
    expect(placesOf(body, '2025-06-02')).toEqual([['2025-06-09', null]]);
  });
});

describe('tour lines', () => {
  it('reads the place after a date that opens a line alone ("20 April - Royal Concert Hall, Nottingham")', () => {
    const body = ['Spring Tour:', '14 March - Brangwyn Hall, Swansea', '21'].join('\n\n');
    expect(placesOf(body, '2026-02-20')).toEqual([['2026-03-14', 'Brangwyn Hall, Swansea']]);
  });

  it('keeps a venue’s own short name in brackets, and drops an aside', () => {
    const body = [
      'Listings',
      'Saturday, March 28: Waterfront Arts Centre (WAC), Belfast',
      'Sunday, March 29: Ulster Hall (sold out), Belfast',
    ].join('\n\n');
    expect(placesOf(body, '2026-02-20')).toEqual([
      ['2026-03-28', 'Waterfront Arts Centre (WAC), Belfast'],
      ['2026-03-29', 'Ulster Hall, Belfast'],
    ]);
  });

  it('reads no place from a line whose words after the date are not names', () => {
    expect(placesOf('Spring Tour:\n\n12 March - tickets on sale for members', '2026-02-20')).toEqual([
      ['2026-03-12', null],
    ]);
  });
});

describe('launch sites', () => {
  it('reads a pad with the site it lies in, and a cosmodrome', () => {
    expect(
      findLaunchSites('The rocket was moved to Launch Complex 40 at the Cape Canaveral Space Force Station.'),
    ).toEqual(['Launch Complex 40, Cape Canaveral Space Force Station']);
    expect(findLaunchSites('It lifted off from the Vostochny Cosmodrome.')).toEqual(['Vostochny Cosmodrome']);
    expect(findLaunchSites('The launch of the new phone is set for June 3.')).toEqual([]);
  });

  it('gives a launch told without its site the one site the story names, even later', () => {
    const body = [
      'The launch will now take place on Thursday.',
      'The rocket was rolled out to Launch Pad 2 at the Tanegashima Space Center on Sunday.',
    ].join('\n\n');
    expect(placesOf(body, '2026-01-12')).toEqual([['2026-01-15', 'Launch Pad 2, Tanegashima Space Center']]);
  });

  it('gives a flight that "will launch" its route when the story names no launch site', () => {
    const body = [
      'Northjet has announced a new service from Tampere to Riga.',
      'The new daily flight will launch on May 8.',
    ].join('\n\n');
    expect(placesOf(body, '2025-02-01')).toEqual([['2025-05-08', 'Tampere to Riga']]);
  });

  it('gives a launch no site when the story names two', () => {
    const body = [
      'The first launch will take place on Thursday, and the second on Saturday.',
      'One rocket stands on Launch Complex 39A, the other on Launch Complex 40.',
    ].join('\n\n');
    expect(placesOf(body, '2026-01-12').map(([, place]) => place)).toEqual([null, null]);
  });
});

describe('route listings', () => {
  it('gives a destination line the origin of the heading above it ("Flights from Paris-Orly")', () => {
    const body = [
      'Sailings from Aberdeen',
      'The company will serve two new ports:',
      'Kirkwall (Orkney, Scotland): three sailings a week from November 3.',
      'Sailings from Bergen',
      'Stavanger: two sailings a week from December 1.',
    ].join('\n\n');
    expect(placesOf(body, '2025-09-15')).toEqual([
      ['2025-11-03', 'Aberdeen to Kirkwall'],
      ['2025-12-01', 'Bergen to Stavanger'],
    ]);
  });

  it('keeps a destination line whose brackets hold its country, which a dateline’s never do', () => {
    const body = ['Sailings from Bergen', 'Hirtshals (Denmark): three sailings a week from December 8.'].join(
      '\n\n',
    );
    expect(placesOf(body, '2025-09-15')).toEqual([['2025-12-08', 'Bergen to Hirtshals']]);
    expect(datelineLength('Hirtshals (Denmark): three sailings a week')).toBe(0);
    expect(datelineLength('Hanoi (IANS): The two ministers met on Friday.')).toBe(14);
  });

  it('reads no route from a labelled line under no origin heading', () => {
    const body = ['Winter timetable', 'Kirkwall: three sailings a week from November 3.'].join('\n\n');
    expect(placesOf(body, '2025-09-15')).toEqual([['2025-11-03', null]]);
  });
});

describe('a parliament', () => {
  it('reads "in Parliament" as the place, but no lone common venue noun', () => {
    expect(findPlace('The minister will deliver a statement in Parliament on Tuesday (March 4).')).toBe(
      'Parliament',
    );
    expect(findPlace('The minister will speak at the Palace on Tuesday.')).toBe(null);
  });
});

describe('an owner and what is theirs', () => {
  it('reads no place from a person named with their band or club ("from The Strypes’ Josh McClorey")', () => {
    expect(findPlace('It will feature guests from The Harbour Kids’ Mia Lund and be out on May 8.')).toBe(
      null,
    );
    expect(findPlace("The derby is at Rivermouth's Ana Costa on Sunday.")).toBe(null);
  });

  it('keeps a city’s venue, with its city after it, and a town named with a possessive', () => {
    expect(findPlace('The strike on Monday at London’s Heathrow Airport was called off.')).toBe(
      'Heathrow Airport, London',
    );
    expect(findPlace("The fair opens in King's Lynn on June 3.")).toBe("King's Lynn");
  });
});

describe('events named after their place', () => {
  it('reads the place an election or a marathon is named after', () => {
    expect(findPlace('The commission said the Kisumu West by-election will be held on June 19.')).toBe(
      'Kisumu West',
    );
    expect(findPlace('She will run the Rotterdam Marathon in the Netherlands on April 13.')).toBe(
      'Rotterdam',
    );
    expect(findPlace('Voters in the Tamil Nadu assembly elections go to the polls on April 6.')).toBe(
      'Tamil Nadu',
    );
  });

  it('reads no place from an election named after a party, a country or a nationality', () => {
    expect(findPlace('The opposition said its own leadership election on June 2 would decide.')).toBe(null);
    expect(findPlace('The Green Party election will be held on June 2.')).toBe(null);
    expect(findPlace('The European elections will be held on June 9.')).toBe(null);
    expect(findPlace('Campaigning for the Kenya election starts on June 9.')).toBe(null);
  });
});

describe('a place told in the sentence after the date', () => {
  it('goes to the event just told when the sentence opens by placing it', () => {
    const body = [
      'Parliament will reconvene tomorrow to begin the budget meeting.',
      'To be held at Parliament House in Accra, the recall follows the constitution.',
    ].join('\n\n');
    expect(placesOf(body, '2022-10-24')).toEqual([['2022-10-25', 'Parliament House, Accra']]);
    const summit =
      'Trade ministers will meet on Thursday. The meeting will take place at the Tanoa Convention Centre in Nadi.';
    expect(placesOf(summit, '2025-07-14')).toEqual([['2025-07-17', 'Tanoa Convention Centre, Nadi']]);
  });

  it('gives nothing from a sentence that only mentions places further in', () => {
    const body =
      'Consultations will follow on July 28. Officials said they would travel widely, and sessions will be held in Suva.';
    expect(placesOf(body, '2025-07-14')).toEqual([['2025-07-28', null]]);
  });
});

describe('a bracketed list of names', () => {
  it('holds no place, even a name with "in" ("(Alice in Chains, Foo Fighters, ...)")', () => {
    expect(
      findPlace(
        'It was produced by Dana Holt (Ghosts in Harlow, Paper Lanterns, Nightjar) and is out on April 24.',
      ),
    ).toBe(null);
  });

  it('keeps a place in a bracketed clause ("(the tournament kicks off in Tokyo on September 20)")', () => {
    expect(
      findPlace('It is a World Cup year (the tournament kicks off in Tokyo on September 20), so the'),
    ).toBe('Tokyo');
  });
});

describe('the same event told again', () => {
  it('takes the venue the paragraph before gave it ("a derby at Optus Stadium" ... "the derby timeslot on Sunday")', () => {
    const body = [
      'Harbour City will face Northport in a cup semi-final at Kingsway Stadium next month.',
      'The semi-final on Saturday, June 14 will kick off at 3pm.',
    ].join('\n\n');
    expect(placesOf(body, '2025-05-20')).toEqual([['2025-06-14', 'Kingsway Stadium']]);
  });

  it('takes no venue from further back, nor a city', () => {
    const far = [
      'Harbour City will face Northport in a cup semi-final at Kingsway Stadium next month.',
      'The coach said the squad was ready.',
      'The other semi-final is set for June 15.',
    ].join('\n\n');
    expect(placesOf(far, '2025-05-20')).toEqual([['2025-06-15', null]]);
    const city = [
      'The city will host a summit in Apia next year.',
      'The summit on June 3 will last two days.',
    ].join('\n\n');
    expect(placesOf(city, '2025-05-20').map(([, place]) => place)).toEqual([null]);
  });
});
