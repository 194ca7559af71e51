import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// Attribution classes of issue 13, round four, in texts of our own writing.

function attributionsOf(body: string): Array<[string | null, string | null]> {
  return analyzeBody(body, '2025-03-12').quotes.map((q) => [q.speaker, q.role]);
}

describe('titles written inside a name are no part of it', () => {
  it('leaves a shortened title and the place before it out of the name, and keeps them as the role', () => {
    const body =
      '"We will keep the clinics open all winter," said Vermont Gov. Ruth Alvarez, who toured two of them.';
    expect(attributionsOf(body)).toEqual([['Ruth Alvarez', 'Vermont Gov.']]);
  });

  it('prefers the apposition to a bare shortened title as the role', () => {
    const body =
      'Sen. Marcus Bell, chair of the farm committee, was blunt. "This bill leaves growers worse off than before," Bell said.';
    expect(attributionsOf(body)).toEqual([['Marcus Bell', 'chair of the farm committee']]);
  });

  it('leaves the portfolio of a "Minister of State for" title out of the name', () => {
    const body =
      'Minister of State for Tourism Kwame Asante opened the fair. "Visitors come for the beaches and stay for the food," Asante said.';
    expect(attributionsOf(body)).toEqual([['Kwame Asante', 'Minister of State for Tourism']]);
  });

  it('reads "Managing Director and Chief Executive Officer, NAME" as a role followed by the name', () => {
    const body =
      '"Our order book has never been this full in March," says Nordlys Freight Managing Director and Chief Executive Officer, Ingrid Solberg.';
    expect(attributionsOf(body)).toEqual([
      ['Ingrid Solberg', 'Nordlys Freight Managing Director and Chief Executive Officer'],
    ]);
  });

  it('leaves a religious title or honorific out of the name', () => {
    const body = [
      'Archbishop Samuel Otieno led the service. "The city has grieved enough and must now rebuild," Otieno said.',
      'Ayatollah Hassan Rahimi sent a message. "Patience is the first duty of every believer this month," Rahimi said.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Samuel Otieno', 'Hassan Rahimi']);
  });
});

describe('a family name written first', () => {
  it('gives "Mr Lim said" to the one person whose full name begins with Lim', () => {
    const body = [
      'Trade Minister Lim Chee Keong will visit Jakarta next month.',
      '"The two ports should be run as one market for containers," said Mr Lim on Tuesday.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Lim Chee Keong', 'Trade Minister']]);
  });

  it('reads "Tan" as a family name, and as an honorific only in "Tan Sri"', () => {
    const body = [
      'Housing Minister Tan Hui Min and Tan Sri Rahman Idris, a former judge, toured the estate.',
      '"Every family on the waiting list will have an offer by December," Ms Tan said.',
      '"The courts should not have to decide where people may live," Rahman said.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Tan Hui Min', 'Rahman Idris']);
  });
});

describe('an organisation that speaks at the end of a sentence, then as "it"', () => {
  it('remembers a body that "clarified" or "warned" after its name and acronym, for "it said"', () => {
    const body = [
      'No fare rise is planned this year, the Metropolitan Transit Board (MTB) clarified on Friday.',
      '"Fares will stay where they are until the next budget has been agreed," it said.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Metropolitan Transit Board']);
  });

  it('gives a quote that opens a paragraph to the body the last sentence reports speaking, not a person it names', () => {
    const body = [
      'The closure of the bridge is temporary, the Lakes Roads Agency confirmed on Monday.',
      'It said the work would take six weeks, after Mayor Priya Nair told residents it could take a year.',
      '"Traffic will be sent over the old ferry road while the deck is replaced."',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Lakes Roads Agency']);
  });

  it('keeps a quote that opens a paragraph with the person the last sentence reports speaking', () => {
    const body = [
      'Mayor Priya Nair said the bridge would reopen in spring, after the Lakes Roads Agency confirmed the work.',
      '"We have waited long enough for this crossing to be made safe."',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Priya Nair']);
  });
});

describe('a body called by a short form of its name', () => {
  it('gives "a statement issued by the Bank" to the one bank the article names in full', () => {
    const body = [
      'The Bank of Namibia kept its repo rate at 7 percent, said Governor Johannes Gawaxab, head of the Central Bank.',
      'A statement issued by the Bank said: "The next decision will be announced after the August meeting of the committee."',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Bank of Namibia']);
  });

  it('gives "a Public Service Commission circular says" to the commission by its full name', () => {
    const body = [
      'The Public Service Commission of Fiji has opened 300 nursing posts.',
      '"Applications close at the end of the month and interviews follow in October," a Public Service Commission circular says.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Public Service Commission of Fiji']);
  });

  it('leaves a short form alone when two bodies of the article could be meant', () => {
    const body = [
      'The Bank of Namibia and the Bank of Botswana both held their rates.',
      '"Inflation is expected to stay inside the target range for the rest of the year," the Bank said.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Bank']);
  });
});

