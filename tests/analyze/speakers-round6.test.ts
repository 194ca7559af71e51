import { describe, expect, it } from 'vitest';
import { cleanBody } from '../../src/analyze/clean.ts';
import { countWords } from '../../src/analyze/text-utils.ts';
import { analyzeBody } from './analyze-body.ts';

// Quote and attribution classes of issue 13, round six, in texts of our own writing.

function attributionsOf(body: string): Array<[string, string | null, string | null]> {
  return analyzeBody(body, '2025-06-11').quotes.map((q) => [q.text, q.speaker, q.role]);
}

describe('inline markup left in a stored page is no quote', () => {
  it('drops the tags of a link and keeps its words', () => {
    const body =
      'The council approved the <a href="https://news.example.org/2025/05/12/council-plans-new-tram-line/" target="_blank">tram line</a> on Monday.';
    expect(cleanBody(body, 'T').paragraphs).toEqual(['The council approved the tram line on Monday.']);
  });

  it('finds only the speech in a paragraph whose links quote their addresses', () => {
    const body = [
      'The bank, which <a href="https://news.example.org/markets/bank-wins-licence/">won its licence </a>in May, set the price of its <a href="https://news.example.org/markets/bank-share-sale-opens/">share sale</a> on Sunday.',
      '“We wanted every saver in the country to have a fair chance at the shares,” chief executive Nadia Rahman said.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      [
        'We wanted every saver in the country to have a fair chance at the shares',
        'Nadia Rahman',
        'chief executive',
      ],
    ]);
  });

  it('leaves a comparison sign in prose alone', () => {
    const body = 'Turnout in the ward was <b>below</b> 40 per cent, and a <5% swing would decide it.';
    expect(cleanBody(body, 'T').paragraphs).toEqual([
      'Turnout in the ward was below 40 per cent, and a <5% swing would decide it.',
    ]);
  });
});

describe('a role and a name after a quote that ends its sentence are its attribution', () => {
  it('reads a question followed by a four-word role and name', () => {
    const body =
      '"Why should the farmers pay for a road they will never use?" Provincial Roads Minister Tomas Reyes said.';
    expect(attributionsOf(body)).toEqual([
      [
        'Why should the farmers pay for a road they will never use?',
        'Tomas Reyes',
        'Provincial Roads Minister',
      ],
    ]);
  });

  it('reads a role with lowercase words and a three-word name before "told"', () => {
    const body =
      '"We will not reopen the mine until every shaft has been inspected." Mine workers union general secretary Ruth Achieng Otieno told reporters.';
    expect(attributionsOf(body)).toEqual([
      [
        'We will not reopen the mine until every shaft has been inspected',
        'Ruth Achieng Otieno',
        'Mine workers union general secretary',
      ],
    ]);
  });

  it('does not take a new sentence about others for the attribution', () => {
    const body = [
      'Prime Minister Ana Lima spoke in Lisbon on Monday.',
      '"The treaty will be signed before the summer is out." European leaders from the north have said they will not sign it.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      ['The treaty will be signed before the summer is out', 'Ana Lima', 'Prime Minister'],
    ]);
  });
});

describe('a relative pronoun inside a quote opens no clause of the attribution', () => {
  it('keeps the speaker of a quote with "which" in it for the quote alone in the next paragraph', () => {
    const body = [
      '"This is a budget which puts the regions first for once," Treasurer Mele Tupou said after the vote, in which Sione Vea and Ana Fifita voted against.',
      '"Nobody in the outer islands will pay more for power next year."',
    ].join('\n\n');
    expect(attributionsOf(body).map(([, speaker]) => speaker)).toEqual(['Mele Tupou', 'Mele Tupou']);
  });

  it('keeps the speaker of a quote with "who" in it when a captain is named after', () => {
    const body = [
      '"The players who came in tonight earned their places for the final," coach Daniel Ortiz said, as his captain Luis Mena signed shirts.',
      '"We will pick the side for the final after training on Friday."',
    ].join('\n\n');
    expect(attributionsOf(body).map(([, speaker]) => speaker)).toEqual(['Daniel Ortiz', 'Daniel Ortiz']);
  });
});

