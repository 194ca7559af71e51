import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// Place classes of issue 13, round five, in texts of our own writing: each is a form news uses to
// say where an occasion happens that the rules read as no place, or as the wrong one.

function placesOf(body: string, published = '2025-06-02'): Array<string | null> {
  return analyzeBody(body, published).events.map((e) => e.location);
}

describe('a place after a compound preposition', () => {
  it('reads the venue "in front of", "outside", "opposite", "next to", "beside" or "on the steps of" names', () => {
    expect(placesOf('Farmers will rally in front of the Provincial Capitol on June 5.')).toEqual([
      'Provincial Capitol',
    ]);
    expect(placesOf('Nurses will picket outside Royal Infirmary Hospital on Thursday.')).toEqual([
      'Royal Infirmary Hospital',
    ]);
    expect(placesOf('A vigil is planned opposite Holy Trinity Cathedral on June 9.')).toEqual([
      'Holy Trinity Cathedral',
    ]);
    expect(placesOf('The students will camp next to the Old Town Square from June 11.')).toEqual([
      'Old Town Square',
    ]);
    expect(placesOf('Campaigners will gather on the steps of the State Library on June 12.')).toEqual([
      'State Library',
    ]);
  });
});

describe('a place the event only may move to', () => {
  it('keeps the court a sitting is set in, not the one it may be moved to', () => {
    expect(
      placesOf(
        'Judge Amara Osei of the Kumasi High Court adjourned the trial to June 16, though it may be moved to Accra High Court if the witnesses cannot travel.',
      ),
    ).toEqual(['Kumasi High Court']);
  });

  it('reads no place from a hedged move alone ("could move to Kings Park Stadium")', () => {
    expect(
      placesOf('The final on June 14 could move to Kings Park Stadium if the pitch does not recover.'),
    ).toEqual([null]);
    expect(placesOf('The final on June 14 will move to Kings Park Stadium.')).toEqual(['Kings Park Stadium']);
  });
});

describe('an event held in three places or more', () => {
  it('reads the whole list of places, not none', () => {
    expect(placesOf('Teachers will march on June 10 in Nairobi, Mombasa, Kisumu and Eldoret.')).toEqual([
      'Nairobi, Mombasa, Kisumu and Eldoret',
    ]);
    expect(placesOf('The tour stops on June 20 in Leeds, Cape Town and Port Louis.')).toEqual([
      'Leeds, Cape Town and Port Louis',
    ]);
  });

  it('reads the list a plural place noun introduces after a dash or a colon', () => {
    expect(
      placesOf(
        'The film will be screened on June 21 in three coastal towns – Whitby, Scarborough and Filey.',
      ),
    ).toEqual(['Whitby, Scarborough and Filey']);
    expect(
      placesOf(
        'Clinics open on June 23 across the four districts of the county: Arusha, Moshi, Karatu and Monduli.',
      ),
    ).toEqual(['Arusha, Moshi, Karatu and Monduli']);
  });

  it('still reads no place from two, or from a list of countries', () => {
    expect(
      placesOf('The league will stage four matches in Queensland and New South Wales on June 7.'),
    ).toEqual([null]);
    expect(placesOf('The envoy will travel on June 8 to France, Spain and Italy.')).toEqual([null]);
  });
});

describe('a place that hosts the occasion', () => {
  it('reads the host city of an occasion as its place', () => {
    expect(placesOf('Perth will host the inaugural Test against Ireland on June 19.')).toEqual(['Perth']);
    expect(
      placesOf('The schedule was confirmed, with Galway set to host the opening round on June 14.'),
    ).toEqual(['Galway']);
    expect(placesOf('Cardiff will receive the honour of staging the final on June 28.')).toEqual(['Cardiff']);
  });

  it('reads no place from a host that is a guest list, a person or a team meeting its visitors', () => {
    expect(placesOf('The Springboks will host the Wallabies on June 21.')).toEqual([null]);
    expect(
      placesOf(
        'President Samia Suluhu Hassan said on Monday that Hassan will host a regional summit on June 12.',
      ),
    ).toEqual([null]);
  });
});

