import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// A title says WHICH occasion, not only what kind (issue 13, titles round four): texts of our own
// writing, in several outlets' styles. Published on Monday 2025-06-02 unless said otherwise.

function titlesOf(body: string, published = '2025-06-02'): string[] {
  return analyzeBody(body, published).events.map((e) => e.title);
}

function titleOf(body: string, published?: string): string {
  const [title] = titlesOf(body, published);
  expect(title, 'one event is read').toBeDefined();
  return title ?? '';
}

// Words a title never ends on, and the finite verbs of a sentence fragment.
const TRAILING_FUNCTION_WORD =
  /\b(?:a|an|the|of|on|in|at|for|to|and|or|with|by|from|will|would|is|are|be|new|its|their)$/i;
const FINITE_VERB = /\b(?:will|would|is|are|was|were|has|have|expected)\b/i;

describe('the event noun keeps the names that say which one', () => {
  it('names a body that will meet by its full name ("The Andean Water Council will meet")', () => {
    expect(titleOf('The Andean Water Council will meet on Thursday in Quito.')).toBe(
      'Andean Water Council meeting',
    );
  });

  it('keeps an acronym with a plus sign ("OPEC+ will meet")', () => {
    expect(titleOf('Oil producers OPEC+ will meet on Monday to review output.')).toBe(
      'OPEC+ meeting to review output',
    );
  });

  it('cuts the complement off a named subject ("the G20+ group of lenders will meet" gives "G20+ group meeting")', () => {
    expect(titleOf('Separately, the G20+ group of lenders will meet on June 12 in Rome.')).toBe(
      'G20+ group meeting',
    );
  });

  it('keeps an ordinal stage after the event noun ("Voting in the third round")', () => {
    expect(titleOf('Voting in the third round, which covers the capital, is set for June 16.')).toMatch(
      /^Voting in the third round$/,
    );
  });

  it('keeps an ordinal stage before it ("The second stage of the vote")', () => {
    expect(titleOf('The second stage of the vote will be held on June 9.')).toMatch(
      /^Second stage of the vote/,
    );
  });

  it('takes the event that governs a complement, not the stage in it ("Nominations for the second phase close")', () => {
    expect(titleOf('Nominations for the second phase close on June 6.')).toMatch(/^Nominations/);
  });

  it('writes an event noun spelt out before its acronym once ("annual general meeting (AGM)")', () => {
    const title = titleOf(
      "Members will approve the accounts at the society's annual general meeting (AGM) on June 20.",
    );
    expect(title).toMatch(/annual general meeting/i);
    expect(title).not.toMatch(/\bagm\b.*\bagm\b/i);
  });
});

describe('a bare kind of event takes the named thing of its clause', () => {
  it('names the product released, not the maker ("Corvo will release the Nimbus 3 on Friday")', () => {
    expect(titleOf('Corvo Motors will release the Nimbus 3 on Friday, the company said.')).toBe(
      'Nimbus 3 release',
    );
  });

  it('names the thing unveiled ("Rival Lumen is due to unveil the Quill S tablet")', () => {
    expect(titleOf('Rival Lumen is due to unveil the Quill S tablet in Osaka on June 10.')).toMatch(
      /^Quill S (?:tablet )?unveiling$/,
    );
  });

  it('names both sides of a match told with "facing"', () => {
    expect(
      titleOf('The Hawks will be the only side at home this weekend, facing the Eagles at 2pm on Saturday.'),
    ).toBe('Hawks v Eagles');
  });

  it('names both sides of "a game against" ("City open their campaign with a game against Rovers")', () => {
    expect(titleOf('Harbour City open their campaign with a game against Rovers on Saturday.')).toBe(
      'Harbour City v Rovers',
    );
  });

  it('reads no match into "facing" without a side that acts or a match noun ("Ministers facing Parliament")', () => {
    expect(titleOf('Ministers facing Parliament on Tuesday, June 3, will defend the budget.')).not.toMatch(
      / v /,
    );
  });

  it('prefers the two sides to a generic match noun ("Wanderers will host Rangers ... in the derby")', () => {
    expect(
      titleOf('Wanderers will host Rangers at Dalymount Park on Friday in the first derby of the season.'),
    ).toBe('Wanderers v Rangers');
  });

  it('names the action that governs the date, not a noun in a purpose clause after it', () => {
    expect(
      titleOf("The club's disciplinary panel will meet on Wednesday to rule on last week's match."),
    ).toMatch(/panel meeting$/i);
  });
});

