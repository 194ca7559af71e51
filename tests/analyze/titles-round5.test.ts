import { describe, expect, it } from 'vitest';
import { passiveTitle } from '../../src/analyze/event-passive.ts';
import { analyzeBody } from './analyze-body.ts';

// Title classes of issue 13, round five, in texts of our own writing.

function titlesOf(body: string, published: string): string[] {
  return analyzeBody(body, published).events.map((e) => e.title);
}

/** The passive title of a clause whose date is the text after its last "on". */
function passiveOf(clause: string) {
  return passiveTitle(clause, clause.lastIndexOf(' on ') + 4);
}

describe('an event told in the passive is named by what is acted on', () => {
  it('names a publication by what is published ("The provisional register of electors will be published on March 3")', () => {
    expect(
      titlesOf(
        'The provisional register of electors will be published on March 3, the office said.',
        '2025-02-24',
      ),
    ).toEqual(['Publication of the provisional register of electors']);
  });

  it('names an allocation by what is allocated, not by an event noun that only qualifies it ("ballot symbols")', () => {
    expect(
      titlesOf(
        'The commission said ballot symbols will be allocated to the parties on March 10.',
        '2025-02-24',
      ),
    ).toEqual(['Allocation of ballot symbols']);
  });

  it('reads a doubled consonant ("allotted") and a line that opens with a capital ("Electoral symbols")', () => {
    expect(passiveOf('- Electoral symbols will be allotted to political parties on Jan 13')).toEqual({
      title: 'Allotment of electoral symbols',
      head: 'allotment',
    });
  });

  it('tells a debate "on" its subject, after the clause that reports it ("confirmed that the motion will be debated")', () => {
    expect(
      titlesOf(
        'In a statement, the whip confirmed that the second confidence motion will be debated on Thursday.',
        '2025-02-24',
      ),
    ).toEqual(['Debate on the second confidence motion']);
  });

  it('keeps the event noun of a subject that is an event already ("The hearing will be held")', () => {
    expect(passiveOf('The hearing will be held on March 20')).toBeNull();
    expect(titlesOf('The hearing will be held on March 20 at the High Court.', '2025-02-24')).toEqual([
      'Hearing',
    ]);
  });

  it('leaves a named subject, a pronoun, a quantity and a relative clause to the other rules', () => {
    expect(passiveOf('The Union Budget will be presented on Saturday')).toBeNull();
    expect(passiveOf('The Harbour – Kestrel deal will now be heard on October 27')).toBeNull();
    expect(passiveOf('It will be published on Friday')).toBeNull();
    expect(passiveOf('A significant amount will be delivered to customers on Friday')).toBeNull();
    expect(passiveOf('A cantata that was believed lost will be performed on Friday')).toBeNull();
  });

  it('does not take the last item of a list for the subject ("treaties, and contracts is to be heard")', () => {
    expect(passiveOf('a suit over loans, treaties, and contracts is to be heard on Monday')).toBeNull();
  });
});

describe('a deadline is named by what must be done by then', () => {
  it('names a time limit by its purpose ("has until March 18 to rule on the complaint")', () => {
    const body =
      "The labour board, which heard the claim last week, now has until March 18 to rule on the union's complaint.";
    expect(titlesOf(body, '2025-03-10')).toEqual(["Deadline to rule on the union's complaint"]);
  });

  it('names an ultimatum by what is asked, keeping a count in the object ("until June 20 to submit 2,140 signatures")', () => {
    expect(
      titlesOf(
        'The recall committee has until June 20 to submit 2,140 valid signatures, the clerk said.',
        '2025-06-01',
      ),
    ).toEqual(['Deadline to submit 2,140 valid signatures']);
    expect(
      titlesOf(
        'The province has given the nurses until 5 p.m. on Friday to accept the revised offer, or talks end.',
        '2025-03-10',
      ),
    ).toEqual(['Deadline to accept the revised offer']);
  });

  it('names an obligation met "by" a date, with who must meet it when that is short ("Greece needs to enact measures by")', () => {
    expect(
      titlesOf(
        'Lenders say Greece needs to enact measures such as spending cuts by Wednesday.',
        '2025-03-10',
      ),
    ).toEqual(['Deadline for Greece to enact measures']);
    expect(
      titlesOf('Delegations have until May 24 to send written amendments, a calendar shows.', '2025-05-01'),
    ).toEqual(['Deadline for delegations to send written amendments']);
  });

  it('keeps "Deadline" when the clause says nothing of what ("They must do so by this Friday")', () => {
    expect(titlesOf('They must do so by this Friday, the regulator said.', '2025-03-10')).toEqual([
      'Deadline',
    ]);
  });
});

