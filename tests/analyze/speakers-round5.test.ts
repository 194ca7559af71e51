import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// Attribution classes of issue 13, round five, in texts of our own writing.

function attributionsOf(body: string): Array<[string | null, string | null]> {
  return analyzeBody(body, '2025-06-11').quotes.map((q) => [q.speaker, q.role]);
}

describe('a title in capitals after a plain qualifier is the role, not part of the name', () => {
  it('reads "opposition Legislator NAME" as the role and the name', () => {
    const body =
      '"The fee stays until we come back in September, whatever they promise," opposition Legislator Ana Quintero said.';
    expect(attributionsOf(body)).toEqual([['Ana Quintero', 'opposition Legislator']]);
  });

  it('keeps a word that says when out of the role', () => {
    const body =
      'The session closed yesterday Senator Paul Okafor told the press. "We will be back with the same bill next week," Okafor said.';
    expect(attributionsOf(body)).toEqual([['Paul Okafor', 'Senator']]);
  });
});

describe('a verb after a modal is no part of the role before a name', () => {
  it('leaves "might think" out of "you might think coach NAME"', () => {
    const body =
      'You might think coach Elin Berg would rest her captain. "Every game from now on is a final for this squad," Berg said.';
    expect(attributionsOf(body)).toEqual([['Elin Berg', 'coach']]);
  });
});

describe('a speech participle after a comma goes back to the subject of its clause', () => {
  it('gives "X fired Y, saying" to X, not to the last name before the verb', () => {
    const body =
      'On Monday, Marta Lindqvist dismissed her deputy, Olof Berg, saying the agency "cannot wait another year for the new system".';
    expect(attributionsOf(body)).toEqual([['Marta Lindqvist', null]]);
  });

  it('follows a pronoun subject to the person it stands for', () => {
    const body = [
      'Farid Haddad, the club president, met the players on Friday.',
      'He criticised the coach, Karim Nassar, for the defeat, saying "nobody in this club should accept a season like this one".',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Farid Haddad', 'club president']]);
  });
});

describe('a long name cut to a word inside it still finds its person', () => {
  it('finds the first of two surnames, not another name in the clause after it', () => {
    const body = [
      'The challenger, the lawyer Carlos Ruiz Medina, won the north of the city.',
      '"This city voted for change and it will vote for it again," said Ruiz, who lost the 2016 race to Joana Prates.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Carlos Ruiz Medina', 'lawyer']]);
  });

  it('finds a nickname inside the name after an opening phrase that names a place', () => {
    const body = [
      'The former president Luiz Marcos Zeca da Costa won the first round.',
      'Speaking at a hotel in central Campo Grande, Zeca, who governed until 2010, was defiant, declaring: "The fight goes on until the very last vote is counted."',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Luiz Marcos Zeca da Costa', 'former president']]);
  });
});

describe('the first words of a longer name are that person, written short', () => {
  it('gives the short form the role the full name was introduced with', () => {
    const body = [
      'Party Presidium Member Mirza Abdul Latif Khan told reporters the march would go ahead.',
      'Mirza Abdul said the police had no reason to stop it. "We will walk the same road again next week, permit or not."',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Mirza Abdul Latif Khan', 'Party Presidium Member']]);
  });

  it('leaves a short form two longer names begin with to neither', () => {
    const body = [
      'Ana Lucia Ferreira and Ana Lucia Prado both stood for the board.',
      'Ana Lucia said the vote was fair. "Nobody can say this count was done in the dark."',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Ana Lucia', null]]);
  });
});

describe('an outlet that quotes someone is not the speaker', () => {
  it('gives "the agency quoted NAME, who ..." to the one quoted, past a person the paragraph before names', () => {
    const body = [
      'The trade minister, Dilnoza Karimova, said her team had new figures.',
      'However, the deputy prime minister, Jamshid Usmonov, asked the negotiators to hurry.',
      '"We came with a smaller number and we expect the other side to do the same," the agency quoted Karimova, who declined to give it.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Dilnoza Karimova', 'trade minister']]);
  });
});

describe('after a quote, a sentence that goes on names its speaker after the last comma', () => {
  it('gives "… and NAME at PLACE, the presidency said" to the presidency', () => {
    const body =
      'The army chiefs "reaffirmed their full loyalty to the constitution and the government" and President Samuel Banda at State House in Lilongwe, the presidency said.';
    expect(attributionsOf(body)).toEqual([['presidency', null]]);
  });

  it('reads an alliance as a body speaking, not as a description of the last person', () => {
    const body =
      'Samuel Banda spoke on the radio. The walkout "has nothing to do with the army and everything to do with the money" and Banda knows it, the opposition alliance said.';
    expect(attributionsOf(body)).toEqual([['opposition alliance', null]]);
  });

  it('keeps a name and its apposition before the verb as one speaker', () => {
    const body =
      '"The second round of these elections will include more than a hundred districts," Amina Tlili, the spokesperson of the commission said.';
    expect(attributionsOf(body)[0]?.[0]).toBe('Amina Tlili');
  });
});