describe('never a sentence fragment', () => {
  it('turns "will go on sale" into a sale', () => {
    const title = titleOf('The handsets will go on sale in stores across Canada on Friday.');
    expect(title).toMatch(/\bsale\b/i);
    expect(title).not.toMatch(FINITE_VERB);
  });

  it('turns "will be delivered" into a delivery', () => {
    const title = titleOf(
      'Pre-orders will be delivered to customers in Chile from June 13, the company said.',
    );
    expect(title).toMatch(/\bdelivery\b/i);
    expect(title).not.toMatch(FINITE_VERB);
  });

  it('gives a short noun phrase, never the first words of a sentence that names no event', () => {
    const title = titleOf(
      'The first buyers in Kenya and Uganda are expected to receive the handset on June 20.',
    );
    expect(title).not.toMatch(FINITE_VERB);
    expect(title).not.toMatch(TRAILING_FUNCTION_WORD);
    expect(title.split(/\s+/).length).toBeLessThanOrEqual(4);
  });

  it('ends no title on a function word and keeps every title to eight words', () => {
    const body = [
      'Air Lanka is opening a new route between Colombo and Male with effect from June 15.',
      'The official opening of the 12th Indian Ocean Islands Games is due on June 21.',
      'Tickets for the festival go on general sale on June 7.',
    ].join('\n\n');
    const titles = titlesOf(body);
    expect(titles).toHaveLength(3);
    for (const title of titles) {
      expect(title, title).not.toMatch(TRAILING_FUNCTION_WORD);
      expect(title.split(/\s+/).length, title).toBeLessThanOrEqual(8);
      expect(title, title).not.toMatch(FINITE_VERB);
    }
  });
});

describe('the story names what a clause leaves bare', () => {
  it('takes the story\'s named modifier for a bare noun ("the first Nordic energy ministers\' meeting")', () => {
    const body = [
      "It will be the first Nordic energy ministers' meeting since the blackout.",
      'The meeting, set for June 12 in Bergen, will be chaired by Norway.',
    ].join('\n\n');
    expect(titlesOf(body)).toEqual(["Nordic energy ministers' meeting"]);
  });

  it('takes the named subject of the verb that holds the event ("Finance Ministers of ... will meet")', () => {
    const body = [
      'LIMA - Finance Ministers of Peru, Chile and Colombia will meet to discuss copper royalties, officials said.',
      'The meeting, set for June 12 in Cusco, will be chaired by Peru.',
    ].join('\n\n');
    expect(titlesOf(body)).toEqual(['Finance Ministers meeting']);
  });

  it('names "that of X" after another event by the same kind for X', () => {
    expect(
      titlesOf(
        'The commission said the Kano governorship election will hold on June 14, while that of Oyo State will hold June 28.',
      ),
    ).toEqual(['Kano governorship election', 'Oyo State governorship election']);
  });
});

describe('small words that change what a title says', () => {
  it('keeps an ordinal that is no date ("the 9th session of the 14th National Assembly (NA)")', () => {
    expect(titleOf('The 9th session of the 14th National Assembly (NA) will open in Hanoi on June 20.')).toBe(
      '9th session of the 14th National Assembly',
    );
  });

  it('drops the time of a possessive ("this year\'s G20 summit") and keeps the event', () => {
    expect(titleOf("This year's G20 summit will be held in Riyadh on June 21.")).toBe('G20 summit');
  });

  it('names the action at the date, not an earlier one in the clause ("a panel to set rates will meet from")', () => {
    expect(titleOf('A newly formed panel to set interest rates will meet from June 3 to 4.')).toBe('Meeting');
  });

  it('names a court appearance ("He will next appear in court on")', () => {
    expect(titleOf('He will next appear in the magistrates court on June 30.')).toBe('Court appearance');
  });

  it('names a performer playing a venue a show, not a match', () => {
    expect(titleOf('Ed Sheeran is due to play Optus Stadium on Sunday, June 8.')).toBe('Ed Sheeran show');
  });
});

