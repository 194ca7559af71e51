import { describe, expect, it } from 'vitest';
import { CALENDAR_CONFIDENCE } from '../../src/analyze/event-confidence.ts';
import { analyzeBody } from './analyze-body.ts';

// Round four of issue 13: the classes of event failure found on dev3, each in text of our own.

type Row = [string, string | null];

/** [date, endDate] of the events sure enough for the calendar. */
function calendarOf(body: string, published: string): Row[] {
  return analyzeBody(body, published)
    .events.filter((e) => (e.confidence ?? 1) >= CALENDAR_CONFIDENCE)
    .map((e) => [e.date, e.endDate]);
}

describe('a day between the subject and its past verb', () => {
  // 2025-03-14 is a Friday.
  it('reads "The court on Thursday put off the hearing" as the Thursday just past, no event', () => {
    const body =
      'The Court of Appeal on Thursday put off the hearing of the appeal until the higher court rules.';
    expect(calendarOf(body, '2025-03-14')).toEqual([]);
  });

  it('reads "The High Court today fixed new dates ... until next August" as the report, not an event today', () => {
    const body = 'The High Court today fixed new dates for the trial until next August.';
    expect(calendarOf(body, '2025-03-14')).toEqual([]);
  });

  it('reads "The council on Monday set the budget" as past, but "The regulator on Friday will publish" as coming', () => {
    expect(calendarOf('The council on Monday set the budget for next year.', '2025-03-14')).toEqual([]);
    expect(calendarOf('The regulator on Friday will publish its report.', '2025-03-14')).toEqual([
      ['2025-03-14', null],
    ]);
  });

  it('still reads a plan\'s participle after the day as coming ("The final on Sunday, scheduled for 3pm")', () => {
    expect(calendarOf('The final on Sunday scheduled for 3pm is sold out.', '2025-03-14')).toEqual([
      ['2025-03-16', null],
    ]);
  });
});

describe('page furniture of more shapes', () => {
  it('reads no event in a dateline with the country in brackets ("Mombasa [Kenya], March 3 (KNA):")', () => {
    const body = 'Mombasa [Kenya], March 3 (KNA): Dock workers will hold a 24-hour strike on March 10.';
    expect(calendarOf(body, '2026-03-03')).toEqual([['2026-03-10', null]]);
  });

  it('reads no event in a byline with its weekday and time, or in a weather line beside the date', () => {
    const body = [
      'Galway: 9°C Tuesday 3 March 2026',
      'By Achieng Otieno Tuesday 3 Mar 2026, 9:41 AM',
      'The oyster festival will run from 25 to 27 September in Galway.',
    ].join('\n\n');
    expect(calendarOf(body, '2026-03-03')).toEqual([['2026-09-25', '2026-09-27']]);
  });
});

describe('lists of days after a month', () => {
  it('reads "on December 13, 14, 16 and 17" as four days, not December 13, 2014', () => {
    expect(calendarOf('Rail workers will walk out on December 13, 14, 16 and 17.', '2022-12-01')).toEqual([
      ['2022-12-13', null],
      ['2022-12-14', null],
      ['2022-12-16', null],
      ['2022-12-17', null],
    ]);
  });

  it('still reads a written year and a time after the day ("on June 4, 2023", "on June 4, 10 am")', () => {
    const [summit] = analyzeBody('The summit will be held on June 4, 2023 in Oslo.', '2022-12-01').events;
    expect(summit).toMatchObject({ date: '2023-06-04' });
    const [talks] = analyzeBody('The talks will open on June 4, 10 am.', '2022-12-01').events;
    expect(talks).toMatchObject({ date: '2023-06-04', time: '10:00' });
  });
});

describe('lists of spans after a month', () => {
  it('reads "from January 12 to 15, 19 to 22 and 26 to 29" as three spans of January, each at the place told after the last', () => {
    const body =
      'The inquiry will sit from January 12 to 15, 19 to 22 and 26 to 29 at the Old Customs House.';
    const events = analyzeBody(body, '2025-11-21').events.map((e) => [e.date, e.endDate, e.location]);
    expect(events).toEqual([
      ['2026-01-12', '2026-01-15', 'Old Customs House'],
      ['2026-01-19', '2026-01-22', 'Old Customs House'],
      ['2026-01-26', '2026-01-29', 'Old Customs House'],
    ]);
  });

  it('reads a span list across months ("May 4-6, 11-13, June 1 to 4 and 8 to 11") and reads no hours in it', () => {
    const body = 'The hearings will run on May 4-6, 11-13, June 1 to 4 and 8 to 11.';
    const events = analyzeBody(body, '2025-11-21').events;
    expect(events.map((e) => [e.date, e.endDate])).toEqual([
      ['2026-05-04', '2026-05-06'],
      ['2026-05-11', '2026-05-13'],
      ['2026-06-01', '2026-06-04'],
      ['2026-06-08', '2026-06-11'],
    ]);
    expect(events.every((e) => e.time === null)).toBe(true);
  });
});

