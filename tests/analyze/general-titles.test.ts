import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// Title classes that generalise across outlets (issue 13, round two), in texts of our own writing.

function titlesOf(body: string, published = '2024-06-05'): string[] {
  return analyzeBody(body, published).events.map((e) => e.title);
}

describe('event titles', () => {
  it("names the event with the story's own word for it ('strike', not the one 'walkout')", () => {
    const body = [
      'Here is a list of the coming strike dates, and where the strike pickets will be.',
      'Around 1,000 postal workers are going on strike. Postal workers will walk out on June 26.',
    ].join('\n\n');
    expect(titlesOf(body)).toEqual(['Postal workers strike']);
  });

  it('does not name the event after where it was announced ("the commission said at a press conference")', () => {
    const body = 'The first stage is scheduled for June 22-23, the commission said at a press conference.';
    expect(titlesOf(body)[0]).not.toMatch(/conference/i);
  });

  it('names the event, not its dates ("The meeting dates for 2025 are Feb. 5-6, March 18-19")', () => {
    expect(titlesOf('The meeting dates for 2025 are Feb. 5-6 and March 18-19, the bank said.')).toEqual([
      'Meeting',
      'Meeting',
    ]);
  });

  it('keeps the number of a numbered round ("round one due to start on March 16")', () => {
    expect(
      titlesOf('The stadium is under pressure with round one due to start on March 16.', '2022-12-08'),
    ).toEqual(['Round one']);
  });
});

describe('what begins is the event', () => {
  it('names the event that begins, not what it begins with ("The Budget Session will begin today with an address")', () => {
    const body = [
      'The Budget Session of Parliament will begin today with an address by the President.',
      'The first phase of the session will conclude on February 11.',
    ].join('\n\n');
    const events = analyzeBody(body, '2020-01-31').events;
    expect(events.map((e) => [e.title, e.date, e.endDate])).toEqual([
      ['Budget Session', '2020-01-31', '2020-02-11'],
    ]);
  });
});

describe('fuller names and deadlines', () => {
  it("names a bare event noun by the story's own fuller name ('board meeting' from the lede)", () => {
    const body = [
      'The central bank on Tuesday published the board meeting dates for next year.',
      'The meeting dates for 2024 are Feb. 5-6 and March 18-19, the bank said.',
    ].join('\n\n');
    expect(analyzeBody(body, '2023-07-25').events.map((e) => e.title)).toEqual([
      'Board meeting',
      'Board meeting',
    ]);
  });

  it('does not take a modifier from a compound the noun is part of ("a ‘hot strike summer’")', () => {
    const body = [
      'Unions are gearing up for more action.',
      'In what has been branded a ‘hot strike summer’, workers will be on strike on August 18.',
    ].join('\n\n');
    expect(analyzeBody(body, '2022-08-12').events.map((e) => e.title)).toEqual(['Strike']);
  });

  it('names a "by" date with an obligation a deadline, and a scheduled present by its action ("when it meets")', () => {
    expect(
      titlesOf('The respondents must file their replies by August 1, the court said.', '2025-07-20'),
    ).toEqual(['Deadline for the respondents to file their replies']);
    expect(titlesOf('The bank will focus on inflation when it meets on February 16.', '2023-02-04')).toEqual([
      'Meeting',
    ]);
  });
});

describe('who holds the event', () => {
  it('names a bare event by the one the paragraph has act ("Akasa Air is to ... The airline will offer flights")', () => {
    const body = [
      'Indian startup Harbour Air is to make Vela its 13th destination. The airline will offer daily flights on the route starting from Jan. 25.',
      'Seaplane operator Skylark Airways is launching a new route. Flights will start on Sept. 13.',
    ].join('\n\n');
    expect(titlesOf(body, '2023-01-04')).toEqual(['Harbour Air flights', 'Skylark Airways flights']);
  });

  it('does not name an event by its sayer, a person or a sentence\'s first word ("Lift-off is planned")', () => {
    const body = [
      'Lift-off is planned for Sunday, June 9, the agency said.',
      'Ana Ruiz said the union will strike on June 12.',
    ].join('\n\n');
    expect(titlesOf(body)).toEqual(['Lift-off', 'Strike']);
  });
});

describe('two events of one sentence', () => {
  it('splits a sentence at "while" without a comma, each event with its own noun', () => {
    const body =
      'Frears will take part in his master class on 10 June at 6pm while Ward’s session is scheduled for 13 June at 6pm.';
    expect(titlesOf(body, '2020-05-13')).toEqual(['Master class', 'Ward’s session']);
  });
});
