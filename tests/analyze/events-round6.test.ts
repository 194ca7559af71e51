import { describe, expect, it } from 'vitest';
import { isPastTense } from '../../src/analyze/tense.ts';
import { analyzeBody, calendarOf } from './analyze-body.ts';

// Round six of issue 13 (event recall): the classes of missed events found on dev5 and the earlier
// development folders, each in text of our own.

describe('a fixture list under weekday headings', () => {
  // 2026-03-04 is a Wednesday.
  it('reads each line under "Thursday", "Saturday", "Sunday:" as a match of the coming days, with its GMT time', () => {
    const body = [
      'Round 19 fixtures:',
      'Thursday',
      'Lokomotiva Brod - Mlinar Cesta at 1700GMT',
      'Saturday',
      'Sokol-Dravica at 1830GMT',
      'Gradina Sisak - Rudar Labin at 1600 GMT',
      'Sunday:',
      'Jadran Omis-Poljud Split at 1500GMT',
    ].join('\n\n');
    const events = analyzeBody(body, '2026-03-04').events;
    expect(events.map((e) => [e.date, e.time, e.title])).toEqual([
      ['2026-03-05', '17:00', 'Lokomotiva Brod v Mlinar Cesta'],
      ['2026-03-07', '18:30', 'Sokol v Dravica'],
      ['2026-03-07', '16:00', 'Gradina Sisak v Rudar Labin'],
      ['2026-03-08', '15:00', 'Jadran Omis v Poljud Split'],
    ]);
  });

  it('runs the headings forward: a weekday after a later one is in the next week', () => {
    const body = [
      'Saturday',
      'Sokol-Dravica at 1830GMT',
      'Monday',
      'Zvijezda Osijek - Bura Senj at 1745GMT',
    ].join('\n\n');
    expect(calendarOf(body, '2026-03-04')).toEqual([
      ['2026-03-07', null],
      ['2026-03-09', null],
    ]);
  });

  it('reads no schedule from a weekday over timed lines that pair no sides ("09:15 Police said ...")', () => {
    const body = [
      'Monday',
      '09:15 Police closed the bridge after the flooding',
      '11:40 The mayor visited the shelters in Rijeka',
    ].join('\n\n');
    expect(calendarOf(body, '2026-03-04')).toEqual([]);
  });

  it('gives the ground the next paragraph names to the fixture the story retold ("The match will kick off at 1730GMT at ...")', () => {
    const body = [
      'Sokol will host Dravica in the league derby on Saturday.',
      'The match will kick off at 1830GMT at the Gradski Vrt Hall.',
      'Saturday',
      'Sokol-Dravica at 1830GMT',
    ].join('\n\n');
    const [event] = analyzeBody(body, '2026-03-04').events;
    expect(event?.location).toBe('Gradski Vrt Hall');
  });
});

describe('a day written as "the 22nd"', () => {
  // 2026-05-06 is a Wednesday; 2026-05-11 a Monday.
  it('takes the month the sentence named before it ("in September, opening on the 17th")', () => {
    expect(calendarOf('The book fair returns in September, opening on the 17th.', '2026-05-06')).toEqual([
      ['2026-09-17', null],
    ]);
  });

  it('takes its length from the clause ("the three day training ... starting on the 20th")', () => {
    expect(
      calendarOf(
        'The three day training of polling staff is scheduled for July, starting on the 20th.',
        '2026-05-06',
      ),
    ).toEqual([['2026-07-20', '2026-07-22']]);
  });

  it('is the day of the weekday before it, and runs to "the 18th of May" ("from Monday, the 11th, to ...")', () => {
    const events = analyzeBody(
      'Parties may submit their lists from Monday, the 11th, to the 18th of May.',
      '2026-05-06',
    ).events;
    expect(events.map((e) => [e.date, e.endDate])).toEqual([['2026-05-11', '2026-05-18']]);
  });

  it('is no day when it numbers a noun ("the 10th anniversary", "the 12th floor") or the sentence names no month', () => {
    expect(
      calendarOf('In May the board will mark the 10th anniversary on the 12th floor.', '2026-05-06'),
    ).toEqual([]);
    expect(calendarOf('The office will close at 4pm on the 18th for all parties.', '2026-05-06')).toEqual([]);
  });

  it('names "the 4 day fest" after the festival the story named ("the last Firefly Festival")', () => {
    const body = [
      'Just months after the last Firefly Festival, the lineup for next year was announced.',
      'The 4 day fest is in September, kicking off the 22nd.',
    ].join('\n\n');
    const [event] = analyzeBody(body, '2026-02-22').events;
    expect([event?.date, event?.endDate, event?.title]).toEqual([
      '2026-09-22',
      '2026-09-25',
      'Firefly Festival',
    ]);
  });
});

