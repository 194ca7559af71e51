import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// Attribution classes that generalise across outlets (issue 13, round two), in texts of our own writing.

function speakersOf(body: string): Array<string | null> {
  return analyzeBody(body, '2024-06-05').quotes.map((q) => q.speaker);
}

describe('who "he said" and "the chief said" are', () => {
  it('gives "he said" to the subject who spoke in the paragraph before, not a name inside what they said', () => {
    const body = [
      'Speaker Maria Okafor said the clerk Daniel Brooks will inform all members, in response to several members who yesterday said they had no notice.',
      '"All members are reminded to follow the rules of the chamber at all times," he said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Maria Okafor']);
  });

  it('gives "the bank chief said" to the one who spoke, not to the name the sentence opens with', () => {
    const body = [
      'Central bank Governor Kenji Mori said the outcome of the next meeting is open. "There is still a month to go before we decide anything," Mori said.',
      'Regarding the plans of U.S. President-elect Sam Hale, the bank chief said, "We will study the new policies as soon as they are announced."',
      'On the currency, he said, "We take the exchange rate fully into account in our outlook."',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Kenji Mori', 'Kenji Mori', 'Kenji Mori']);
  });

  it('gives "said the spokesman" to the one just reported speaking when no other role is theirs', () => {
    const body = [
      'The talks will be chaired by Foreign Minister Ana Duarte, Tomas Lindqvist said at a briefing.',
      '"The ministers will exchange views on trade and the future of their cooperation," said the spokesman.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Tomas Lindqvist']);
  });
});

describe('organisations that speak through documents', () => {
  it('gives "an Orvane statement said" to Orvane and "the statement said" to the body that spoke last', () => {
    const body = [
      '"Demand for the new phone exceeds the supply we planned for this month," an Orvane statement said.',
      'The Harbour Electoral Commission said it was considering objections from three parties.',
      '"Once fully considered, the commission will tell the parties of its decisions," the statement said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Orvane', 'Harbour Electoral Commission']);
  });

  it('gives "the commission said" to the fullest name of the one commission the story names', () => {
    const body = [
      'NEW: Electoral Commission says it is considering objections',
      'The Harbour Bay Electoral Commission may release the results on Saturday.',
      '"The commission is currently considering twelve objections from three parties," the commission said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Harbour Bay Electoral Commission']);
  });
});

describe('speakers named in other ways', () => {
  it('gives a quote after "X says that the court condemned ... the ‘...’" to X, and an acronym its full name', () => {
    const body = [
      'The Harbour Law Society sued the Supreme Court over the ban on Monday.',
      'HLS says that the court condemned the lawyer without a hearing despite the ‘serious nature of the allegations and the decision’',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Harbour Law Society']);
  });

  it('reads a band role before a name as a title ("Frontman Jo Vale had this to say")', () => {
    const body =
      'Frontman Jo Vale had this to say, "Six albums in, I wondered if I had already written my best songs."';
    expect(analyzeBody(body, '2024-06-05').quotes.map((q) => [q.speaker, q.role])).toEqual([
      ['Jo Vale', 'Frontman'],
    ]);
  });

  it('joins a wrapped line of prose to the next even before a capital, so its speaker reaches the quote', () => {
    const lines = [
      'The High Court will today give fresh directions in a case where the',
      'former deputy governor challenged his removal from office this year.',
      'Already, Justice Ana Mwangi issued an order blocking the agencies from',
      'arresting the magistrate over the alleged crimes in the county office.',
      'Mwangi had, in March, said the Ethics and Anti-Corruption',
      'Commission and the Director of Public Prosecutions shall not arrest her.',
      '"There is indeed a question of the identity of the person sued in the',
      'criminal case," the judge said.',
    ];
    expect(speakersOf(lines.join('\n'))).toEqual(['Ana Mwangi']);
  });
});

describe('companies that speak', () => {
  it('gives "it said" to the company named after what it is ("drinks maker Orvane"), not to "the company"', () => {
    const body = [
      'Shares in drinks maker Orvane fell on Friday, after the company delayed announcing its results.',
      '"Additional time is required to complete a review of certain accounting measurements," it said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Orvane']);
  });

  it('does not take the subject of quoted speech for the body in the scene', () => {
    const body = [
      'The Harbour Electoral Commission may release the results on Saturday, the commission said.',
      '"The Board is currently considering twelve objections from three parties," the commission said in a statement.',
      '"Once fully considered, the objections will be answered in writing to every party," the statement said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Harbour Electoral Commission', 'Harbour Electoral Commission']);
  });
});

describe('places named by what they are', () => {
  it('reads "in its capital Riyadh"', () => {
    expect(
      analyzeBody(
        'The kingdom will host the summit on November 21 in its capital Halden.',
        '2020-06-05',
      ).events.map((e) => e.location),
    ).toEqual(['Halden']);
  });
});

describe('sayers at the end and documents that read', () => {
  it('gives "the company said" to the company a long sentence ends by having speak ("..., Vale Mining said in a statement")', () => {
    const body = [
      'Negotiators for the striking workers failed to show for a bargaining meeting Monday, Vale Mining said in a statement.',
      'In a release, the company said the province had arranged the meeting.',
      '"Our negotiating team arrived at the meeting this morning fully prepared to begin talks," the company said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Vale Mining']);
  });

  it('reads "the statement read" and "the court directed" as attributions', () => {
    const body = [
      'The Harbour High Court heard the petition on Monday.',
      '"The respondents are granted a final opportunity to file and serve their responses," the court directed.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Harbour High Court']);
  });
});