describe('a month heading over lines that give only the day', () => {
  const list = (lines: string[]) =>
    ['The choir will tour cathedrals this spring. The tour dates are listed below:', ...lines].join('\n\n');

  it('reads "March" over "Fri 13: Cork – St Fin Barre\'s Cathedral" as shows on those days of March, at their cities', () => {
    const body = list([
      'March',
      'Fri 13: Cork – St Fin Barre’s Cathedral',
      'Sat 14: Limerick – St Mary’s Cathedral',
      'April',
      'Fri 3: Derry – St Columb’s Cathedral',
    ]);
    const events = analyzeBody(body, '2026-01-15').events.map((e) => [e.date, e.title, e.location]);
    expect(events).toEqual([
      // The venue after the dash is the most specific place (listings round five).
      ['2026-03-13', 'Tour show, Cork', 'Cork, St Fin Barre’s Cathedral'],
      ['2026-03-14', 'Tour show, Limerick', 'Limerick, St Mary’s Cathedral'],
      ['2026-04-03', 'Tour show, Derry', 'Derry, St Columb’s Cathedral'],
    ]);
  });

  it('reads no day when the weekday given is not that day of the month', () => {
    const body = list([
      'March',
      'Mon 13: Cork – St Fin Barre’s Cathedral',
      'Tue 14: Limerick – St Mary’s Cathedral',
    ]);
    expect(analyzeBody(body, '2026-01-15').events).toEqual([]);
  });
});

describe('one day written twice side by side', () => {
  it('reads "from today, Tuesday, March 10, through to Thursday, the March 12" as one span', () => {
    const body =
      'The committee is scheduled to meet from today, Tuesday, March 10, 2026, through to Thursday, the March 12, 2026.';
    expect(calendarOf(body, '2026-03-10')).toEqual([['2026-03-10', '2026-03-12']]);
  });
});

describe('a day given up or a wait, not an occurrence', () => {
  it('reads no event in the days a change replaces ("instead of Oct 7 to Dec 5", "on July 9, not July 2", "rather than")', () => {
    expect(
      calendarOf(
        'The session will now be held from Oct 14 to Dec 12 instead of Oct 7 to Dec 5.',
        '2024-06-24',
      ),
    ).toEqual([['2024-10-14', '2024-12-12']]);
    expect(calendarOf('The final will be played on July 9, not July 2.', '2024-06-24')).toEqual([
      ['2024-07-09', null],
    ]);
    expect(calendarOf('The vote will take place on July 9 rather than July 2.', '2024-06-24')).toEqual([
      ['2024-07-09', null],
    ]);
  });

  it('reads no event on the end of "between now and July 27"', () => {
    const body =
      'Convening again depends on whether the House will comply between now and July 27, the spokesman said.';
    expect(calendarOf(body, '2024-06-24')).toEqual([]);
  });
});

describe('a part of the day before the date', () => {
  it('reads "on the morning of May 8" and "by the evening of 10 May" as those days', () => {
    const body = 'He will be released on the morning of May 8 and must be back by the evening of 10 May.';
    expect(calendarOf(body, '2025-05-05').map(([date]) => date)).toEqual(['2025-05-08', '2025-05-10']);
  });
});

describe('a length told far from the date', () => {
  it('reads no range from "a two-day parole ... to attend a wedding that is scheduled to take place on May 9"', () => {
    const body =
      "The court on Monday granted a three-day parole to councillor Prakash Meena so that he can attend his daughter's wedding in Udaipur that is scheduled to take place on May 9.";
    expect(calendarOf(body, '2025-05-05')).toEqual([['2025-05-09', null]]);
    expect(analyzeBody(body, '2025-05-05').events[0]?.title).toMatch(/wedding/i);
  });

  it('still reads a length told just before the date ("a three-day summit that opens on Friday")', () => {
    expect(
      calendarOf('Leaders will gather for a three-day summit that opens on Friday in Accra.', '2025-05-05'),
    ).toEqual([['2025-05-09', '2025-05-11']]);
  });
});

