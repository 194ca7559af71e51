import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// Title classes of issue 13, round six, in texts of our own writing.

function titlesOf(body: string, published: string): string[] {
  return analyzeBody(body, published).events.map((e) => e.title);
}

describe('the steps of an election timetable and of a listing are events by their own noun', () => {
  it('names a registration window by what is registered ("Registration for constituency candidates will be open")', () => {
    expect(
      titlesOf(
        'Registration for ward candidates will be open from May 12-16 at the district offices.',
        '2025-05-01',
      ),
    ).toEqual(['Registration for ward candidates']);
  });

  it('names a scrutiny and a withdrawal by their nouns, with what they are of', () => {
    expect(
      titlesOf('Scrutiny of nomination papers will take place on May 20 in the town hall.', '2025-05-01'),
    ).toEqual(['Scrutiny of nomination papers']);
    expect(
      titlesOf(
        'Candidates have until May 23, when the withdrawal of candidacy closes at noon.',
        '2025-05-01',
      )[0],
    ).toMatch(/^Withdrawal of candidacy/);
  });

  it('names a motion by its kind ("will table a confidence motion on Tuesday")', () => {
    expect(
      titlesOf('The opposition will table a confidence motion against the cabinet on Tuesday.', '2025-05-05'),
    ).toEqual(['Confidence motion']);
  });

  it('names the start of trading by its kind ("conditional trading ... is expected to start")', () => {
    expect(
      titlesOf(
        'The brewer said conditional trading in its shares is expected to start on May 14. Unconditional trading will commence on May 21.',
        '2025-05-05',
      ),
    ).toEqual(['Conditional trading', 'Unconditional trading']);
  });

  it('does not take a word of a law\'s name for the event ("the Electoral (Withdrawal) Bill")', () => {
    const [title] = titlesOf(
      'The Electoral (Withdrawal) Bill will start its committee stage on May 14, the leader of the house said.',
      '2025-05-05',
    );
    expect(title).not.toMatch(/^Withdrawal/);
  });
});

describe('a sale is named by what goes on sale, whoever the sale is for', () => {
  it('keeps who may buy and adds what is sold ("Tickets go on sale for the general public")', () => {
    expect(titlesOf('Tickets go on sale for the general public on May 9 at 10 a.m.', '2025-05-01')).toEqual([
      'Sale of tickets for the general public',
    ]);
  });

  it('reads "will go sale" with its "on" left out', () => {
    expect(titlesOf('Day passes for the festival will go sale at 10 a.m. on May 9.', '2025-05-01')).toEqual([
      'Sale of day passes',
    ]);
  });

  it('names nothing sold when the subject is a name or a pronoun ("It goes on sale")', () => {
    expect(titlesOf('It goes on sale for members on May 9.', '2025-05-01')[0]).not.toMatch(/ of it/i);
  });
});

describe('a match is named by its sides, past an apposition and by the side it is played against', () => {
  it('reads the home side over an apposition ("Rovers, based in the old port, will host United")', () => {
    expect(
      titlesOf(
        'Harbour Rovers, based in the old port, will host Lakeside United on May 10 in a game billed as the title decider.',
        '2025-05-01',
      ),
    ).toEqual(['Harbour Rovers v Lakeside United']);
  });

  it('takes the side after "a game against", not an earlier opponent of the clause', () => {
    expect(
      titlesOf(
        'Coach Ana Lisboa rested four regulars against the Pumas, with a game against Valley Rangers on May 10.',
        '2025-05-01',
      ),
    ).toEqual(['Game against Valley Rangers']);
  });

  it('keeps the side that stands by the noun as the home side ("for Wests with a game against the Titans")', () => {
    expect(
      titlesOf(
        'The season kicks off for Coastal City with a game against the Titans on May 10.',
        '2025-05-01',
      ),
    ).toEqual(['Coastal City v Titans']);
  });

  it('reads descriptions before the opponent, never a place ("against reigning champions North Star")', () => {
    expect(
      titlesOf(
        'They will play their first match against reigning champions North Star on May 10.',
        '2025-05-01',
      ),
    ).toEqual(['First match against North Star']);
    expect(
      titlesOf('They will play their first match with fans at Eastfield on May 10.', '2025-05-01')[0],
    ).not.toMatch(/Eastfield/);
  });
});

describe('an adjective that ends like an adverb says which kind of event', () => {
  it('keeps "early", "friendly" and "quarterly" before the event noun', () => {
    expect(titlesOf('The early voting is set for May 7.', '2025-05-01')).toEqual(['Early voting']);
    expect(titlesOf('The bank will publish quarterly results on May 7.', '2025-05-01')).toEqual([
      'Quarterly results',
    ]);
    expect(titlesOf('The side will play a friendly match on May 7 in Lima.', '2025-05-01')[0]).toMatch(
      /^Friendly match/,
    );
  });

  it('leaves out a frequency, which says how often and not which ("daily flights")', () => {
    expect(titlesOf('The airline will start daily flights to Dakar on May 7.', '2025-05-01')[0]).not.toMatch(
      /^Daily/,
    );
  });
});

describe('a gloss in brackets between a modifier and its noun is passed over', () => {
  it('keeps the modifier before the gloss ("snap (early) elections")', () => {
    expect(titlesOf('The council set the snap (early) elections for June 22.', '2025-05-01')).toEqual([
      'Snap elections',
    ]);
    expect(
      titlesOf('An extraordinary (special) session of the assembly will be held on May 24.', '2025-05-01'),
    ).toEqual(['Extraordinary session of the assembly']);
  });

  it('does not pass over a bracket that holds a name or a line label ("Tenerife (Canary Islands): two flights")', () => {
    expect(
      titlesOf('Tenerife (Canary Islands): two flights a week from May 18.', '2025-05-01')[0],
    ).not.toMatch(/Islands flights/);
  });
});
