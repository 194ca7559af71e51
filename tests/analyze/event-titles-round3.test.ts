import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

// Event titles and places of issue 13, round three, in sentences of our own writing.

function eventsOf(body: string): Array<[string, string, string | null]> {
  return analyzeBody(body, '2025-06-05').events.map((e) => [e.date, e.title, e.location]);
}

describe('an event named by what will be done to it, or by who plays whom', () => {
  it('names "the petition will now be heard" a hearing', () => {
    const body =
      'MOMBASA, Jun 4 – The petition challenging the port concession deal will now be heard on October 27 after the government was given more time.';
    expect(eventsOf(body)).toEqual([['2025-10-27', 'Hearing', null]]);
  });

  it('keeps the summit with its ordinal, not the video conference it is held by', () => {
    const body =
      'The 12th Pacific Islands Summit will be held via video conference on June 26, the ministry said.';
    expect(eventsOf(body).map(([, title]) => title)).toEqual(['12th Pacific Islands Summit']);
  });

  it('names "X will take on Y" as "X v Y", passing over a coach named before Y', () => {
    const body =
      'Riverside will take on Glenn Harper’s Harbour City on Saturday, June 14, at 7.30pm at Lakeside Oval.';
    expect(eventsOf(body)).toEqual([['2025-06-14', 'Riverside v Harbour City', 'Lakeside Oval']]);
  });

  it('reads "the ruling party" as a party, and names its choosing a selection', () => {
    const body = 'The ruling party will pick its candidate on June 12 in Accra.';
    expect(eventsOf(body)).toEqual([['2025-06-12', 'Ruling party selection', 'Accra']]);
  });
});

describe('more event nouns and actions', () => {
  it('names a recess, the campaigning after nominations, and a closure by "will be closed"', () => {
    const body = [
      'Parliament rises for the summer recess on July 24.',
      'Nominations close on June 16 at 5pm, and campaigning begins the following day.',
      'The bridge will be closed to traffic from June 13 to June 16 for repairs.',
    ].join('\n\n');
    expect(eventsOf(body).map(([date, title]) => [date, title])).toEqual([
      ['2025-06-13', 'Bridge closure'],
      ['2025-06-16', 'Nominations'],
      ['2025-06-17', 'Campaigning'],
      ['2025-07-24', 'Summer recess'],
    ]);
  });
});

describe('the place a court case is heard', () => {
  it('gives a case "to be heard today" the court the sentence opens with', () => {
    const body =
      'At the High Court, a case in which a rights group sued the government for its loan contracts is to be heard today.';
    expect(eventsOf(body).map(([date, , place]) => [date, place])).toEqual([['2025-06-05', 'High Court']]);
  });
});
