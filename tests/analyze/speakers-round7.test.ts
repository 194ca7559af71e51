import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// Quote and attribution classes of issue 13, round seven, in texts of our own writing.

function attributionsOf(body: string): Array<[string, string | null, string | null]> {
  return analyzeBody(body, '2025-09-03').quotes.map((q) => [q.text, q.speaker, q.role]);
}

describe('an adverb between the speaker and the speech verb is no part of the speaker', () => {
  it('reads a body that "also stated" a quote', () => {
    const body = [
      'The Auditor-General’s Office rejected the tender on Monday.',
      'The Auditor-General’s Office also stated that “no contract will be signed before the audit is finished.”',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      ['no contract will be signed before the audit is finished', 'Auditor-General’s Office', null],
    ]);
  });

  it('reads a body that "later said" a quote after it', () => {
    const body =
      '“The line will reopen only when every bridge has been checked,” the Mayor’s Office later said.';
    expect(attributionsOf(body)).toEqual([
      ['The line will reopen only when every bridge has been checked', 'Mayor’s Office', null],
    ]);
  });
});

describe('a month name that ends a person’s name is their surname', () => {
  it('keeps "Jan" at the end of a Malay name and finds the person again by the first words', () => {
    const body = [
      'Party strategist Faizal Hakim Wan Jan called the date “a plain attempt to keep the young away from the polls.”',
      '“They know the students will be sitting their exams that week,” said Mr Faizal Hakim, in a statement.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      ['a plain attempt to keep the young away from the polls', 'Faizal Hakim Wan Jan', 'Party strategist'],
      [
        'They know the students will be sitting their exams that week',
        'Faizal Hakim Wan Jan',
        'Party strategist',
      ],
    ]);
  });

  it('reads "May" as a surname but not a month with a day after it', () => {
    const body =
      '“The bridge will carry its first trains before May 20,” said regional engineer Harriet May, who leads the project.';
    expect(attributionsOf(body)).toEqual([
      ['The bridge will carry its first trains before May 20', 'Harriet May', 'regional engineer'],
    ]);
  });
});

describe('an initial printed against the surname is part of the name', () => {
  it('reads "Mesfin W.Giorgis" as one person, with the apposition as the role', () => {
    const body = [
      '“A second terminal lets us carry the coffee of the whole region,” said Mesfin W.Giorgis, chief executive of the carrier, at the signing.',
      '“The farmers have waited long enough for cold storage,” W.Giorgis added.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      [
        'A second terminal lets us carry the coffee of the whole region',
        'Mesfin W.Giorgis',
        'chief executive of the carrier',
      ],
      [
        'The farmers have waited long enough for cold storage',
        'Mesfin W.Giorgis',
        'chief executive of the carrier',
      ],
    ]);
  });
});

describe('a long title in capitals before a name does not cut the name', () => {
  it('reads the name after a seven-word title of a body, and "she added" as that person', () => {
    const body = [
      'Chairperson of Zambia Media Fairness Monitoring Council Grace Banda said the council had hired forty new monitors.',
      'She added that the monitors would ensure "that every candidate gets the same minutes on the national broadcaster".',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      [
        'that every candidate gets the same minutes on the national broadcaster',
        'Grace Banda',
        'Chairperson of Zambia Media Fairness Monitoring Council',
      ],
    ]);
  });
});

describe('a body whose name joins two plural possessives with "and" speaks under that whole name', () => {
  it('reads a seven-word union name and "it added" after it', () => {
    const body = [
      '“No lecturer takes this step lightly, and every one of us would rather teach,” the Western Cape Teachers’ and Lecturers’ Professional Union said.',
      '“We remain ready to meet the department at any hour it chooses,” it added.',
    ].join('\n\n');
    const union = 'Western Cape Teachers’ and Lecturers’ Professional Union';
    expect(attributionsOf(body)).toEqual([
      ['No lecturer takes this step lightly, and every one of us would rather teach', union, null],
      ['We remain ready to meet the department at any hour it chooses', union, null],
    ]);
  });
});

describe('a publication that printed the words speaks for them', () => {
  it('reads "According to a report in X," at the head of the quote’s sentence, and "the report continues"', () => {
    const body = [
      'According to a report in the Tasman Gazette, the mill may shut next year, "as the price of pulp has risen faster than the price of paper."',
      '"Two hundred and forty jobs depend on the machine that is to close," the report continues.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      ['as the price of pulp has risen faster than the price of paper', 'Tasman Gazette', null],
      ['Two hundred and forty jobs depend on the machine that is to close', 'Tasman Gazette', null],
    ]);
  });

  it('leaves the sentence’s own speaker when a speech verb follows the source', () => {
    const body =
      'According to the Tasman Gazette, mill manager Colin Rees told staff that "the last machine will stop in March next year."';
    expect(attributionsOf(body)).toEqual([
      ['the last machine will stop in March next year', 'Colin Rees', 'mill manager'],
    ]);
  });
});

describe('an apposition role whose closing comma is missing ends at the verb', () => {
  it('keeps a body’s initials in brackets and stops at "has"', () => {
    const body = [
      'Dr Ngozi Eze, Chairperson of the Nigerian Civil Aviation Authority (NCAA) has ordered the airline to publish a timetable.',
      '"Every passenger whose flight was cancelled must be offered a refund," she said.',
    ].join('\n\n');
    expect(attributionsOf(body)).toEqual([
      [
        'Every passenger whose flight was cancelled must be offered a refund',
        'Ngozi Eze',
        'Chairperson of the Nigerian Civil Aviation Authority (NCAA)',
      ],
    ]);
  });

  it('joins a second title in capitals after "and"', () => {
    const body =
      'Tunde Bakare, Chief Operating Officer and Company Secretary of Savannah Air Limited said, "We cannot fly aircraft without the crews to fly them."';
    expect(attributionsOf(body)).toEqual([
      [
        'We cannot fly aircraft without the crews to fly them',
        'Tunde Bakare',
        'Chief Operating Officer and Company Secretary of Savannah Air Limited',
      ],
    ]);
  });
});

describe('an aside between commas after the subject is no part of it', () => {
  it('reads "The central bank, for its part, said" as the bank speaking', () => {
    const body =
      'The minister defended the plan.\n\nThe central bank, for its part, said the plan would "add to inflation at the very moment we are trying to bring it down."';
    expect(attributionsOf(body)).toEqual([
      ['add to inflation at the very moment we are trying to bring it down', 'central bank', null],
    ]);
  });
});
