import { describe, expect, it } from 'vitest';
import { buildPeopleIndex } from '../../src/analyze/people.ts';

const STORY = 'Greens Leader Mariana Costa dismissed it, and Costa said so twice.';

function namesOf(paragraphs: string[]): string[] {
  return [...buildPeopleIndex(paragraphs).byName.keys()].sort();
}

describe('a name only ever written inside quoted speech takes its epithet from the quote scanner', () => {
  it('reads a quote whose opening mark is missing as speech, as the quotes themselves do', () => {
    const quote =
      'This motion gives Spendthrift Mariana Costa one more chance to stand with us,” opposition leader Daniel Whitford said.';
    expect(namesOf([quote, STORY])).toEqual(['Daniel Whitford', 'Mariana Costa']);
  });

  it('reads a closing mark of the wrong glyph as a closing mark, so a name after it is not speech', () => {
    const quote = '“We will see.“, said Daniel Whitford of Spendthrift Mariana Costa, as he left the hall.';
    expect(namesOf([quote, STORY])).toContain('Spendthrift Mariana Costa');
  });

  it('keeps the longer name when the story also writes it outside any quote', () => {
    const quote = '“We will see,” said Daniel Whitford of Spendthrift Mariana Costa, as he left the hall.';
    expect(namesOf([quote, STORY])).toContain('Spendthrift Mariana Costa');
  });
});
