import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// Attribution forms of many outlets (issue 13, round three), in sentences of our own writing.

function speakersOf(body: string): Array<string | null> {
  return analyzeBody(body, '2025-06-05').quotes.map((q) => q.speaker);
}

describe('pronouns and descriptions that point back to a person', () => {
  it('gives "she said" to the woman the paragraph is about, passing over a man the text calls "he"', () => {
    const body = [
      'Mary Wanjiku, a trader at the market, said the smell had driven her customers away.',
      'Ward representative Peter Otieno blamed the county for the delays at the dump.',
      'Otieno said he had raised the matter three times. Wanjiku, however, is not waiting for anyone. "If nobody comes, we will clean it ourselves with our own hands," she said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Mary Wanjiku']);
  });

  it('gives "the 31-year-old said" to the one person the text gives that age', () => {
    const body = [
      '"When you chase a big total you only think about the next over," said Rohit Menon, 31, after the match.',
      'Menon shared a long stand with Arjun Bhat, who made 64.',
      '"Arjun took all of the pressure off me in the middle overs," the 31-year-old said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Rohit Menon', 'Rohit Menon']);
  });

  it('gives "the traditional ruler said" to the person the paragraph is about', () => {
    const body =
      'A community leader, Chief Obi Nwankwo, urged the federal government to help. "The state alone cannot carry this burden at all," the traditional ruler said.';
    expect(speakersOf(body)).toEqual(['Obi Nwankwo']);
  });
});

describe('names with something around them', () => {
  it('reads "Prosecutor Alan Reece KC" as Alan Reece and "Dr. Amadou" as Amadou', () => {
    const body = [
      'Prosecutor Alan Reece KC said: "This was not a momentary lapse of any kind at all."',
      'The founder, Dr. Amadou, stressed the team would stay. "Nobody is leaving, and nobody is being asked to leave," Dr. Amadou said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Alan Reece', 'Amadou']);
  });

  it('reads a name ending in "Co." as a company, which "the company said" then means', () => {
    const body = [
      'A federal appeals court revived the lawsuit against the plant.',
      'The plant\'s owner, Derwent Chemical Co., said it was reviewing the decision. "We remain confident that the facts will show we harmed nobody," the company said in a statement.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Derwent Chemical Co.']);
  });
});

describe('organisations and unnamed sources', () => {
  it('gives "the official said" to the unnamed official introduced before, not to the last person named', () => {
    const body = [
      'Abena Owusu, who chairs the drivers association, told reporters the fares would rise.',
      'A senior finance ministry official, speaking on condition of anonymity, said the government was open to talks. "The door is open to the unions at any time," the official said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['senior finance ministry official']);
  });

  it('gives "a spokesperson for the presidency" to the presidency', () => {
    const body =
      '"The government has heard the concerns and will respond soon," a spokesperson for the presidency said.';
    expect(speakersOf(body)).toEqual(['presidency']);
  });

  it('gives "a statement from the club" to the club, "a police spokeswoman" to the police force named before', () => {
    const body = [
      'Harlow Athletic have suspended their striker while officers investigate.',
      'A statement from the club said: "The player will not be considered for selection until this is over."',
      'Essex Police said a man had been arrested. "Officers were called to reports of a disturbance after 2am," a police spokeswoman said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Harlow Athletic', 'Essex Police']);
  });

  it('gives "it said" to the league that spoke last, and "one of those people" to the group introduced', () => {
    const body = [
      'Essex Police said a man had been arrested.',
      'The league said in a statement that it was aware of the matter. "We will not comment while there is a live police investigation," it said.',
      'People familiar with the matter said a second club had made an offer. "There was a second bidder until the very last week," one of those people said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['league', 'people familiar with the matter']);
  });
});

describe('round three, third batch', () => {
  it('gives "the agency said" to the body last named with that noun, in lower case', () => {
    const body =
      'In a statement, the federal waterways agency said it was dredging two stretches. "We expect the work to take at least three weeks if it stays dry," the agency said.';
    expect(speakersOf(body)).toEqual(['federal waterways agency']);
  });

  it('gives "the statement said" to the office of a person that issued it', () => {
    const body =
      'Rep. Dana Whitaker said she would vote no. Whitaker\'s office said in a statement that she had three amendments. "None of them would add a single dollar to the cost," the statement said.';
    expect(speakersOf(body)).toEqual(["Whitaker's office"]);
  });

  it('gives "he said" to a lawmaker named with a party and state tag', () => {
    const body = [
      'White House press secretary Karen Lee told reporters the bill had support. "The governors asked for this money months ago," Lee said.',
      'Rep. Luis Ortega, D-Ariz., said Democrats were ready to help. "My district is on the border and my voters want it done," he said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Karen Lee', 'Luis Ortega']);
  });

  it('gives "he recalls" to a man whose surname carries a particle ("Ó Briain")', () => {
    const body = [
      'Seán Ó Briain has opened oysters at the same counter for fifty years.',
      '"A hot August can wipe out a whole year of young oysters," explains Declan Moran, a biologist.',
      'Ó Briain recalls a year when nothing survived. "We lived on potatoes and prayers that winter, all of us," he recalls.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Declan Moran', 'Seán Ó Briain']);
  });

  it('gives "she says" to a granddaughter named by her given name only', () => {
    const body = [
      '"My father taught me on this very bench, and I never cut myself," says Seán Ó Briain.',
      'His granddaughter Aoife, who now runs the stall, laughs at the claim. "He cuts himself every single week, he just hides it," she says.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Seán Ó Briain', 'Aoife']);
  });
});

