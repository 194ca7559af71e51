import { describe, expect, it } from 'vitest';
import { pronounWord, subjectStart } from '../../src/analyze/subject-words.ts';

/** The text after what `subjectStart` strips: where the subject begins. */
function subjectOf(lead: string, pattern: RegExp): string {
  return lead.slice(pattern.exec(lead)?.[0].length ?? 0);
}

describe('pronounWord', () => {
  it('matches a personal pronoun or "there" as a whole word in any case', () => {
    const pronoun = pronounWord();
    expect(['It', 'they', 'We', 'there'].every((w) => pronoun.test(w))).toBe(true);
    expect(pronoun.test('Italy')).toBe(false);
    expect(pronoun.test('them')).toBe(false);
  });

  it("adds the reader's own words, and only to that reader's pattern", () => {
    expect(pronounWord('who them').test('Them')).toBe(true);
    expect(pronounWord('others?').test('other')).toBe(true);
    expect(pronounWord().test('who')).toBe(false);
  });
});

describe('subjectStart', () => {
  it('starts the subject after the last comma, dash or saying verb', () => {
    const start = subjectStart();
    expect(subjectOf('Officials said the union', start)).toBe('the union');
    expect(subjectOf('In a statement, the board', start)).toBe('the board');
    expect(subjectOf('The minister told reporters that the hospitals', start)).toBe('the hospitals');
    expect(subjectOf('The hospitals', start)).toBe('The hospitals');
  });

  it("starts it after a reader's own words too, which another reader does not share", () => {
    const warned = subjectStart({ words: 'warned and' });
    expect(subjectOf('Doctors warned hospitals', warned)).toBe('hospitals');
    expect(subjectOf('Doctors warned hospitals', subjectStart())).toBe('Doctors warned hospitals');
  });

  it("skips a bulleted line's opening dash only when asked", () => {
    expect(subjectOf('- The revised list', subjectStart({ leadingDash: true }))).toBe('The revised list');
    expect(subjectOf('- The revised list', subjectStart())).toBe('- The revised list');
  });
});
