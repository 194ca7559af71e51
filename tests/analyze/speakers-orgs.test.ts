import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

function quotesOf(body: string) {
  return analyzeBody(body, '2022-03-01').quotes;
}

const QUOTE = '“We will not accept a deal that leaves our members worse off”';
const OTHER = '“Nobody asked the people who live here what they wanted”';

describe('organisations speak as themselves, never as people', () => {
  it('keeps a company whose name ends in a trade word ("Orvane Robotics") out of the people', () => {
    const [quote] = quotesOf(
      `Mayor Ana Vidal praised the plan. A spokeswoman for Orvane Robotics, which builds the arm, said: ${QUOTE}.`,
    );
    expect(quote).toMatchObject({ speaker: 'Orvane Robotics', role: 'spokeswoman' });
  });

  it('reads an institution joined by "and" as one name, and "the institute" as that institution', () => {
    const quotes = quotesOf(
      `Chile's Institute for Seismology and Coastal Hazard Studies raised its warning and described the tremor as “the longest we have recorded in twenty years”.\n\n${OTHER}, the institute said in a statement.`,
    );
    expect(quotes.map((q) => [q.speaker, q.role])).toEqual([
      ["Chile's Institute for Seismology and Coastal Hazard Studies", null],
      ["Chile's Institute for Seismology and Coastal Hazard Studies", null],
    ]);
  });

  it('names the institution of "The X Union, which ..., said:" and of a later "the union said"', () => {
    const quotes = quotesOf(
      `The Harbour Workers Union, which represents 3,000 dockers, said: ${QUOTE}.\n\n${OTHER}, the union said.`,
    );
    expect(quotes.map((q) => [q.speaker, q.role])).toEqual([
      ['Harbour Workers Union', null],
      ['Harbour Workers Union', null],
    ]);
  });

  it('does not take the school after "at" in an apposition for the one speaking', () => {
    const quotes = quotesOf(
      `Marta Quiroga, a mother of three at Lincoln Academy, said she would attend.\n\n${QUOTE}, she said.`,
    );
    expect(quotes[0]).toMatchObject({ speaker: 'Marta Quiroga', role: 'mother of three at Lincoln Academy' });
  });
});

describe('names and roles', () => {
  it('reads a family name before a hyphenated given name ("Park Min-jun")', () => {
    const [quote] = quotesOf(`Park Min-jun, head of the rice growers' union, said ${QUOTE}.`);
    expect(quote).toMatchObject({ speaker: 'Park Min-jun', role: "head of the rice growers' union" });
  });

  it('joins two roles linked by "and" ("Orvane\'s co-founder and chief engineer")', () => {
    const [quote] = quotesOf(`Orvane's co-founder and chief engineer, Ida Brekke, said ${QUOTE}.`);
    expect(quote).toMatchObject({ speaker: 'Ida Brekke', role: "Orvane's co-founder and chief engineer" });
  });

  it('keeps a "whose" clause after a definite role', () => {
    const [quote] = quotesOf(
      `Tomas Lind, the architect whose tower opens the waterfront, spoke at the site.\n\n${QUOTE}, Lind said.`,
    );
    expect(quote).toMatchObject({
      speaker: 'Tomas Lind',
      role: 'architect whose tower opens the waterfront',
    });
  });

  it('reads a grower and an operator as roles', () => {
    const quotes = quotesOf(
      `Colm Hardy, a barley grower, said ${QUOTE}.\n\nGreta Nilsen, a crane operator, said ${OTHER}.`,
    );
    expect(quotes.map((q) => q.role)).toEqual(['barley grower', 'crane operator']);
  });
});

describe('pronouns after a newly introduced person', () => {
  it('gives "she said" to the person the paragraph before introduces, not the last speaker', () => {
    const quotes = quotesOf(
      `Mayor Ana Vidal said the shelters were full. ${QUOTE}, Vidal said.\n\nRosa Menck, a baker, closed her shop early.\n\n${OTHER}, she said.`,
    );
    expect(quotes[1]).toMatchObject({ speaker: 'Rosa Menck', role: 'baker' });
  });

  it('reads the subject of "said" past an abbreviation with periods ("the N.S. Lobster Council")', () => {
    const quotes = quotesOf(
      `Mayor Ana Vidal said the port would reopen. ${QUOTE}, Vidal said.\n\nColin Barra, a fisherman who heads the N.S. Lobster Council, backed the plan but said it came late.\n\n${OTHER}, he said.`,
    );
    expect(quotes[1]).toMatchObject({ speaker: 'Colin Barra', role: 'fisherman' });
  });
});