describe('a route whose ends are told the other way round or apart', () => {
  it('reads "flights to Y from X" as the route from X to Y', () => {
    expect(placesOf('The carrier will start flights to Lisbon from Newark on June 18.')).toEqual([
      'Newark to Lisbon',
    ]);
  });

  it('reads "from X with a new service to Y" as the route from X to Y', () => {
    expect(
      placesOf('Aurora is expanding from Tromsø with a new twice-weekly service to Longyearbyen on June 24.'),
    ).toEqual(['Tromsø to Longyearbyen']);
  });
});

describe('a region told by "that of"', () => {
  it('reads "while that of Ondo State will hold" as the region of the same occasion', () => {
    expect(
      placesOf(
        'The Lagos State governorship election will hold on June 14, while that of Kano State will hold on June 28.',
      ),
    ).toEqual(['Lagos State', 'Kano State']);
  });

  it('reads no place from "that of" a person or a body', () => {
    expect(
      placesOf('The Senate will vote on June 14 on the plan, and that of Senator Musa Bello on June 28.'),
    ).toEqual([null, null]);
  });
});

describe('an election named after its place at the start of a sentence', () => {
  it('reads "The Kogi State governorship election" as Kogi State, and no kind of election as a place', () => {
    expect(placesOf('The Kogi State governorship election will hold on June 14.')).toEqual(['Kogi State']);
    expect(placesOf('The Presidential election will be held on June 14.')).toEqual([null]);
    expect(placesOf('The Municipal elections are due on June 14.')).toEqual([null]);
  });
});

describe('a venue named in apposition to a common noun', () => {
  it('reads the name after "at its seat," or "at the club\'s home ground,"', () => {
    expect(placesOf('The tribunal will sit on June 16 at its seat, the Peace Palace, for two days.')).toEqual(
      ['Peace Palace'],
    );
    expect(
      placesOf("The final will be played on June 21 at the club's home ground, the Riverside Stadium."),
    ).toEqual(['Riverside Stadium']);
  });

  it('reads no venue from an apposition that names a person', () => {
    expect(placesOf('The board will meet on June 16 at its headquarters, the chairman said.')).toEqual([
      null,
    ]);
  });
});

describe('the country a launch leaves from', () => {
  it('reads the country after "launched from" or "lift off from" as the launch\'s place', () => {
    expect(placesOf('The probe will be launched from French Guiana on June 18.')).toEqual(['French Guiana']);
    expect(placesOf('The crew is due to lift off from Kazakhstan on June 20.')).toEqual(['Kazakhstan']);
  });

  it('still reads no country as the place of anything else', () => {
    expect(placesOf('The minister will travel from Kazakhstan on June 20 for talks.')).toEqual([null]);
  });
});

describe('the place a story gathers people in for its meetings', () => {
  it('gives a meeting told without a place the place the delegates arrived in for it', () => {
    const body = [
      'Delegates have been arriving in Arusha for a week of regional talks.',
      'Foreign ministers will meet on Tuesday, and the summit opens on June 5.',
    ].join('\n\n');
    expect(placesOf(body)).toEqual(['Arusha', 'Arusha']);
  });

  it('gives it nothing to an occasion that is no meeting, nor from an arrival for something else', () => {
    const strike = [
      'Delegates have been arriving in Arusha for a week of regional talks.',
      'Dock workers will strike on Tuesday.',
    ];
    expect(placesOf(strike.join('\n\n'))).toEqual([null]);
    const visit = ['The minister is arriving in Arusha for a holiday.', 'The cabinet will meet on Tuesday.'];
    expect(placesOf(visit.join('\n\n'))).toEqual([null]);
  });
});