describe("a day in an opening participle or a relative clause takes that clause's past", () => {
  // 2024-07-19 is a Friday.
  it('reads "Speaking to reporters on Friday, the minister said" as the report, not an event that day', () => {
    const body = 'Speaking to reporters on Friday, the minister said the vote will be held on July 30.';
    expect(calendarOf(body, '2024-07-19')).toEqual([['2024-07-30', null]]);
  });

  it('reads "Addressing the House today, 19th July 2024, she disclosed" as the report', () => {
    const body =
      'Addressing the House of Parliament today, 19th July 2024, she disclosed that the commission plans to undertake a registration exercise from August 1st to 3rd, 2024.';
    expect(calendarOf(body, '2024-07-19')).toEqual([['2024-08-01', '2024-08-03']]);
  });

  it('still reads a coming main verb after the participle ("Arriving in Lagos on Sunday, the delegation will meet")', () => {
    expect(
      calendarOf('Arriving in Lagos on Sunday, the delegation will meet the governor.', '2024-07-19'),
    ).toEqual([['2024-07-21', null]]);
  });

  it('reads "X, who made this disclosure at a briefing in Accra, dubbed, ..., on August 17, indicated that ... would end" as past', () => {
    const body =
      'The chairwoman, who made this disclosure at a press briefing in Accra, dubbed, ‘Let the Citizen Know’, on August 17, 2023, indicated that the registration exercise would end on Monday, October 2, 2023.';
    expect(calendarOf(body, '2023-08-17').map(([date]) => date)).toEqual(['2023-10-02']);
  });
});

describe('a list of days written before its month', () => {
  it('reads "on 2, 9 and 16 June and 1 July" as four days', () => {
    expect(calendarOf('Refuse collectors will strike on 2, 9 and 16 June and 1 July.', '2026-05-20')).toEqual(
      [
        ['2026-06-02', null],
        ['2026-06-09', null],
        ['2026-06-16', null],
        ['2026-07-01', null],
      ],
    );
  });

  it('reads ordinals and a year after the month ("on 3rd, 10th and 17th May 2027")', () => {
    expect(
      calendarOf('The exams will be held on 3rd, 10th and 17th May 2027.', '2026-05-20').map(([d]) => d),
    ).toEqual(['2027-05-03', '2027-05-10', '2027-05-17']);
  });
});

describe('"the same day"', () => {
  it('dates "will be held the same day" to the day just told in its paragraph', () => {
    const body =
      'Nominations close on September 19, and a public meeting to present the accepted candidates will be held the same day.';
    expect(calendarOf(body, '2025-09-10')).toEqual([
      ['2025-09-19', null],
      ['2025-09-19', null],
    ]);
  });

  it('reads no day in "the same day" of a paragraph that dates nothing', () => {
    const body = [
      'The new route to Lisbon will open on May 8.',
      'Flights leave Boston at 6.10 p.m. and arrive in the Portuguese capital the same day after a stop in the Azores.',
    ].join('\n\n');
    const [only, ...rest] = analyzeBody(body, '2025-04-01').events;
    expect(rest).toEqual([]);
    expect(only?.location ?? '').not.toMatch(/Azores|Portuguese/);
  });
});

describe('what is done each time', () => {
  it('leaves out of the calendar a habit ("usually starts a week before polling ... the same day")', () => {
    const body = [
      'Voters will go to the polls on October 4.',
      'Counting of the votes cast abroad usually starts a week before polling, and officials finish that count the same day.',
    ].join('\n\n');
    expect(calendarOf(body, '2025-09-10')).toEqual([['2025-10-04', null]]);
  });

  it('keeps an announcement told after a habit ("usually held in May, will take place on June 3")', () => {
    expect(calendarOf('The festival, usually held in May, will take place on June 3.', '2025-09-10')).toEqual(
      [['2026-06-03', null]],
    );
  });
});

describe('a deadline given to someone', () => {
  it('reads "has given the union until noon on Thursday to call off its ban" as a deadline, a proposed deal no doubt about it', () => {
    const body =
      'The mayor has given the union until noon on Thursday to call off its overtime ban, or a proposed wage agreement will be withdrawn.';
    const events = analyzeBody(body, '2026-02-09').events.filter(
      (e) => (e.confidence ?? 1) >= CALENDAR_CONFIDENCE,
    );
    expect(events.map((e) => [e.date, e.time, e.title])).toEqual([
      ['2026-02-12', '12:00', 'Deadline to call off its overtime ban'],
    ]);
  });

  it('still doubts dates that are only proposed ("The proposed dates are October 26-28 or November 3-5")', () => {
    expect(calendarOf('The proposed dates are October 26-28 or November 3-5.', '2026-02-09')).toEqual([]);
  });
});

