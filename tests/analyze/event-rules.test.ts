import { describe, expect, it } from 'vitest';
import { maskDateline } from '../../src/analyze/events.ts';
import { analyzeBody } from './analyze-body.ts';

function eventsOf(body: string, publishedAt = '2023-03-16') {
  return analyzeBody(body, publishedAt).events.map((e) => [e.date, e.endDate, e.location]);
}

// 2023-03-16 is a Thursday.
describe('chained dates', () => {
  it('anchors "the day after the ministers meet" on the meeting, not the last date', () => {
    const events = eventsOf(
      'The trade ministers will meet in Lima on March 27. The union will strike on Monday. The day after the ministers meet, customs chiefs will gather in Cusco.',
    );
    expect(events).toContainEqual(['2023-03-28', null, 'Cusco']);
    expect(events).not.toContainEqual(['2023-03-21', null, 'Cusco']);
  });

  it('anchors "the day before jury selection" on the clause that names jury selection', () => {
    const events = eventsOf(
      'Jury selection will begin on April 3 in Denver. A status hearing is set for Monday. Lawyers must file their motions the day before jury selection.',
    );
    expect(events.map((e) => e[0])).toContain('2023-04-02');
  });

  it('anchors "the day after the premiere" on the lead event when no dated clause names it', () => {
    const events = eventsOf(
      'The opera will be performed for the first time on April 14 in Graz. A lecture on the work is planned for Monday in Vienna. The score will go on display the day after the premiere in Graz.',
    );
    expect(events).toContainEqual(['2023-04-15', null, 'Graz']);
  });

  it('prefers a coming event over a past date of the same name', () => {
    const events = eventsOf(
      'The launch had been planned for March 1. The launch will now take place on March 30. Engineers will hold a briefing the day after the launch.',
    );
    expect(events.map((e) => e[0])).toEqual(['2023-03-30', '2023-03-31']);
  });
});

describe('tense of weekdays', () => {
  it('reads a possessive weekday in a present-perfect sentence as past ("Wednesday\'s collapse has cut")', () => {
    expect(eventsOf("Wednesday's collapse of the bridge has cut the road to the coast.")).toEqual([]);
  });

  it('reads a weekday after an irregular past verb as past ("spoke ... on Wednesday")', () => {
    expect(eventsOf('The minister spoke at a briefing in Quito on Wednesday.')).toEqual([]);
  });

  it('reads "must file proposed motions" as future despite the -ed adjective', () => {
    expect(eventsOf('Both sides must submit proposed motions on Monday.').map((e) => e[0])).toEqual([
      '2023-03-20',
    ]);
  });
});

describe('datelines and ranges', () => {
  it('does not take the date of a dateline for an event', () => {
    expect(maskDateline('BERGEN, Norway, March 16 (NNA) - The festival opens.')).toMatch(/^\s+The festival/);
    expect(eventsOf('BERGEN, Norway, March 16 (NNA) - The festival will open on March 20.')).toEqual([
      ['2023-03-20', null, null],
    ]);
  });

  it('reads "from 12 to 14 July", "from 12 July to 14 July" and "between 3 and 5 May" as ranges', () => {
    const events = eventsOf(
      'The conference will run from 12 to 14 July. The fair will be held from 2 June to 4 June. The regatta will take place between 3 and 5 May.',
    );
    expect(events.map((e) => [e[0], e[1]])).toEqual([
      ['2023-05-03', '2023-05-05'],
      ['2023-06-02', '2023-06-04'],
      ['2023-07-12', '2023-07-14'],
    ]);
  });

  it('reads "later this month, on March 28" and a "by" deadline', () => {
    const events = eventsOf(
      'Shareholders will vote at a meeting later this month, on March 28, in Bergen. Customers must install the patch by March 30.',
    );
    expect(events).toEqual([
      ['2023-03-28', null, 'Bergen'],
      ['2023-03-30', null, null],
    ]);
  });
});

describe('places', () => {
  it('takes a multi-word city after "leave" and "the worst-hit areas of"', () => {
    const events = eventsOf(
      'The ship will leave Puerto Montt on March 20. The president will visit the worst-hit areas of San Felipe tomorrow.',
    );
    expect(events).toEqual([
      ['2023-03-17', null, 'San Felipe'],
      ['2023-03-20', null, 'Puerto Montt'],
    ]);
  });

  it('names a venue with its city ("at the Lund library in Malmo")', () => {
    expect(eventsOf('The letters will go on display on March 20 at the Lund library in Malmo.')).toEqual([
      ['2023-03-20', null, 'Lund library, Malmo'],
    ]);
  });
});
