import { describe, expect, it } from 'vitest';
import { findCapitalizedRuns, type RunRules } from '../../src/analyze/names.ts';
import { collectMentions } from '../../src/analyze/speaker-form.ts';

const wordsOf = (text: string, rules?: RunRules) => findCapitalizedRuns(text, rules).map((run) => run.words);

describe('the runs of capitalized words', () => {
  it('keeps a name with its particles and "of", and ends at punctuation and a possessive', () => {
    expect(wordsOf('Secretary of State Antony Blinken met Jan de Wit, then Andina’s Ana Ruiz.')).toEqual([
      ['Secretary', 'of', 'State', 'Antony', 'Blinken'],
      ['Jan', 'de', 'Wit'],
      ['Andina'],
      ['Ana', 'Ruiz'],
    ]);
  });

  it('gives the word before each run and where it ends', () => {
    const [run] = findCapitalizedRuns('the chairman Jan de Wit said');
    expect([run?.wordBefore, run?.wordBeforeEnd]).toEqual(['chairman', 12]);
    expect(findCapitalizedRuns('Jan spoke')[0]?.wordBefore).toBe('');
  });

  it('takes a reader’s own rules for what a run holds', () => {
    const text = 'Johnson & Johnson and Ali al-Khatib on Monday';
    expect(wordsOf(text)).toEqual([['Johnson'], ['Johnson'], ['Ali'], ['Monday']]);
    const rules: RunRules = {
      capitalLike: (word) => word.startsWith('al-'),
      joins: (word) => word === 'and' || word === 'on',
      bridges: (gap) => !/[,.]/.test(gap),
    };
    expect(wordsOf(text, rules)).toEqual([['Johnson', 'Johnson', 'and', 'Ali', 'al-Khatib', 'on', 'Monday']]);
  });

  it('starts another run after the most words a reader allows', () => {
    expect(wordsOf('Alpha Beta Gamma Delta', { maxWords: 3 })).toEqual([
      ['Alpha', 'Beta', 'Gamma'],
      ['Delta'],
    ]);
    expect(wordsOf('A B C D E F G H I J')).toHaveLength(2);
  });
});

describe('the speaker forms read the runs with their own rules', () => {
  it('holds a body’s "and", a dash, an ampersand and a title’s full stop in one run', () => {
    const { names } = collectMentions([
      'The Ministry of Foreign Affairs and Regional Cooperation said. Smith & Wesson – Dr. Ana Ruiz said.',
    ]);
    expect(names).toEqual([
      ['Ministry', 'of', 'Foreign', 'Affairs', 'and', 'Regional', 'Cooperation'],
      ['Smith', 'Wesson', 'Dr', 'Ana', 'Ruiz'],
    ]);
  });

  it('counts a particle with a capital after its hyphen as a capital', () => {
    expect(collectMentions(['Ali al-Khatib spoke']).names).toEqual([['Ali', 'al-Khatib']]);
  });

  it('takes a name behind a lowercase title for a person’s, but not across punctuation', () => {
    expect(collectMentions(['the chairman Pieter de Wit said']).people).toEqual([['Pieter', 'de', 'Wit']]);
    expect(collectMentions(['the chairman, Pieter de Wit, said']).people).toEqual([]);
  });
});