describe('a length that ends on its date', () => {
  // 2026-06-03 is a Wednesday.
  it('reads "for three days, through next Friday" as the three days up to that Friday', () => {
    const body = 'Trade ministers will meet in Quito for three days, through next Friday.';
    expect(calendarOf(body, '2026-06-03')).toEqual([['2026-06-10', '2026-06-12']]);
  });

  it('still reads "a 48-hour strike from 9pm on May 6" forward', () => {
    const [strike] = analyzeBody(
      'Drivers will stage a 48-hour strike from 9pm on May 6.',
      '2026-03-04',
    ).events;
    expect(strike).toMatchObject({ date: '2026-05-06', endDate: '2026-05-08' });
  });
});

describe('a day that dates the event after "after" or "before"', () => {
  // 2026-10-01 is a Thursday.
  it('reads "Parliament will debate the bill after Monday\'s statement" as the statement\'s day, not a debate on Monday', () => {
    const body = [
      'The minister will present a budget statement to Parliament on Monday (Oct 5).',
      "Parliament will debate the spending bill and the measures after Monday's ministerial statement, said the minister, who is also deputy leader.",
    ].join('\n\n');
    const events = analyzeBody(body, '2026-10-01').events.map((e) => [e.date, e.title]);
    expect(events).toEqual([['2026-10-05', 'Budget statement']]);
  });
});

describe('the verb of an event already dated', () => {
  // 2026-02-16 is a Monday.
  it('reads "the clubs will be drawn on Thursday" after "Thursday\'s draw" as that one draw', () => {
    const body = [
      "Thursday's draw for the national netball cup will put clubs into groups of four.",
      'At noon on Thursday, the sixteen clubs will be drawn into four groups, the top two of each going to the quarter-finals.',
    ].join('\n\n');
    const events = analyzeBody(body, '2026-02-16').events.map((e) => [e.date, e.time]);
    expect(events).toEqual([['2026-02-19', '12:00']]);
  });

  it('keeps two events of a day that name two things ("the summit on May 27", "a banquet will be held on May 27")', () => {
    const body = 'Leaders will attend the summit on May 27. A banquet will be held on May 27 at the palace.';
    expect(analyzeBody(body, '2026-02-16').events).toHaveLength(2);
  });
});

describe('a wait told in the past', () => {
  // 2026-03-12 is a Thursday.
  it('reads "failed to form a cabinet in the 30 days given to him until Tuesday midnight" as the Tuesday just past', () => {
    const body =
      'The president dissolved parliament after the prime minister-designate failed to form a cabinet in the 30 days given to him until Tuesday midnight.';
    expect(calendarOf(body, '2026-03-12')).toEqual([]);
  });

  it('still reads a coming end ("the strike would run until Friday") and a deadline ("has until Friday to decide")', () => {
    expect(calendarOf('The union said the strike would run until Friday.', '2026-03-12')).toEqual([
      ['2026-03-13', null],
    ]);
    expect(calendarOf('The board was given until Friday to decide on the bid.', '2026-03-12')).toEqual([
      ['2026-03-13', null],
    ]);
  });
});

describe('a reason in the present, a purpose in the past', () => {
  // 2026-06-15 is a Monday.
  it('reads "sought an adjournment as she has a hearing before the High Court today" as a hearing today', () => {
    const body = 'The lawyer had sought an adjournment as she has a hearing before the High Court today.';
    expect(calendarOf(body, '2026-06-15')).toEqual([['2026-06-15', null]]);
  });

  it('reads "The farmers, who were in the capital to protest at Saturday\'s congress" as the Saturday just past', () => {
    const body =
      "The farmers, who were in the capital to protest at Saturday's party congress, packed the courtroom.";
    expect(calendarOf(body, '2026-06-15')).toEqual([]);
  });

  it('still reads "were set to play in Sunday\'s final" as coming', () => {
    expect(calendarOf("The two clubs were set to play in Sunday's final.", '2026-06-15')).toEqual([
      ['2026-06-21', null],
    ]);
  });
});

describe('a sentence cut after its date', () => {
  it('reads no event in "On March 15." before "Voters went to the polls ..." (not March 15 next year)', () => {
    const body =
      'On March 15. Voters went to the polls to choose the council. The council will vote on its budget on June 18.';
    expect(calendarOf(body, '2026-05-30')).toEqual([['2026-06-18', null]]);
  });

  it('still reads a whole sentence that opens with its date ("On October 20, the band will start a tour")', () => {
    expect(calendarOf('On October 20, the band will start a tour of the country.', '2026-05-30')).toEqual([
      ['2026-10-20', null],
    ]);
  });
});