describe('places and bodies are not read as people', () => {
  it('gives "said Saudi aviation minister X" to X, not to the country whose adjective comes first', () => {
    const body = [
      'Saudi Arabia will host the next round of talks, its foreign ministry said.',
      '"The talks will go on until every side has been heard," said Saudi energy minister Omar Al-Rashid.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Omar Al-Rashid', 'Saudi energy minister']]);
  });

  it('reads "X spokeswoman Y" as a body and its spokeswoman, so "the company said" is the body', () => {
    const body = [
      'Output at the smelter fell by a third, Torvik Alder said in a statement. Torvik Alder spokeswoman Hanna Berg said repairs had begun.',
      '"The furnace will be back at full power by the end of the month," the company said.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Torvik Alder']);
  });

  it('finds no person in the name of a body after "of" ("Organisation of Andean Cooperation")', () => {
    const body = [
      'Lucia Quispe, secretary general of the Organisation of Andean Cooperation, spoke at an Andean trade fair.',
      '"Our members trade more with Europe than with each other, and that must change."',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Lucia Quispe']);
  });
});

describe('a name inside the quoted words is not who speaks next', () => {
  it('gives a quote that opens a paragraph to the one who spoke before, not to a name in what they said', () => {
    const body = [
      '"Tolls on the new bridge will be lower than on the old one," said Transport Minister Rui Alves.',
      '"Next month you will see Prime Minister Sofia Neves open the first lane," he said.',
      '"Every driver who crosses the river each day will save an hour."',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Rui Alves', 'Rui Alves', 'Rui Alves']);
  });
});

describe('a speaker the story goes on about as "she" or signs after a dash', () => {
  it('keeps an acronym in brackets inside the role written after a name', () => {
    const body =
      'Rosa Delgado, Chair of the National Electoral Council (NEC) of Panama, said on Monday: "The count will be finished by Friday night at the latest."';
    expect(attributionsOf(body)).toEqual([
      ['Rosa Delgado', 'Chair of the National Electoral Council (NEC) of Panama'],
    ]);
  });

  it('gives a quote after "She noted that ..." to the woman the story last reported speaking', () => {
    const body = [
      'Grace Owusu, head of the ports authority, has announced that the new terminal is ready.',
      'She noted that the first ships would dock there in the spring.',
      '"We have built it in two years and under budget, which nobody believed we could do."',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Grace Owusu']);
  });

  it('gives a quote signed "– NAME" at the end of its paragraph to that person', () => {
    const body = [
      'Grace Owusu, head of the ports authority, and Daniel Mensah, the port workers union leader, met on Friday.',
      '"The new cranes will not cost a single job at the old terminal". – Grace Owusu',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Grace Owusu']);
  });
});

describe('a name after a link word and a title is an object, not who "he" is', () => {
  it('gives "he said" to the one who spoke, not to the one something was "approved by"', () => {
    const body = [
      'Assembly Speaker Ruth Njeri said the sitting had been moved to allow a committee to finish its report.',
      'She said the change was approved by Prime Minister Datuk Seri Hamid Yusof on Monday.',
      '"Members have been sent the new dates and the timetable of the committee," she said.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Ruth Njeri', 'Assembly Speaker']]);
  });

  it('reads the role before "Hon." as the role of the name after it', () => {
    const body =
      '"The budget will pass before the end of the month," said Majority Leader Hon. Peter Wambua.';
    expect(attributionsOf(body)).toEqual([['Peter Wambua', 'Majority Leader']]);
  });
});

describe('a role as printed, not cut short', () => {
  it('keeps "of" inside a title in capitals before a name', () => {
    const body =
      '"Rates will stay where they are for now," Central Bank of Kenya Governor Amina Odhiambo told reporters.';
    expect(attributionsOf(body)).toEqual([['Amina Odhiambo', 'Central Bank of Kenya Governor']]);
  });

  it('keeps two roles joined by "and" in an apposition, but not a clause after "and"', () => {
    const body = [
      '"The festival will go online this year and stay free," said Marie Dubois, president and founder of the festival.',
      '"We have sold every ticket for the first night," said Omar Haddad, a producer and he added that more shows would follow.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      ['Marie Dubois', 'president and founder of the festival'],
      ['Omar Haddad', 'producer'],
    ]);
  });

  it('reads a hyphenated compound of a role as a role ("deputy-mayor", "co-founder")', () => {
    const body =
      '"The tram will reach the harbour by the end of the year," said Ines Costa, Porto deputy-mayor.';
    expect(attributionsOf(body)).toEqual([['Ines Costa', 'Porto deputy-mayor']]);
  });

  it('gives a role before a list of names to each in the singular', () => {
    const body =
      'The bill was written by Green Party senators Ana Lopes and Rui Sousa. "It puts the rivers first and the dams second," Lopes said.';
    expect(attributionsOf(body)).toEqual([['Ana Lopes', 'Green Party senator']]);
  });

  it('reads a long body name in capitals before the role noun as part of the role', () => {
    const body =
      'Chairperson of the National Electoral Commission of Liberia, Davidetta Browne, said: "Every ballot will be counted in public view."';
    expect(attributionsOf(body)).toEqual([
      ['Davidetta Browne', 'Chairperson of the National Electoral Commission of Liberia'],
    ]);
  });
});

