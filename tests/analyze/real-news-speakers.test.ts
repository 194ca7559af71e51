import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// Failure classes found on real news (issue 13), each in a text of our own writing.

function quotesOf(body: string) {
  return analyzeBody(body, '2024-03-04').quotes.map((q) => [q.speaker, q.role]);
}

describe('organisations and unnamed sources speak as themselves', () => {
  it('gives "it said" in a statement to the organisation that spoke before', () => {
    expect(
      quotesOf(
        'Orbital Freight said the flight was standing down.\n\nIn a statement it said, "The next attempt is targeted for early Saturday morning from the coast."',
      ),
    ).toEqual([['Orbital Freight', null]]);
  });

  it('gives "the space agency said" to the agency the article named in full', () => {
    expect(
      quotesOf(
        'The Nordic Space Agency delayed the launch. "The winds over the pad are too strong for a safe flight," the space agency said.',
      ),
    ).toEqual([['Nordic Space Agency', null]]);
  });

  it('gives a spokesman\'s words to the body he speaks for, with "spokesman" as the role', () => {
    expect(
      quotesOf(
        'A Harbour Rail spokesman said: "Services should begin as planned on Sunday morning for everyone."',
      ),
    ).toEqual([['Harbour Rail', 'spokesman']]);
  });

  it('names an unnamed source by its phrase, never null ("a juror", "One said" after "locals")', () => {
    expect(
      quotesOf(
        '"The evidence did not convince me at any point in the trial," a juror said.\n\nNow locals have been left wondering about the line. One said: "There have been no trains here for the best part of a month."',
      ),
    ).toEqual([
      ['juror', 'juror'],
      ['local', null],
    ]);
  });

  it("carries an organisation's voice into the next paragraph of its quote", () => {
    const quotes = quotesOf(
      'A Harbour Rail spokesman said: "Services should begin as planned on Sunday morning for everyone.\n\n"Everybody in the region is feeling the effects of the snow at the moment."',
    );
    expect(quotes).toEqual([
      ['Harbour Rail', 'spokesman'],
      ['Harbour Rail', 'spokesman'],
    ]);
  });
});

describe('names, titles and what is no person', () => {
  it('reads the name behind a title joined by "and" ("Trade and Industry Minister Kari Holm")', () => {
    expect(
      quotesOf(
        '"We will not sign a deal that hurts our fishing towns," Norwegian Trade and Industry Minister Kari Holm said.',
      ),
    ).toEqual([['Kari Holm', 'Norwegian Trade and Industry Minister']]);
  });

  it('reads an honorific and one name as a person ("Dr Amadou"), without the honorific', () => {
    expect(quotesOf('"We have prepared for this match for a very long time," Dr Amadou said.')).toEqual([
      ['Amadou', null],
    ]);
  });

  it('drops honorifics that are no part of the name ("Datuk Seri Mohamad Hasan")', () => {
    expect(
      quotesOf(
        '"The summit is expected to be held in the capital this year," said Foreign Minister Datuk Seri Mohamad Hasan.',
      ),
    ).toEqual([['Mohamad Hasan', 'Foreign Minister']]);
  });

  it('never takes a team nickname, a party or an event for a person', () => {
    const quotes = quotesOf(
      'The Black Stars arrived in Accra on Monday. The conservative Christian Democrats met too.\n\n"We are ready for the qualifier against a very strong side," coach Otto Addo said. "We know the whole country is watching us," he said.',
    );
    expect(quotes).toEqual([
      ['Otto Addo', 'coach'],
      ['Otto Addo', 'coach'],
    ]);
  });

  it('resolves "he said" to the last person shown to be one, not the last capitalized name', () => {
    const quotes = quotesOf(
      'Foreign Minister Lena Park said the talks would start in May.\n\nThe agenda features meetings such as Summit Plus Three and the Regional Forum.\n\n"The second meeting is expected at the end of the year in the capital," he said.',
    );
    expect(quotes).toEqual([['Lena Park', 'Foreign Minister']]);
  });

  it('leaves out a quote the stored text cuts off, and opens a quote with an ellipsis', () => {
    const quotes = quotesOf(
      '"...Following the banquet, the leaders are expected to meet in the capital," Lena Varga, the foreign minister, said.\n\n"It was a major defeat for the defence, on what this judge said and how he said it and t',
    );
    expect(quotes).toEqual([['Lena Varga', 'foreign minister']]);
  });
});
