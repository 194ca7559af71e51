import { describe, expect, it } from 'vitest';
import { findRoute } from '../../src/analyze/places.ts';
import { PAIR_NOUNS, ROUTE_NOUNS, SERVICE_NOUNS, writeNounPattern } from '../../src/analyze/service-nouns.ts';

describe('the service nouns', () => {
  it('writes the nouns as one alternation', () => {
    expect(writeNounPattern(['flights?', 'ferry', 'rail\\s+line'])).toBe('flights?|ferry|rail\\s+line');
  });

  it('writes each first letter in both cases for a pattern without the i flag', () => {
    const pattern = new RegExp(`^(?:${writeNounPattern(ROUTE_NOUNS, true)})$`);
    expect(writeNounPattern(['flights?', 'ferries'], true)).toBe('[Ff]lights?|[Ff]erries');
    expect(['Flights', 'flight', 'Ferries', 'connections'].every((w) => pattern.test(w))).toBe(true);
    expect(pattern.test('FLIGHTS')).toBe(false);
  });

  it('lets the wider lists hold every noun of a sentence about a service', () => {
    for (const list of [ROUTE_NOUNS, PAIR_NOUNS])
      expect(list).toEqual(expect.arrayContaining([...SERVICE_NOUNS]));
  });

  it('finds the routes the built patterns name', () => {
    expect(findRoute('A new ferry from Dover to Calais starts in May.')).toBe('Dover to Calais');
    expect(findRoute('Daily flights to Colombo from Chennai begin on June 2.')).toBe('Chennai to Colombo');
    expect(findRoute('The Nakuru-Kisumu train resumes on Monday.')).toBe('Nakuru to Kisumu');
  });
});
