import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

function quotesOf(body: string) {
  return analyzeBody(body, '2022-03-01').quotes;
}

const QUOTE = '“We will not accept a deal that leaves our members worse off”';

describe('roles', () => {
  it('keeps "Chief Operating Officer" out of the name that follows it', () => {
    const [quote] = quotesOf(`Chief Operating Officer Mette Halvorsen said ${QUOTE}.`);
    expect(quote).toMatchObject({ speaker: 'Mette Halvorsen', role: 'Chief Operating Officer' });
  });

  it('reads a role written before an honorific ("the board\'s treasurer, Dr Ivo Marsh")', () => {
    const [quote] = quotesOf(`The board's treasurer, Dr Ivo Marsh, said: ${QUOTE}.`);
    expect(quote).toMatchObject({ speaker: 'Ivo Marsh', role: "board's treasurer" });
  });

  it('reads occupations outside the word list by their ending or compound head', () => {
    const quotes = quotesOf(
      `Pia Lund, a marine biologist, said ${QUOTE}.\n\nOle Dahl, a retired schoolteacher, added: “Nobody asked the people who live here what they wanted.”`,
    );
    expect(quotes.map((q) => q.role)).toEqual(['marine biologist', 'retired schoolteacher']);
  });

  it('skips an age before the apposition ("Tom Rees, 51, a farmer, said")', () => {
    const [quote] = quotesOf(`Tom Rees, 51, a farmer, said ${QUOTE}.`);
    expect(quote).toMatchObject({ speaker: 'Tom Rees', role: 'farmer' });
  });

  it('keeps the relative clause of a definite role ("the senator who leads the inquiry")', () => {
    const quotes = quotesOf(
      `Ana Ruiz, the senator who leads the inquiry, said ${QUOTE}.\n\nThe economist who wrote the report, Dr. Karl Benz, called it “the weakest recovery we have seen in decades”.`,
    );
    expect(quotes.map((q) => q.role)).toEqual([
      'senator who leads the inquiry',
      'economist who wrote the report',
    ]);
  });

  it('drops the relative clause of an indefinite role ("a lawyer who represents X")', () => {
    const [quote] = quotesOf(`Karin Berg, a lawyer who represents the tenants, said ${QUOTE}.`);
    expect(quote).toMatchObject({ speaker: 'Karin Berg', role: 'lawyer' });
  });
});

describe('speakers', () => {
  it('gives a quote in the next paragraph to the person of "He said:"', () => {
    const [quote] = quotesOf(`Union leader Rafael Ortiz spoke after the meeting. He said:\n\n${QUOTE}`);
    expect(quote).toMatchObject({ speaker: 'Rafael Ortiz', role: 'Union leader' });
  });

  it('tells apart two people with the same surname by the nearest full mention', () => {
    const quotes = quotesOf(
      `Maria Costa, a nurse, said the ward was full. ${QUOTE}, Maria Costa said.\n\nHer brother, Paulo Costa, disagreed. “The hospital did everything it could for our father,” Costa said.`,
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Maria Costa', 'Paulo Costa']);
  });

  it('resolves "the chief executive" to the person whose role holds both words', () => {
    const quotes = quotesOf(
      `Chief Financial Officer Lena Voss said costs were falling. Chief Executive Omar Haddad was upbeat.\n\nAsked about the strike, the chief executive was brief. ${QUOTE}, he told reporters.`,
    );
    expect(quotes[0]?.speaker).toBe('Omar Haddad');
  });

  it('gives "he said" after "the minister added that" to the minister', () => {
    const quotes = quotesOf(
      `Transport Minister Ruth Amadi spoke first. Ben Kole, a union organiser, said ${QUOTE}.\n\nThe minister added that talks would go on. “There is still time to reach an agreement this week,” she said.`,
    );
    expect(quotes[1]?.speaker).toBe('Ruth Amadi');
  });

  it('gives a quote without a speech verb to the person its sentence is about', () => {
    const quotes = quotesOf(
      `Dr. Imre Tóth, a physicist at the institute, was more cautious: ${QUOTE}.\n\nOn Monday, Sara Lind called the plan “the most expensive mistake this city has made”.`,
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Imre Tóth', 'Sara Lind']);
  });

  it('gives "she said" to the person the paragraph is about, not the last speaker', () => {
    const quotes = quotesOf(
      `Coach Pavel Novak said the team was ready.\n\nGoalkeeper Eva Holm, who missed the last game, trained alone on Monday. Asked about her knee, she smiled. ${QUOTE}, she said.`,
    );
    expect(quotes[0]?.speaker).toBe('Eva Holm');
  });

  it('names an institution that speaks by its name ("Peru\'s interior ministry said")', () => {
    const [quote] = quotesOf(`In a statement, Peru's interior ministry said it ${QUOTE}.`);
    expect(quote).toMatchObject({ speaker: "Peru's interior ministry", role: null });
  });
});
