import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

function eventsOf(body: string, publishedAt = '2022-01-05') {
  return analyzeBody(body, publishedAt).events;
}

describe('events', () => {
  it('resolves "the following day" from the previous event', () => {
    const events = eventsOf(
      'The council will meet in Brussels on January 12, and the following day another meeting will take place in Vienna.',
    );
    expect(events.map((e) => [e.date, e.location])).toEqual([
      ['2022-01-12', 'Brussels'],
      ['2022-01-13', 'Vienna'],
    ]);
  });

  it('prefers the written date over "two days later" and counts "three days after that" from it', () => {
    const events = eventsOf(
      'The hearing will open on January 10. Two days later, on January 12, the judge will rule. Three days after that, lawyers must file reports.',
    );
    expect(events.map((e) => e.date)).toEqual(['2022-01-10', '2022-01-12', '2022-01-15']);
  });

  it('anchors "the day before the hearing" on the hearing', () => {
    const events = eventsOf(
      'The court will hold a hearing on June 14. Supporters plan a vigil in Ottawa the day before the hearing.',
      '2021-06-03',
    );
    expect(events.map((e) => [e.date, e.location])).toEqual([
      ['2021-06-13', 'Ottawa'],
      ['2021-06-14', null],
    ]);
  });

  it('reads weekdays forward, "tomorrow", ranges and times', () => {
    const events = eventsOf(
      'Ministers will meet in Reykjavik on June 7-8. The board will vote on Friday at 2:30 p.m. The panel meets tomorrow at noon.',
    );
    expect(events.map((e) => [e.date, e.endDate, e.time])).toEqual([
      ['2022-01-06', null, '12:00'],
      ['2022-01-07', null, '14:30'],
      ['2022-06-07', '2022-06-08', null],
    ]);
  });

  it('attaches "at 10 am local time" in the next sentence to the event just announced', () => {
    const events = eventsOf(
      'The three countries will sign the agreement on 10 November 2021. The ceremony is scheduled for 10 am local time in Brussels.',
      '2021-10-29',
    );
    expect(events).toEqual([
      expect.objectContaining({ date: '2021-11-10', time: '10:00', location: 'Brussels' }),
    ]);
  });

  it('ignores past events, dates without a day and dates inside quotes', () => {
    const events = eventsOf(
      'The talks collapsed on December 21. The minister said on Wednesday that a deal is likely next summer. “I would do it again tomorrow,” she said.',
    );
    expect(events).toEqual([]);
  });

  it('merges an event mentioned twice into one', () => {
    const events = eventsOf(
      'The council will vote on Tuesday at 7 p.m. in Tacoma. If Tuesday’s vote succeeds, the budget passes. Lindgren will offer an amendment on Tuesday.',
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ date: '2022-01-11', time: '19:00', location: 'Tacoma' });
  });

  it('takes a venue without a city as the location, but not a country or a time zone', () => {
    const events = eventsOf(
      'A hearing will be held Jan. 6 at 6 p.m. at City Hall. Orbis has until Jan. 7 at 5 p.m. Amsterdam time to bid. A vote will take place in Spain on Jan. 8.',
    );
    expect(events.map((e) => e.location)).toEqual(['City Hall', null, null]);
  });

  it('names participants between whom talks are held', () => {
    const [event] = eventsOf(
      'A security conversation will be held in Geneva on January 10 between Wendy Sherman and Sergei Riabkov.',
    );
    expect(event?.participants).toEqual(['Wendy Sherman', 'Sergei Riabkov']);
  });
});

describe('event dates and tense', () => {
  it('reads "postponed to Tuesday" as a coming date', () => {
    const events = eventsOf('The court said the hearing was postponed to Tuesday because a judge was ill.');
    expect(events.map((e) => e.date)).toEqual(['2022-01-11']);
  });

  it('reads a past weekday backwards and drops it', () => {
    expect(eventsOf('The committee approved the plan on Monday night after a long meeting.')).toEqual([]);
  });

  it('moves a yearless date to next year when the clause looks ahead', () => {
    const events = eventsOf('The Commission will decide by Jan. 20.', '2022-11-08');
    expect(events.map((e) => e.date)).toEqual(['2023-01-20']);
  });

  it('keeps places, venues and the event itself out of the participants', () => {
    const [event] = eventsOf(
      'Ines Varga and the Harbour Rowing Club will race in the Lakeside Regatta Cup at Tamsin Stadium in Norway on March 3.',
    );
    expect(event?.date).toBe('2022-03-03');
    expect(event?.participants).toEqual(['Ines Varga', 'Harbour Rowing Club']);
  });

  it('reads "Food and Drug Administration" as one body, and keeps a company named after "in"', () => {
    const [hearing] = eventsOf('The Food and Drug Administration will hold a hearing on the drug on Feb. 9.');
    expect(hearing?.participants).toEqual(['Food and Drug Administration']);
    const [vote] = eventsOf('Shareholders in Orrin Mining will vote on the merger on Feb. 10.');
    expect(vote?.participants).toEqual(['Orrin Mining']);
  });

  it('keeps a time zone out of the participants', () => {
    const [event] = eventsOf(
      'A town hall meeting with Senator Maria Lopez will take place on Thursday at 7:30 p.m. ET in Boulder.',
    );
    expect(event).toMatchObject({ time: '19:30', location: 'Boulder', participants: ['Maria Lopez'] });
  });
});