describe('a city told with its country or region before it', () => {
  it('reads the city, not the nationality or region, in "the Swiss city of", "the Rift Valley town of", "the Qatari capital, Doha"', () => {
    expect(placesOf('Talks will open in the Swiss city of Lausanne on June 8.')).toEqual(['Lausanne']);
    expect(placesOf('The summit will be held in the northern Italian city of Turin on June 9.')).toEqual([
      'Turin',
    ]);
    expect(placesOf('Convoys leave from the Rift Valley town of Naivasha on June 10.')).toEqual(['Naivasha']);
    expect(placesOf('A second round is set for June 11 in the Qatari capital, Doha.')).toEqual(['Doha']);
    expect(placesOf('Voting begins on June 12 in the Indian state of Assam.')).toEqual(['Assam']);
  });

  it('keeps a city whose name holds "Port of"', () => {
    expect(placesOf('The ministers will meet in Port of Spain on June 13.')).toEqual(['Port of Spain']);
  });
});

describe('a venue whose name holds a possessive, a digit or a particle', () => {
  it("reads Lord's, the O2 Arena and the Palais des Nations whole", () => {
    expect(placesOf("The Test will be played at Lord's on June 18.")).toEqual(["Lord's"]);
    expect(placesOf('The gala will be held at the O2 Arena on June 27.')).toEqual(['O2 Arena']);
    expect(placesOf('Delegates will vote on June 26 at the Palais des Nations in Geneva.')).toEqual([
      'Palais des Nations, Geneva',
    ]);
  });

  it("still reads the owner's city before what it owns", () => {
    expect(placesOf("The parade will pass through Leeds's city centre on June 20.")).toEqual([null]);
    expect(placesOf("Fans will gather in Leeds's old town on June 20.")).toEqual(['Leeds']);
  });
});

describe('a place after "flies to", "goes to", "across" or "throughout", and a route named by a pair', () => {
  it('reads the place a team flies or goes to, and a region an offer covers', () => {
    expect(placesOf('The squad flies to Arusha on June 9 for the final.')).toEqual(['Arusha']);
    expect(placesOf('The squad goes to Kigali on June 16 for a friendly.')).toEqual(['Kigali']);
    expect(placesOf('Screenings will be offered throughout Kisumu County on June 21.')).toEqual([
      'Kisumu County',
    ]);
    expect(placesOf('Polls open on June 14 across Lagos State.')).toEqual(['Lagos State']);
  });

  it('reads "the Nakuru-Kisumu train" and "the Dover–Calais ferry" as routes', () => {
    expect(placesOf('The Nakuru-Kisumu train will resume on June 14.')).toEqual(['Nakuru to Kisumu']);
    expect(placesOf('The Dover–Calais ferry returns on June 15.')).toEqual(['Dover to Calais']);
  });
});

describe('a venue with its city after a comma', () => {
  it('reads "at Hyde Park, London," and "at Eden Gardens, Kolkata, from" with their cities', () => {
    expect(placesOf('The orchestra will play at Hyde Park, London, on June 15.')).toEqual([
      'Hyde Park, London',
    ]);
    expect(placesOf('The second Test is at Eden Gardens, Kolkata, from June 20.')).toEqual([
      'Eden Gardens, Kolkata',
    ]);
  });

  it('takes no owner after the comma for the city ("at Anfield, Liverpool\'s manager said")', () => {
    expect(placesOf("The match is at Anfield, Liverpool's manager said, on June 14.")).toEqual(['Anfield']);
  });
});

describe('a city after "the capital", "the island town of" or "on the outskirts of"', () => {
  it('reads the city those phrases name', () => {
    expect(placesOf('Unions will rally in the capital Nairobi on June 20.')).toEqual(['Nairobi']);
    expect(placesOf('The festival returns on June 12 in the island town of Lamu.')).toEqual(['Lamu']);
    expect(placesOf('A camp opens on June 26 on the outskirts of Malindi.')).toEqual(['Malindi']);
  });

  it('reads no place from "the capital" followed by a day, nor where a thing was made "on the island of"', () => {
    expect(placesOf('Unions will rally in the capital on Friday, June 20.')).toEqual([null]);
    expect(placesOf('The album, made in a church on the island of Bute, is out on June 8.')).toEqual([null]);
  });
});
