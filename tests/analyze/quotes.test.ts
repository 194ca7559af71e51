import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

function quotesOf(body: string) {
  return analyzeBody(body, '2023-03-14').quotes;
}

describe('quotes and speakers', () => {
  it('reads "X, role, said" and keeps the role', () => {
    expect(
      quotesOf(
        '"We are not going back to square one at all," Ignacio Ferrán, Chile\'s deputy foreign minister, said.',
      ),
    ).toEqual([
      {
        text: 'We are not going back to square one at all',
        speaker: 'Ignacio Ferrán',
        role: "Chile's deputy foreign minister",
      },
    ]);
  });

  it('reads "said the ROLE, NAME" with a wrong closing mark and no opening mark', () => {
    const [quote] = quotesOf(
      'It will be hard to make progress under threats.“, Said the US Secretary of State, Antony Blinken.',
    );
    expect(quote).toEqual({
      text: 'It will be hard to make progress under threats',
      speaker: 'Antony Blinken',
      role: 'US Secretary of State',
    });
  });

  it('resolves a surname introduced later in the text', () => {
    const quotes = quotesOf(
      '“Our talks will be pragmatic and focused on results,” stressed Psaki.\n\nWhite House spokeswoman Jen Psaki spoke on Wednesday.',
    );
    expect(quotes[0]).toMatchObject({ speaker: 'Jen Psaki', role: 'White House spokeswoman' });
  });

  it('gives "he said" to the person last quoted', () => {
    const quotes = quotesOf(
      '“We will not give up on these talks now,” said Mayor Ann Cole.\n\n“There is much more left to do here,” she said.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Ann Cole', 'Ann Cole']);
  });

  it('gives a role reference ("the head of US diplomacy") to the person it fits or last spoke', () => {
    const quotes = quotesOf(
      '“A first quote with enough words in it,” said Secretary of State Antony Blinken.\n\nA second quote with enough words in it.“Added the head of US diplomacy.',
    );
    expect(quotes[1]).toMatchObject({ speaker: 'Antony Blinken' });
  });

  it('reads "according to X" and "X told reporters"', () => {
    const quotes = quotesOf(
      'Lucía Montenegro agreed. The rate "is accelerating every single summer now," according to Montenegro.\n\n"Nobody here wants a water war with anyone," Montenegro told reporters.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Lucía Montenegro', 'Lucía Montenegro']);
  });

  it('names an unnamed source by its description, without the article', () => {
    const [quote] = quotesOf(
      '"Everyone knows the deadline is political, not technical," said one Chilean negotiator.',
    );
    expect(quote).toEqual({
      text: 'Everyone knows the deadline is political, not technical',
      speaker: 'Chilean negotiator',
      role: 'Chilean negotiator',
    });
  });

  it('gives a quote the speaker named in the sentence before it', () => {
    const quotes = quotesOf(
      'Judge Helen Marsh spoke first.\n\nDefence barrister Eleanor Whitcombe was blunt. “If he is sent to Madrid, he will be held for years.”',
    );
    expect(quotes[0]?.speaker).toBe('Eleanor Whitcombe');
  });

  it('keeps a quote inside a quote and splits a multi-paragraph quote per paragraph', () => {
    const quotes = quotesOf(
      'Minister Sigrún Ólafsdóttir said the agenda was narrow.\n\n“I told her, ‘we will not solve every disagreement,’ and she agreed.\n\n“If we manage that, Reykjavik will be remembered,” she said.',
    );
    expect(quotes.map((q) => q.text)).toEqual([
      'I told her, ‘we will not solve every disagreement,’ and she agreed',
      'If we manage that, Reykjavik will be remembered',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Sigrún Ólafsdóttir', 'Sigrún Ólafsdóttir']);
  });

  it('drops scare quotes shorter than six words and reads doubled apostrophes as marks', () => {
    const quotes = quotesOf(
      "It was \"a photo opportunity\". Board member Grace Yun said the board should ''look at every option before we ask riders.''",
    );
    expect(quotes).toEqual([
      { text: 'look at every option before we ask riders', speaker: 'Grace Yun', role: 'Board member' },
    ]);
  });
});

describe('quotes without their own attribution', () => {
  it('take the person named at the end of the paragraph before', () => {
    const quotes = quotesOf(
      'The last word went to Maria Lopez.\n\n“Nobody here wants this fight, and nobody will win it.”',
    );
    expect(quotes[0]?.speaker).toBe('Maria Lopez');
  });

  it('give an institution that speaks as the speaker, without a role', () => {
    const quotes = quotesOf(
      '“We will keep talking to everyone,” said Mayor Ann Cole.\n\nIn a statement, the finance ministry said: “The budget will not change this year at all.”',
    );
    expect(quotes[1]).toEqual({
      text: 'The budget will not change this year at all',
      speaker: 'finance ministry',
      role: null,
    });
  });

  it('read British single marks without taking apostrophes for quotes', () => {
    const quotes = quotesOf(
      "Senator Lisa Murkowski's aides agreed. 'I think we were very close to a deal,' said Murkowski.",
    );
    expect(quotes).toEqual([
      { text: 'I think we were very close to a deal', speaker: 'Lisa Murkowski', role: 'Senator' },
    ]);
  });
});

describe('names in attributions', () => {
  it('reads "said Mr. Manchin" past the title’s period', () => {
    const quotes = quotesOf(
      'Chairman Joe Manchin spoke.\n\n"This is not the end of the road for us," said Mr. Manchin.',
    );
    expect(quotes[0]?.speaker).toBe('Joe Manchin');
  });

  it('resolves a leading family name ("Xi said") to the full name', () => {
    const quotes = quotesOf(
      'Chinese President Xi Jinping met the delegation.\n\n"We welcome friends from every part of the world," Xi said.',
    );
    expect(quotes[0]).toMatchObject({ speaker: 'Xi Jinping', role: 'Chinese President' });
  });

  it('does not take a quoted title for speech', () => {
    expect(quotesOf('She wrote "The Rise And Fall Of The Great Northern Railway" in 1990.')).toEqual([]);
  });

  it('gives "he described ... as “...”" to the speaker the paragraph reports, not the person he describes', () => {
    const quotes = quotesOf(
      'Manager Colin Hayes said academy graduate Reece Doyle would start, and he described the teenager as “the calmest person in the building, including me.”',
    );
    expect(quotes[0]?.speaker).toBe('Colin Hayes');
  });
});

describe('pronouns', () => {
  it('give "he said" to the person the sentence before opens with', () => {
    const quotes = quotesOf(
      '“We will not give up on these talks now,” said Mayor Maria Lopez.\n\nCouncillor John Smith disagreed. “There is nothing left to talk about here,” he said.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Maria Lopez', 'John Smith']);
  });
});