describe('a role before a name keeps what belongs to it and nothing more', () => {
  it('leaves a form of address after the role out of it', () => {
    const body = [
      'Addressing reporters, NEC chairperson Justice Ruvimbo Makoni said: "Candidates may collect their forms from any district office tomorrow."',
      'Senate President Senator Tendai Mhlanga agreed. "No member will have to choose between a campaign and a vote," Mhlanga said.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      ['Ruvimbo Makoni', 'NEC chairperson'],
      ['Tendai Mhlanga', 'Senate President'],
    ]);
  });

  it('keeps a title that only looks like one after a modifier ("Chief Justice")', () => {
    const body =
      'Chief Justice Amara Diallo opened the term. "This court will hear every appeal before the end of June," Diallo said.';
    expect(attributionsOf(body)).toEqual([['Amara Diallo', 'Chief Justice']]);
  });

  it("keeps a body's initials in brackets inside the role", () => {
    const body =
      'United People\'s Movement (UPM) counsel Farai Dube filed the appeal. "Three weeks is not enough to print a single ballot," Dube said.';
    expect(attributionsOf(body)).toEqual([['Farai Dube', "United People's Movement (UPM) counsel"]]);
  });
});

describe('a document speaks for the one reported putting it out', () => {
  it('gives "the notice stressed" to the person who issued the notice', () => {
    const body = [
      'The harbour master, Aroha Whaanga, in a notice sent on Sunday, ordered all small boats out of the inner harbour.',
      '"Any vessel still at the inner berths after noon will be towed at the owner\'s expense," the notice stressed.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Aroha Whaanga', 'harbour master']]);
  });

  it('gives "the letter said" to the one who wrote a letter, not to the body it went to', () => {
    const body =
      'Trawler skipper Mikaere Ruatapu wrote a letter to the regional council. "We were given twelve hours to move a whole fleet," the letter said.';
    expect(attributionsOf(body)).toEqual([['Mikaere Ruatapu', 'Trawler skipper']]);
  });

  it('lets a statement no person issued stay the body’s', () => {
    const body = [
      'Trawler skipper Mikaere Ruatapu wrote a letter to the council.',
      'The Regional Council issued a statement on Monday. "Every berth holder was warned two days before the storm," the statement said.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Regional Council', null]]);
  });
});

describe('a description that speaks is the person the next paragraph names first', () => {
  const body = [
    "Denmark's minister, Anders Holm, chaired the talks.",
    'Iceland\'s fisheries minister made clear that her patience was running out, saying that "a quota set by the slowest member is no quota at all".',
    '"We came here with a number the scientists could defend," Sigrun Palsdottir said.',
  ].join('\n\n');

  it('gives the description and the named quotes to that person, with the description as role', () => {
    expect(attributionsOf(body)).toEqual([
      ['Sigrun Palsdottir', "Iceland's fisheries minister"],
      ['Sigrun Palsdottir', "Iceland's fisheries minister"],
    ]);
  });

  it('leaves a person named before the description as they are', () => {
    const named = [
      'Sigrun Palsdottir arrived late.',
      'Iceland\'s fisheries minister made clear that her patience was running out, saying that "a quota set by the slowest member is no quota at all".',
      '"We came here with a number the scientists could defend," Sigrun Palsdottir said.',
    ].join('\n\n');
    expect(attributionsOf(named)).toEqual([
      ["Iceland's fisheries minister", 'fisheries minister'],
      ['Sigrun Palsdottir', null],
    ]);
  });
});

describe('an epithet written before a name inside quoted speech is no part of the name', () => {
  it('gives the name the story uses, not the one a rival put in a quote', () => {
    const body = [
      '"This motion gives Spendthrift Mariana Costa one more chance to stand with working families," opposition leader Daniel Whitford said.',
      'Greens Leader Mariana Costa dismissed it. "If he wants my words he can read the whole speech, not one line," Costa said.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      ['Daniel Whitford', 'opposition leader'],
      ['Mariana Costa', 'Greens Leader'],
    ]);
  });

  it('keeps a three-word name the story itself writes', () => {
    const body = [
      'Club president Ana Maria Costa opened the meeting; Maria Costa, her cousin, chaired it.',
      '"We have the money to finish the stand by the spring," Ana Maria Costa said.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Ana Maria Costa', 'Club president']]);
  });
});

describe('a form of address alone before a name yields to the apposition after it', () => {
  it('takes "chairperson of the tribunal" over "Judge", even with the closing comma missing', () => {
    const body =
      'Judge Thandeka Mokoena, chairperson of the tribunal said the delay could not be avoided. "The tribunal owes it to the public to finish this matter properly," said Mokoena.';
    expect(attributionsOf(body)).toEqual([['Thandeka Mokoena', 'chairperson of the tribunal']]);
  });

  it('keeps the form of address when nothing follows the name', () => {
    const body =
      'Judge Thandeka Mokoena adjourned the case. "The tribunal owes it to the public to finish this properly," she said.';
    expect(attributionsOf(body)).toEqual([['Thandeka Mokoena', 'Judge']]);
  });
});