describe("a bare event noun takes the story's name for it", () => {
  it('reads a named event in capitals before its verb ("the Harbour Jazz Festival draws a crowd")', () => {
    const body = [
      'Every summer the Harbour Jazz Festival draws a crowd that doubles the town for a weekend.',
      'The festival will run from April 17 to April 21, with forty acts on four stages.',
    ].join('\n\n');
    expect(titlesOf(body, '2025-01-20')).toEqual(['Harbour Jazz Festival']);
  });

  it('takes a name told once with the noun when the story repeats it alone, without "this year\'s"', () => {
    const body = [
      'The council has withdrawn a noise permit for the river flat.',
      'The estate’s first families moved in last spring.',
      "The decision means this year's Riverbend Blues festival has lost its main stage.",
      'Riverbend Blues began in a pub car park in 2009.',
      'The organiser said the festival will still take place on March 8 at the domain.',
    ].join('\n\n');
    expect(titlesOf(body, '2025-02-11')).toEqual(['Riverbend Blues festival']);
  });

  it('still reads a noun before another noun as its modifier, not the event ("the Unite strike fund")', () => {
    const body = [
      'The union said on Monday that members had voted for action.',
      'Later, the Unite strike fund was topped up. The strike will begin on June 26.',
    ].join('\n\n');
    expect(titlesOf(body, '2025-06-02')).toEqual(['Strike']);
  });
});

describe('a numbered part is named with its whole', () => {
  it('names each stage with the strike it belongs to ("Stage one of the planned dock strike ... Stage two ...")', () => {
    const body = [
      'Stage one of the planned dock strike, which would halt container handling, will begin at 6am on Monday, the union said.',
      'Stage two, covering the ferry berths, is set for March 19, and stage three, covering the whole port, has been pushed back to March 24.',
    ].join('\n\n');
    expect(titlesOf(body, '2025-03-12')).toEqual([
      'Dock strike stage one',
      'Dock strike stage two',
      'Dock strike stage three',
    ]);
  });

  it('does not take the part of the next coordinated clause for the date\'s ("set for March 19, and stage three")', () => {
    const body = 'Stage two is set for March 19, and stage three has been pushed back to March 24.';
    expect(titlesOf(body, '2025-03-12')).toEqual(['Stage two', 'Stage three']);
  });

  it('leaves a numbered round that names no whole as it is ("round one due to start on March 16")', () => {
    expect(
      titlesOf('The stadium is under pressure with round one due to start on March 16.', '2022-12-08'),
    ).toEqual(['Round one']);
  });
});

describe('a list of shows under a heading of its fields', () => {
  const story = (heading: string) =>
    [
      'Folk trio the Marlow Sisters say they will end their Tidewater tour with Irish dates.',
      'The trio played to 40,000 people this spring.',
      '"We want to finish where we started," said Aoife Marlow.',
      'Support on all dates comes from Niall Regan.',
      heading,
      "Friday, October 3: Dolan's Warehouse, Limerick",
      'Saturday, October 4: Cyprus Avenue, Cork',
    ].join('\n\n');

  it('names the lines under "VENUES AND DATES" the shows of the tour the story names', () => {
    expect(titlesOf(story('VENUES AND DATES'), '2025-06-02')).toEqual([
      "Tidewater tour show, Dolan's Warehouse",
      'Tidewater tour show, Cyprus Avenue',
    ]);
  });

  it('does not make the lines under "Fixtures" the shows of a tour', () => {
    expect(titlesOf(story('Fixtures'), '2025-06-02')).toEqual([
      "Dolan's Warehouse, Limerick",
      'Cyprus Avenue, Cork',
    ]);
  });
});