describe('a chain set beside a written date', () => {
  // 2026-01-14 is a Wednesday.
  it('dates the event it names from that date ("on 1 October - the day before the London Marathon")', () => {
    const events = analyzeBody(
      'Dock workers will walk out on January 30 - the day before the regional election.',
      '2026-01-14',
    ).events;
    expect(events.map((e) => [e.date, e.title])).toEqual([
      ['2026-01-30', 'Dock workers walkout'],
      ['2026-01-31', 'Regional election'],
    ]);
  });

  it('counts back a number of days or weeks after the event ("on 9 February – two days after the parade")', () => {
    const events = analyzeBody(
      'The port authority will present its tariff plan on 9 February – two days after the carnival parade. The board meets on March 2, a week after the shareholder vote.',
      '2026-01-14',
    ).events;
    expect(events.map((e) => e.date)).toEqual(['2026-02-07', '2026-02-09', '2026-02-23', '2026-03-02']);
  });

  it('dates nothing from a chain whose anchor is no event ("six weeks after the death of the sitting member")', () => {
    const events = analyzeBody(
      'The by-election will be held on June 19, six weeks after the death of the sitting member.',
      '2026-05-06',
    ).events;
    expect(events.map((e) => e.date)).toEqual(['2026-06-19']);
  });

  it('reads "the presidential – and legislative – elections" past the aside between dashes', () => {
    const events = analyzeBody(
      'Lawmakers will return on Feb. 4, two days after the presidential – and legislative – elections.',
      '2026-01-14',
    ).events;
    expect(events.map((e) => e.date)).toEqual(['2026-02-02', '2026-02-04']);
  });

  it('reads "the eve of the vote" beside a date as the day before the vote', () => {
    const events = analyzeBody('Campaigning ends on January 30, the eve of the vote.', '2026-01-14').events;
    expect(events.map((e) => e.date)).toContain('2026-01-31');
  });

  it('dates nothing from a chain whose words name no event ("a day after he resigned"), nor a past one', () => {
    expect(
      analyzeBody('The minister will speak on January 30, a day after he resigned.', '2026-01-14').events.map(
        (e) => e.date,
      ),
    ).toEqual(['2026-01-30']);
    expect(
      analyzeBody('The union first stopped work on January 5, a day after pay talks collapsed.', '2026-01-14')
        .events,
    ).toEqual([]);
  });
});

describe('the tense of a chain and of a name ending in -ed', () => {
  // 2026-08-05 is a Wednesday.
  it('reads "A day earlier, Northfield United hosts ..." as the day before the match just told', () => {
    const body = [
      'The season opens with the capital derby between Lakeside Rangers and Port Vale City on Saturday, August 15.',
      'A day earlier, Northfield United hosts Harbour Athletic in the first game of the season at Mill Lane.',
    ].join('\n\n');
    expect(calendarOf(body, '2026-08-05')).toEqual([
      ['2026-08-14', null],
      ['2026-08-15', null],
    ]);
  });

  it('takes "United", "Saied" and "Associated" after the first word for names, not past verbs', () => {
    const hosts = 'Adelaide United hosts Sydney FC on Friday.';
    expect(isPastTense(hosts, hosts.indexOf('Friday'))).toBe(false);
    const meets = 'The minister meets President Kais Saied on Friday.';
    expect(isPastTense(meets, meets.indexOf('Friday'))).toBe(false);
    const hosted = 'Adelaide United hosted Sydney FC on Friday.';
    expect(isPastTense(hosted, hosted.indexOf('Friday'))).toBe(true);
  });

  it('keeps the tense of the event a chain counts from ("three weeks after the talks broke down")', () => {
    const body = 'The two sides will resume negotiations on Monday, three weeks after the talks broke down.';
    expect(analyzeBody(body, '2026-08-05').events.map((e) => e.date)).toEqual(['2026-08-10']);
  });

  it('still reads a chain told in the past as past ("Two days earlier, the minister had resigned")', () => {
    const body = [
      'The assembly will vote on Saturday, August 15.',
      'Two days earlier, the speaker had resigned.',
    ].join('\n\n');
    expect(calendarOf(body, '2026-08-05')).toEqual([['2026-08-15', null]]);
  });
});

describe('two times on one day', () => {
  // 2026-02-02 is a Monday.
  it('keeps two occasions of one kind told at different times of a day ("at 8 am" and "at 2 pm")', () => {
    const body = [
      'The inspection for registered voters will be held on February 9 at 8 am.',
      'Party agents will hold their own inspection of the roll on February 9 at 2 pm.',
    ].join('\n\n');
    expect(analyzeBody(body, '2026-02-02').events.map((e) => [e.date, e.time])).toEqual([
      ['2026-02-09', '08:00'],
      ['2026-02-09', '14:00'],
    ]);
  });

  it('still takes a day told again with the same time, or without one, for the same occasion', () => {
    const body = [
      'The inspection for registered voters will be held on February 9 at 8 am.',
      'The inspection on February 9 will start at 8 am at ward offices. The inspection on February 9 is open to all.',
    ].join('\n\n');
    expect(analyzeBody(body, '2026-02-02').events.map((e) => [e.date, e.time])).toEqual([
      ['2026-02-09', '08:00'],
    ]);
  });
});
