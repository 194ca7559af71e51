import { describe, expect, it } from 'vitest';
import { datelineLength, stripDatelineStub } from '../../src/analyze/furniture.ts';

describe("the dateline stub a story's first sentence may still open with", () => {
  it("strips the forms the paragraph's dateline leaves", () => {
    for (const opening of ['Nairobi — ', '(MMO) – ', 'LANCASTER − ']) {
      expect(datelineLength(`${opening}The council voted.`)).toBe(0);
      expect(stripDatelineStub(`${opening}The council voted.`)).toBe('The council voted.');
    }
  });

  it("strips the forms the paragraph's dateline strips too", () => {
    expect(stripDatelineStub('THE HAGUE, Netherlands -- The council voted.')).toBe('The council voted.');
    expect(stripDatelineStub('Nov 1 (Reuters) - The council voted.')).toBe('The council voted.');
    expect(stripDatelineStub('New Delhi [India], February 12 (ANI): The council voted.')).toBe(
      'The council voted.',
    );
  });

  it("keeps a listing's days and a sentence that opens with a name", () => {
    expect(stripDatelineStub('13th January – Saturday, 4th March.')).toBe(
      '13th January – Saturday, 4th March.',
    );
    expect(stripDatelineStub('Anna Costa said the council voted.')).toBe(
      'Anna Costa said the council voted.',
    );
  });
});
