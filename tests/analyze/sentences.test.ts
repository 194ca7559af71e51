import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analyze/sentences.ts';

const texts = (paragraph: string) => splitSentences(paragraph).map((s) => s.text);

describe('splitSentences', () => {
  it('does not split after titles, months and street abbreviations', () => {
    expect(texts('Mr. Smith met Dr. Jones on Jan. 10 in St. Louis. They talked.')).toEqual([
      'Mr. Smith met Dr. Jones on Jan. 10 in St. Louis.',
      'They talked.',
    ]);
  });

  it('keeps initials and decimals inside the sentence', () => {
    expect(texts('J. K. Rowling earned 3.5 million. Sales rose.')).toEqual([
      'J. K. Rowling earned 3.5 million.',
      'Sales rose.',
    ]);
  });

  it('splits after U.S. only when a sentence opener follows', () => {
    expect(texts('He flew to the U.S. The trip was long.')).toEqual([
      'He flew to the U.S.',
      'The trip was long.',
    ]);
    expect(texts('The U.S. President spoke.')).toEqual(['The U.S. President spoke.']);
  });

  it('keeps a closing quote mark with its sentence', () => {
    expect(texts('“We will win.” Then he left. “Really?” she asked.')).toEqual([
      '“We will win.”',
      'Then he left.',
      '“Really?” she asked.',
    ]);
  });

  it('returns offsets that point into the paragraph', () => {
    const paragraph = 'One thing here. Another thing there.';
    for (const s of splitSentences(paragraph)) expect(paragraph.slice(s.start, s.end)).toBe(s.text);
  });

  it('rejoins a stray three-word fragment with the sentence before', () => {
    expect(texts('He met the Deputy Foreign Minister. Russian, Sergei Riabkov.')).toHaveLength(1);
  });
});
