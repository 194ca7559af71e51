import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// Title classes of issue 13, round seven, in texts of our own writing.

function titlesOf(body: string, published: string): string[] {
  return analyzeBody(body, published).events.map((e) => e.title);
}

describe('a deliberation is named by what it is about ("the vote on the third reading")', () => {
  it('keeps the topic after "on" of a vote, a debate, a hearing and a referendum', () => {
    expect(
      titlesOf('The vote on the third reading of the bill is expected on June 20 at 5 p.m.', '2025-06-02'),
    ).toEqual(['Vote on the third reading of the bill']);
    expect(
      titlesOf(
        'Senators will open the debate on the second reading of the Finance Bill on June 11.',
        '2025-06-02',
      ),
    ).toEqual(['Debate on the second reading of Finance Bill']);
    expect(
      titlesOf('The tribunal adjourned the hearing on the licence appeal till June 14.', '2025-06-02')[0],
    ).toMatch(/^Hearing on the licence appeal/);
    expect(titlesOf('A referendum on the new charter is planned for July 5.', '2025-06-02')).toEqual([
      'Referendum on the new charter',
    ]);
  });

  it('reaches the deliberation over the complement it is about ("the vote on the Second Reading of the Budget")', () => {
    expect(
      titlesOf('Then the vote on the Second Reading of the Budget will be taken on June 14.', '2025-06-02'),
    ).toEqual(['Vote on the Second Reading of the Budget']);
  });

  it('does not take a day, a time or a gerund after "on" for the topic', () => {
    expect(titlesOf('The hearing on Thursday, June 12, will be public.', '2025-06-02')).toEqual(['Hearing']);
    expect(
      titlesOf(
        'Lawmakers recess from June 23, after a majority vote on the matter this week.',
        '2025-06-02',
      )[0],
    ).not.toMatch(/this week/);
  });
});

describe('a number of days is a length, not the occasion', () => {
  it('names the vote, not "two days of committee work", after the date', () => {
    expect(
      titlesOf(
        'The vote on the budget is expected on June 20, after two days of committee work.',
        '2025-06-02',
      ),
    ).toEqual(['Vote on the budget']);
  });
});

describe('a date written before a noun makes that noun the occasion ("the August 23 harmonised elections")', () => {
  it('takes the event noun the date modifies over the one before it', () => {
    expect(
      titlesOf(
        'Papers will be filed on Monday, opening the race for the August 9 governorship election.',
        '2025-06-02',
      )[1],
    ).toBe('Governorship election');
    expect(
      titlesOf('All is set for the start of the race for the August 23 harmonised elections.', '2025-06-02'),
    ).toEqual(['Elections']);
  });

  it('takes a plain noun with the complement that says which ("the rocket\'s planned August 1 journey towards the Moon")', () => {
    expect(
      titlesOf(
        'Engineers are ready for the probe’s planned August 1 journey towards the Moon after the burn.',
        '2025-06-02',
      ),
    ).toEqual(['Journey towards the Moon']);
    expect(
      titlesOf(
        'Crews will inspect the jetty ahead of the council’s July 20 handover of the ferry to the port.',
        '2025-06-02',
      ),
    ).toEqual(['Handover of the ferry']);
    expect(
      titlesOf('The governor will lead the 12 July charity walk along the seafront.', '2025-06-02'),
    ).toEqual(['Charity walk']);
  });

  it('leaves a date set off by a comma or after a preposition to the rules of the clause', () => {
    expect(titlesOf('The summit opens on June 9, the day the talks end.', '2025-06-02')).toEqual(['Summit']);
  });
});

describe('what has been postponed, delayed or moved to the day is the occasion', () => {
  it('names a plain subject moved to the date over a noun told after it', () => {
    expect(
      titlesOf(
        'The new bus timetable has been pushed back to July 1 after the depot failed its safety trials.',
        '2025-06-02',
      ),
    ).toEqual(['Bus timetable']);
    expect(
      titlesOf(
        'Harbourside Holdings’ audited financials have been delayed to June 30, the exchange said.',
        '2025-06-02',
      ),
    ).toEqual(['Harbourside Holdings’ audited financials']);
  });

  it('reads the subject over an aside, not over a list', () => {
    expect(
      titlesOf(
        'The paving tender, delayed once already, has been moved to June 20 after bidders asked for time.',
        '2025-06-02',
      ),
    ).toEqual(['Paving tender']);
    expect(
      titlesOf(
        'The strike is in three stages, and stage two, affecting the metro, buses and trams near the port, has been postponed to June 19 at 3pm.',
        '2025-06-02',
      )[0],
    ).not.toMatch(/trams|port/);
  });
});

describe('a match is named by its two sides when the report or the opponent is told in more words', () => {
  it('reads "would play" and a description before the opponent ("will face promoted Nasr")', () => {
    expect(titlesOf('The union said the Pumas would play Italy in Rosario on July 6.', '2025-06-02')).toEqual(
      ['Pumas v Italy'],
    );
    expect(
      titlesOf('Leaders Sparta will face promoted Zlin on July 12, the league said.', '2025-06-02'),
    ).toEqual(['Leaders Sparta v Zlin']);
  });

  it('takes a noun inside the description of a side for no event ("defending cup holders")', () => {
    expect(
      titlesOf(
        'Champions Ferencvaros will take on defending cup holders Paks on July 19 in Budapest.',
        '2025-06-02',
      ),
    ).toEqual(['Champions Ferencvaros v Paks']);
  });

  it('takes no count and no description in capitals for the opponent', () => {
    const [first] = titlesOf('England will play three Test matches against India from July 4.', '2025-06-02');
    expect(first).not.toMatch(/ v Test/);
    const [second] = titlesOf(
      'Australia will also host fellow World Cup pool rivals Georgia in Sydney on July 20.',
      '2025-06-02',
    );
    expect(second).not.toBe('Australia v World Cup');
  });
});

describe('the first or last of a kind keeps its word ("the opening session", "the closing ceremony")', () => {
  it('keeps "opening" and "closing" before an event noun', () => {
    expect(titlesOf('The opening session on 3 June will be largely procedural.', '2025-06-02')).toEqual([
      'Opening session',
    ]);
    expect(titlesOf('The closing ceremony is set for June 19 in the main square.', '2025-06-02')[0]).toMatch(
      /^Closing ceremony/,
    );
  });
});

describe('a campaign is an occasion with a start ("The campaign of the presidential election will start")', () => {
  it('names the campaign, not the election it is of', () => {
    expect(
      titlesOf(
        'The campaign of the local elections will officially start on Saturday, the commission said.',
        '2025-06-02',
      ),
    ).toEqual(['Campaign of the local elections']);
  });
});

describe('a day set "as the date for" something is named by that something', () => {
  it('takes the occasion of the complement, not the date noun', () => {
    expect(
      titlesOf(
        'The commission proclaimed June 20 as the date for the sitting of nomination courts, to receive papers.',
        '2025-06-02',
      ),
    ).toEqual(['Sitting of nomination courts']);
    expect(titlesOf('The court set June 9 as the date for the start of the trial.', '2025-06-02')).toEqual([
      'Start of the trial',
    ]);
  });

  it('names the day "when" something is done by that action', () => {
    expect(
      titlesOf('The president fixed June 14 as the date when the Nomination Courts would sit.', '2025-06-02'),
    ).toEqual(['Nomination Courts sitting']);
  });
});