describe('the owner of a role in an apposition is not the one speaking', () => {
  it('gives "X, Y\'s lawyer, told the court ... he added" to X, not to Y', () => {
    const body = [
      'Former minister Rashid Karim appealed against the ruling.',
      'Omar Siddiqui, Rashid\'s lawyer, told the court that four appeals were pending. "Of all these appeals, this one matters most to my client," he added.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Omar Siddiqui']);
  });
});

describe('judges called by title, initials or "the judge"', () => {
  it('gives "The CJ went on to say ... she said" to the Chief Justice, not to the lawyer quoted before', () => {
    const body = [
      'Chief Justice (CJ) Maria Santos remarked that the court needed the audit first.',
      'Rui Pinto, the petitioners\' lawyer, said the audit was late. "Every week of delay costs the families more," he added.',
      'The CJ went on to say that the auditor had missed a deadline. "We expect the audit within two weeks, not two months," she said.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      ['Rui Pinto', "petitioners' lawyer"],
      ['Maria Santos', 'Chief Justice'],
    ]);
  });

  it('gives "the judge said" to a Justice the paragraph reports speaking', () => {
    const body = [
      'Chief Justice Ana Ruiz opened the session.',
      'Justice Peter Mwangi, sitting with her, asked who had set the new fees. "Was anyone consulted before the fees were raised for every family?" the judge asked.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Peter Mwangi', 'Justice']]);
  });
});