describe('what a route, a register or a product is called', () => {
  it('names a route by its two ends ("opening a new route between Accra (ACC) and Dakar")', () => {
    expect(
      titleOf('Sky Sahel is opening a new direct route between Accra (ACC) and Dakar (DSS) from June 16.'),
    ).toBe('Sky Sahel Accra-Dakar route opening');
  });

  it('takes the event whose complement holds a plain noun ("the record date for entitlement of the final dividend")', () => {
    expect(titleOf('The record date for entitlement of the final dividend is June 13.')).toMatch(
      /^Record date/,
    );
  });

  it("names a product kind by the story's product ('Pre-orders will be delivered' in a story about the Vela 4)", () => {
    const body = [
      'Demand for the Vela 4 beat forecasts, Ostra said.',
      'Pre-orders will be delivered to customers from June 13, the company said.',
    ].join('\n\n');
    expect(titlesOf(body)).toEqual(['Vela 4 delivery']);
  });

  it('names "the group will meet again" by the group named before, not "Group meeting"', () => {
    const body =
      'The Andean Mining Council will meet on June 10 in Lima. The group will meet again on July 22.';
    expect(titlesOf(body)).toEqual(['Andean Mining Council meeting', 'Andean Mining Council meeting']);
  });

  it('names what was set for the date ("the company set the next attempt for 6:05 p.m. on Tuesday")', () => {
    expect(titleOf('After the scrub, the company set the next attempt for 6:05 p.m. on Tuesday.')).toBe(
      'Next attempt',
    );
  });

  it('ends a complement before a participle ("the first two days of job action adding pressure")', () => {
    expect(
      titleOf('The first two days of job action adding pressure on the board start on June 9.'),
    ).not.toMatch(/adding/);
  });
});

describe('compounds, adjectives, what is published and one sentence with two dates', () => {
  it('reads "pre-sale" and "on-sale" as events, and "the pre-match press conference" as a conference', () => {
    const body = [
      "The band's artist pre-sale for the tour starts on Thursday, June 5, before the general on-sale begins on Monday, June 9.",
      'The pre-match press conference is on Tuesday, June 3.',
    ].join('\n\n');
    const titles = titlesOf(body);
    expect(titles).toHaveLength(3);
    expect(titles[0]).toMatch(/press conference$/i);
    expect(titles[1]).toMatch(/pre-sale/);
    expect(titles[2]).toMatch(/on-sale/);
  });

  it('names a publication by what is published ("will release inflation data on")', () => {
    expect(titleOf('The statistics office will release inflation data on June 6.')).toBe(
      'Inflation data release',
    );
  });

  it('names each date of a sentence by its own part ("Today the leaders will meet and tomorrow ... the opening")', () => {
    const body =
      'Today the Small Island States Leaders will meet and tomorrow there will be the official opening of the 48th Pacific Islands Forum summit.';
    expect(titlesOf(body)).toEqual([
      'Small Island States Leaders meeting',
      'Official opening of the 48th Pacific Islands Forum',
    ]);
  });
});

describe('no pronoun or auxiliary as the one who acts', () => {
  it('gives "Announcement" for "on June 12, she is expected to announce whether ..."', () => {
    expect(
      titleOf('Two days later, on June 12, she is expected to announce whether she will hear more evidence.'),
    ).toBe('Announcement');
  });
});

describe('the form of an action and a gerund complement', () => {
  it('keeps a noun that gives the form of the action ("will meet this Sunday in a face-to-face debate")', () => {
    expect(titleOf('Both candidates will meet on Sunday, June 8, in a face-to-face debate.')).toMatch(
      /debate$/i,
    );
  });

  it('keeps a gerund right after "for" in the complement ("the last date for filing of appeals")', () => {
    expect(
      titleOf('June 22 will be the last date for filing of appeals against the rejection of papers.'),
    ).toMatch(/^Last date for filing of appeals/);
  });

  it('tells an album and its release on one day as one event', () => {
    const body = [
      "The singer is set to release his solo album 'Coming Home' on June 20.",
      "'Coming Home' will be available from June 20.",
    ].join('\n\n');
    expect(titlesOf(body)).toHaveLength(1);
  });
});

describe('a line that opens with its label', () => {
  it('names the flights of a route line by its label ("Tenerife (Canary Islands, Spain): two flights per week")', () => {
    expect(
      titleOf(
        'Tenerife (Canary Islands, Spain): two flights per week on Mondays from June 16, operated by Airbus.',
      ),
    ).toBe('Tenerife flights');
  });

  it('keeps modifiers on their side of a bracket or colon, not a comma ("a one-day, province-wide strike")', () => {
    expect(titleOf('Teachers will hold a one-day, province-wide strike on June 4.')).toMatch(/one-day/i);
  });
});

describe('what goes on sale', () => {
  it('names the sale by what is sold ("Tickets are set to go on sale")', () => {
    expect(titleOf('Tickets are set to go on sale at 9am on Friday, June 6, on the festival site.')).toBe(
      'Sale of tickets',
    );
  });
});