describe('a release is named by the work released', () => {
  it('takes the name in apposition before the noun ("Harbour Lights, the band\'s third studio album, will be released")', () => {
    expect(
      titlesOf("Harbour Lights, the band's third studio album, will be released on May 9.", '2025-04-07'),
    ).toEqual(['Album Harbour Lights']);
  });

  it('takes the name quoted after the noun ("his solo album \'Coming Home To You\' on March 22")', () => {
    expect(
      titlesOf("The singer is set to release his solo album 'Coming Home To You' on March 22.", '2025-02-08'),
    ).toEqual(['Album Coming Home To You']);
  });

  it('keeps the title of a work given no name ("The new film opens on June 6")', () => {
    expect(titlesOf("The director's new film opens in cinemas on June 6.", '2025-04-07')).toEqual([
      "Director's new film",
    ]);
  });
});

describe('an event noun and its date are one head', () => {
  it('keeps the kind of date and what it is for ("the cut-off date for voter registration")', () => {
    expect(titlesOf('The cut-off date for voter registration is March 3.', '2025-02-20')).toEqual([
      'Cut-off date for voter registration',
    ]);
    expect(titlesOf('The closing date for nominations is March 3.', '2025-02-20')).toEqual([
      'Closing date for nominations',
    ]);
  });

  it('leaves the dates of several meetings to the meeting ("The meeting dates for 2025 are ...")', () => {
    expect(titlesOf('The meeting dates for 2025 are Feb. 5-6 and March 18-19.', '2024-12-01')).toEqual([
      'Meeting',
      'Meeting',
    ]);
  });
});

describe('a gathering is named by what it is for', () => {
  it('adds the purpose after the date ("is to meet on Friday to consider a motion to dismiss the president")', () => {
    expect(
      titlesOf(
        'The chamber is to meet on Friday to consider a motion to dismiss the president.',
        '2025-05-06',
      ),
    ).toEqual(['Meeting to consider a motion']);
  });

  it('drops a possessor to keep the title short ("to choose the country\'s next prime minister")', () => {
    expect(
      titlesOf(
        "The Diet is to convene a special session next Wednesday to choose the country's next prime minister.",
        '2025-05-06',
      ),
    ).toEqual(['Special session to choose next prime minister']);
  });

  it('adds no purpose that is not a deliberation ("will meet on Friday to mark the anniversary")', () => {
    expect(titlesOf('The board will meet on Friday to mark the anniversary.', '2025-05-06')).toEqual([
      'Board meeting',
    ]);
  });
});

describe('a day named by its kind is an event', () => {
  it('names "an opposition day" and "a members\' day", not the next event noun', () => {
    expect(
      titlesOf('The Greens will have an opposition day on Wednesday and plan to force a vote.', '2025-03-24'),
    ).toEqual(['Opposition day']);
    expect(
      titlesOf(
        "The house will hold a members' day on April 2, when a ballot of bills is drawn.",
        '2025-03-24',
      ),
    ).toEqual(['Members day']);
  });

  it('does not make a day of "the same day" or "a busy day"', () => {
    expect(titlesOf('The strike ended the same day, on March 3.', '2025-02-24')).toEqual(['Strike']);
    expect(titlesOf('Candidates face a busy day on March 3.', '2025-02-24')).not.toContain('Busy day');
  });
});

describe('a word that starts like a month is no date', () => {
  it('keeps "Junior", "capital markets", "Octopus", "separate" in a title', () => {
    expect(titlesOf("The junior doctors' strike will begin on March 3.", '2025-02-24')).toEqual([
      'Junior doctors strike',
    ]);
    expect(titlesOf('The company will hold a capital markets day in Oslo on March 7.', '2025-02-24')).toEqual(
      ['Capital markets day'],
    );
    expect(titlesOf('The Octopus Energy results will be published on March 3.', '2025-02-24')).toEqual([
      'Octopus Energy results',
    ]);
  });

  it('still reads the months and their short forms as dates ("Sept. 3", "3 Sept")', () => {
    expect(titlesOf('The summit opens on 3 Sept.', '2025-02-24')).toEqual(['Summit']);
    expect(titlesOf('The vote is on Sept. 3.', '2025-02-24')).toEqual(['Vote']);
  });
});