describe('a leading subordinate clause does not name the actor', () => {
  it('gives "she insisted" to the main clause subject, not to the one in "When X mentioned ..."', () => {
    const body = [
      'Judge Carmen Salazar chaired the panel. Lawyer Diego Paredes wanted more time. When Paredes mentioned it again, Salazar refused at once.',
      '"This inquiry has waited two years and will not wait another month," she insisted.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Carmen Salazar']);
  });

  it('keeps "bench comprising justices" out of the role', () => {
    const body =
      'The bench comprising justices Leila Haddad and Omar Nasser heard the case. "We will not grant any more time to either side," Haddad said.';
    expect(attributionsOf(body)).toEqual([['Leila Haddad', 'justice']]);
  });
});

describe('a body named before a title and a name', () => {
  it('reads "Bangko Sentral ng Pilipinas Governor NAME" as the governor, with the whole title as the role', () => {
    const body =
      '"Our next decision will follow inflation at home, not abroad," Bangko Sentral ng Pilipinas Governor Ramon Villanueva said.';
    expect(attributionsOf(body)).toEqual([['Ramon Villanueva', 'Bangko Sentral ng Pilipinas Governor']]);
  });

  it('still reads a name before "of" as a person when no title follows ("Anika Sorensen of Denmark")', () => {
    const body = '"We will sign the treaty before the summer is over," said Anika Sorensen of Denmark.';
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Anika Sorensen']);
  });
});

describe('"Hong" is a name part, and "Hong Kong" still a place', () => {
  it('reads "Hong Wei" as the spokesman just reported speaking', () => {
    const body = [
      'The talks will be chaired by Commerce Minister Zhao Ming, Hong Wei said at a regular news briefing in Hong Kong.',
      '"The ministers will discuss tariffs, shipping and the rules for new investment," said the spokesman.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([speaker]) => speaker)).toEqual(['Hong Wei']);
  });
});

describe('a role from the aged description that follows a name', () => {
  it('gives "The 41-year-old cellist" as the role of the one the sentence before opens with', () => {
    const body = [
      'Ana Vidal is set to release her first solo album on May 9.',
      'The 41-year-old cellist, who also produced the record, recorded it in a church.',
      '"Making this album was the hardest and happiest thing I have ever done," Vidal said.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Ana Vidal', 'cellist']]);
  });

  it('leaves a description that names someone else to that one ("The 23-year-old midfielder Joana Luz")', () => {
    const body = [
      'Tomás Reis scored twice on Sunday. The 23-year-old midfielder Joana Luz made both goals.',
      '"I only had to put my foot in the way of her passes," Reis said.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([['Tomás Reis', null]]);
  });

  it('reads "novelist", "panelist" and "cellist" as roles but not "checklist"', () => {
    const body =
      '"The prize matters less than the readers do, and always will," said Ines Moreau, a novelist.';
    expect(attributionsOf(body)).toEqual([['Ines Moreau', 'novelist']]);
  });
});

describe('a role with its field in capitals', () => {
  it('reads "National Commissioner in-charge of Voter Education and Publicity, Mr NAME" as one role', () => {
    const body =
      'National Commissioner in-charge of Voter Education and Publicity, Mr Musa Bello, said: "The vote will go ahead on Saturday as planned."';
    expect(attributionsOf(body)).toEqual([
      ['Musa Bello', 'National Commissioner in-charge of Voter Education and Publicity'],
    ]);
  });

  it('reads "Minister in charge of Public Works and Housing, NAME" as one role', () => {
    const body =
      'Minister in charge of Public Works and Housing, Ana Ruiz, said: "The new bridge will open to traffic in June."';
    expect(attributionsOf(body)).toEqual([['Ana Ruiz', 'Minister in charge of Public Works and Housing']]);
  });

  it('does not take a role word inside a body name for the role ("Voter Registration Board")', () => {
    const body =
      'Voter Registration Board member Ama Boateng said: "Every name on the register will be checked twice."';
    expect(attributionsOf(body)).toEqual([['Ama Boateng', 'Voter Registration Board member']]);
  });
});