describe('a pronoun that speaks after a phrase naming someone else is the speaker', () => {
  it('gives "after talks with NAME, he said" to the one who spoke before, not to NAME', () => {
    const body = [
      'Foreign Minister Kwame Asante met President Laura Keller in Bern on Monday.',
      'The two countries "will open the new consulate in Kumasi before the end of the year", after the meeting with Keller, he said.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([, speaker]) => speaker)).toEqual(['Kwame Asante']);
  });

  it('reads "during a visit to PLACE, she said" after a full quote the same way', () => {
    const body = [
      'Mayor Sofia Brandt told the council the bridge would reopen in stages.',
      '"The first lane will carry buses only until the inspectors have signed it off," during a visit to the site with engineer Tom Weber, she said.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([, speaker]) => speaker)).toEqual(['Sofia Brandt']);
  });
});

describe('a name signed after a dash may start with an initial', () => {
  it('reads "— J.Wisniewska at the Council of Elders" as hers, named in full only after it', () => {
    const body = [
      '“The house will spend most of this week on the energy bill and the budget,” — J.Wisniewska at the Council of Elders',
      'Sejm Speaker Joanna Wisniewska said the bill had the votes. Deputy Marek Nowak disagreed.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([, speaker, role]) => [speaker, role])).toEqual([
      ['Joanna Wisniewska', 'Sejm Speaker'],
    ]);
  });

  it('reads an initial followed by a space the same way', () => {
    const body = [
      'Mayor Pieter Janssen spoke first. Councillor Anna Bakker spoke after him.',
      '“Nobody in this city will pay a higher water bill before the new year,” — P. Janssen to reporters',
    ].join('\n\n');
    expect(attributionsOf(body).map(([, speaker]) => speaker)).toEqual(['Pieter Janssen']);
  });
});

describe('after a title and "of", the first word of the run is what the title is of', () => {
  it('reads "The President of Kenya NAME" as the name alone', () => {
    const body =
      '"We will not sign a deal that leaves our farmers out," the President of Kenya Samuel Kiprono Mutai said.';
    expect(attributionsOf(body).map(([, speaker, role]) => [speaker, role])).toEqual([
      ['Samuel Kiprono Mutai', 'President of Kenya'],
    ]);
  });

  it('reads "the Chairman of the Senate of PLACE NAME" the same way', () => {
    const body =
      'At the sitting, the Chairman of the Senate of Moldova Ion Rusu said the house would sit for two weeks. "We have a long list of bills to get through before the recess," he said.';
    expect(attributionsOf(body).map(([, speaker]) => speaker)).toEqual(['Ion Rusu']);
  });

  it('keeps a three-word name after "of" a common noun ends', () => {
    const body =
      '"The chamber will sit through the weekend if it must," Speaker of Parliament Grace Achieng Owino said.';
    expect(attributionsOf(body).map(([, speaker]) => speaker)).toEqual(['Grace Achieng Owino']);
  });
});

describe('an apostrophe typed as an accent or a modifier letter is inside its word', () => {
  it('counts "Let´s" and "donʼt" as one word each', () => {
    expect(countWords('Let´s dream, let´s live')).toBe(4);
    expect(countWords('We donʼt stop')).toBe(3);
  });

  it('takes a four-word slogan with such marks for no key quote', () => {
    const body =
      'The festival opened under the slogan "Let´s dream, Let´s live". "We didn´t want anyone to stay home this year," director Amira Ben Salah said.';
    expect(attributionsOf(body).map(([text]) => text)).toEqual([
      'We didn´t want anyone to stay home this year',
    ]);
  });
});

describe('two titled people joined by "and" are two people, each with their own role', () => {
  it('keeps the first and gives the second only the role after "and"', () => {
    const body = [
      'Port Authority chief executive Lerato Mokoena and Trade Minister Johan Botha opened the terminal on Monday.',
      '"Every container that lands here will clear customs in under a day," Botha said.',
      'Mokoena said the second quay would follow. "We built this one in two years, and the next will be quicker," she said.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([, speaker, role]) => [speaker, role])).toEqual([
      ['Johan Botha', 'Trade Minister'],
      ['Lerato Mokoena', 'Port Authority chief executive'],
    ]);
  });

  it('still reads a title joined by "and" in capitals as one title', () => {
    const body =
      '"The new rules will apply from the first of the month," Public Works and Housing Minister Ana Lim said.';
    expect(attributionsOf(body).map(([, speaker]) => speaker)).toEqual(['Ana Lim']);
  });
});

describe('a role before a name opens with no link word', () => {
  it('reads "X, of former President NAME\'s party" as the role "former President"', () => {
    const body = [
      'Ana Ruiz, of former President Tomas Vega’s Civic Union, won the first round on Sunday.',
      '"Nobody should take the second round for granted, least of all us," Vega said.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([, speaker, role]) => [speaker, role])).toEqual([
      ['Tomas Vega', 'former President'],
    ]);
  });
});

describe('the owner of a role before a name is not the one speaking', () => {
  it('gives "..., BODY’s chief executive NAME said" to the person, not to the body', () => {
    const body = [
      'Rugby Namibia and Rugby Kenya will meet in Windhoek, Rugby Namibia said.',
      '"This match gives our young players a real test before the qualifiers," Rugby Namibia’s chief executive Johan Kotze said.',
    ].join('\n\n');
    expect(attributionsOf(body).map(([, speaker]) => speaker)).toEqual(['Johan Kotze']);
  });
});

describe('two single marks typed for a double one open and close a quote', () => {
  it('reads ‘‘...’’ and ‘‘...’‘ as quotes', () => {
    const body = [
      '‘‘There is no harder place to tour than this one and the players know it,’’ team manager Ravi Perera said.',
      '‘‘We will pick the side for the first match on Thursday morning,’‘ said captain Dilan Silva.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      [
        'There is no harder place to tour than this one and the players know it',
        'Ravi Perera',
        'team manager',
      ],
      ['We will pick the side for the first match on Thursday morning', 'Dilan Silva', 'captain'],
    ]);
  });
});
