import { describe, expect, it } from 'vitest';
import { analyzeBody } from './analyze-body.ts';

function eventsOf(body: string, publishedAt = '2023-03-16') {
  return analyzeBody(body, publishedAt).events.map((e) => [e.date, e.endDate, e.time, e.location]);
}

// 2023-03-16 is a Thursday.
describe('chained dates with a named event', () => {
  it('counts "two days after the vote" and "three days before sentencing" from the events they name', () => {
    const events = eventsOf(
      'The council will vote on March 21. A panel will review the plan two days after the vote. ' +
        'The judge set sentencing for April 12. The defence must file its letters three days before sentencing.',
    );
    expect(events.map((e) => e[0])).toEqual(['2023-03-21', '2023-03-23', '2023-04-09', '2023-04-12']);
  });

  it('counts "two days after launch" without an article before the event', () => {
    const events = eventsOf(
      'The probe will launch on March 24 from Kiruna. Engineers in Bremen will test its camera two days after launch.',
    );
    expect(events).toContainEqual(['2023-03-26', null, null, 'Bremen']);
  });

  it('counts "three days after the congress closes" from the last day of the range', () => {
    const events = eventsOf(
      'The data will be shown at a congress in Lyon, 10-12 April, and the firm will meet regulators in Paris three days after the congress closes.',
    );
    expect(events).toContainEqual(['2023-04-15', null, null, 'Paris']);
  });

  it('reads "the evening before the first round, at 7 p.m." from the coming event, not a past one', () => {
    const events = eventsOf(
      'Nadia Ferro won a round of the Oslo Open on March 2. The championship will be played March 20-28 in Bergen. ' +
        'The draw will take place on the evening before the first round, at 7 p.m.',
    );
    expect(events).toContainEqual(['2023-03-19', null, '19:00', null]);
  });

  it('reads "on the eve of the summit" as the day before it', () => {
    const events = eventsOf(
      'The summit will open on April 4 in Vienna. Protesters will march on the eve of the summit.',
    );
    expect(events.map((e) => e[0])).toEqual(['2023-04-03', '2023-04-04']);
  });

  it('takes no date from "a week after" a clause that names no event', () => {
    const events = eventsOf(
      'The offer comes a week after Norvik cut its forecast, blaming floods at the mine. The vote is on March 30.',
    );
    expect(events.map((e) => e[0])).toEqual(['2023-03-30']);
  });
});

describe('tense and places', () => {
  it('reads "was originally scheduled for" with an adverb before the date as past', () => {
    const events = eventsOf(
      'The launch will take place on March 25. It was originally scheduled for March 2 and had slipped once.',
    );
    expect(events.map((e) => e[0])).toEqual(['2023-03-25']);
  });

  it('does not take a nationality after "at" for the place ("at Danish carrier")', () => {
    expect(eventsOf('Pilots at Danish carrier Skyvik will walk out on March 22.')).toEqual([
      ['2023-03-22', null, null, null],
    ]);
  });
});