describe('round three, fourth to eighth batches', () => {
  it('learns no pronoun from a client spoken of, nor from a namesake named before', () => {
    const body = [
      'Ruiz, a former mayor, denies the charges and says he will fight them.',
      'Defence barrister Eleanor Whitcombe told the court that he had lived openly in London. "My client has never hidden from anyone at all," she said.',
      'Outside court, his daughter, Marta Ruiz, said the family was confident. "My father came here because he trusts the courts of this country," she said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Eleanor Whitcombe', 'Marta Ruiz']);
  });

  it('reads "Jan Novák" as a name, not a month, and "wrote X, chairman of Y, in an open letter" as his', () => {
    const body = [
      'As Lucie Marková put it: "Nobody here wants to strike, but nobody can live on this salary."',
      '"The people who suffer most from a strike are the patients who cannot wait," wrote Jan Novák, chairman of the Patients\' Association, in an open letter.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Lucie Marková', 'Jan Novák']);
  });

  it('gives "the lawmaker said" to "a ruling party lawmaker close to X", not to the last one quoted', () => {
    const body = [
      'Chief Cabinet Secretary Ken Sato said: "Rapid, one-sided moves in the currency are not good for anyone."',
      'A ruling party lawmaker close to Tanaka said the package could grow. "Many of us think fifteen trillion is the floor, not the ceiling," the lawmaker said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Ken Sato', 'ruling party lawmaker']);
  });

  it('gives "the officer said" to "a senior corporation official" introduced in the same paragraph', () => {
    const body = [
      '"At least now somebody will have to answer for it on oath," said R K Menon, a retired bank manager.',
      'A senior corporation official said on condition of anonymity that a firm had been found. "We have identified the firm, only the paperwork is pending," the officer said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['R K Menon', 'senior corporation official']);
  });

  it('gives "he said" to the unnamed worker the paragraph opens with, not to the body quoted before', () => {
    const body = [
      'A government spokesperson said: "We are in close contact with the company and will support the workers."',
      'One worker, who has been at the plant for 31 years, said he feared for his sons. "There will be nothing left here for them, nothing at all," he said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['government', 'worker']);
  });

  it('gives "it said" to the body named before its description ("X, the region\'s tourism body, said")', () => {
    const body = [
      'The opposition spokesman, Craig Yates, accused the government of spin.',
      'Tourism Tropical North Queensland, the region\'s tourism body, said in a statement that operators needed help. "Many of our members will not survive another six months," it said.',
    ].join('\n\n');
    expect(speakersOf(body)).toEqual(['Tourism Tropical North Queensland']);
  });
});
