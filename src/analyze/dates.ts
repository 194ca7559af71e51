// The English parsers only: the whole package (every locale) takes three times as long to import.
import * as chrono from 'chrono-node/en';
import { resolveAppositions } from './appositive-chains.ts';
import { addDays, daysBetween, fromIso, toIso } from './calendar.ts';
import { findChains } from './chains.ts';
import {
  blankSpanLists,
  expandDayFirstLists,
  expandDayLists,
  expandSpanLists,
  joinDayRanges,
  joinRanges,
  joinSameDay,
  keepFirstTime,
} from './date-lists.ts';
import { withOrdinalDays } from './ordinal-days.ts';

/** A date written in a sentence, resolved to the calendar. */
export interface DateMention {
  start: number;
  end: number;
  /** YYYY-MM-DD, or null for a time given without a day ("at 10 am local time"). */
  date: string | null;
  endDate: string | null;
  time: string | null;
  /** "the following day", "three days after that": counted from the event just mentioned. */
  chain: { days: number; anchor: string[]; fromEnd: boolean } | null;
}

/** Sentences without any of these carry no date: chrono is not called on them. */
const DATEISH =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\btomorrow\b|\btoday\b|\btonight\b|\bnoon\b|\d\s*(?:a\.?m\b|p\.?m\b)|\b\d{1,2}[:.]\d{2}\b|\bday\b|\bdays\b|\b(?:morning|evening|night)\s+(?:before|after)\b|\beve\s+of\b|\bweeks?\s+(?:later|after)|\bthe\s+\d{1,2}(?:st|nd|rd|th)\b/i;
// "between Tuesday and Thursday next week": a weekday of a week named is one day, as precise as "next Thursday".
const DAY_OF_WEEK = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:of\s+)?next\s+week\b/i;
// "over the weekend" names no day of it.
const IMPRECISE =
  /\b(?:next|this|last|coming)\s+(?:week|month|year|weekend)\b|\bend of\b|\bago\b|^[^\d]*\bweekend\W*$/i;

// A written date this close after a chain, with no break between, is in the chain's clause.
const MAX_CHAIN_TO_DATE = 60;

/**
 * A chain beside a written date: "Two days later, on January 12" and "a week later against Perth on
 * Saturday, October 19" are that day, the written date wins; "the day before resuming classes on
 * Thursday, Dec. 5" names what it counts from, and the date written after the name is that thing's.
 */
function placeChain(sentence: string, m: DateMention, mentions: readonly DateMention[]): DateMention[] {
  if (!m.chain) return [m];
  const written = mentions.find((d) => {
    if (!d.date || d.start < m.end) return false;
    const between = sentence.slice(m.end, d.start);
    return d.start - m.end <= 8 || (between.length <= MAX_CHAIN_TO_DATE && !/[,;:.!?()]/.test(between));
  });
  if (!written?.date) return [m];
  if (m.chain.anchor.length === 0 || /[,;:.!?()]/.test(sentence.slice(m.end, written.start))) return [];
  return [{ ...m, date: toIso(addDays(fromIso(written.date), m.chain.days)), endDate: null, chain: null }];
}

/**
 * Finds the dates of a sentence. Absolute and weekday dates come from chrono-node;
 * chained dates ("the following day") are left for the caller, who knows the event
 * just mentioned. Weekdays are read forward or backward from the tense of the clause.
 */
export function findDateMentions(
  sentence: string,
  published: string,
  pastTense: (at: number) => boolean,
  /** The last year the article wrote before this sentence ("the meeting dates for 2024 are ..."). */
  yearHint: number | null = null,
): DateMention[] {
  if (!DATEISH.test(sentence) && !HAS_FOUR_DIGIT_TIME.test(sentence)) return [];
  const mentions = [...findChains(sentence), ...fourDigitTimes(sentence)];
  const reference = fromIso(published);
  // "on 9 February – two days after the parade": chrono would read the date and the chain as one
  // (and a run of blanks after a date loses its day: the chain is filled with a mark, not spaces).
  const unchained = mentions.reduce(
    (text, m) => (m.chain ? text.slice(0, m.start) + '_'.repeat(m.end - m.start) + text.slice(m.end) : text),
    sentence,
  );
  const results = chrono.parse(prepareRanges(unchained), { instant: reference, timezone: 'UTC' });
  for (const result of results) {
    const start = result.index;
    const end = start + result.text.length;
    // Relative spans ("three weeks after", "in two days") count from the wrong day in chrono: ours or none.
    if (mentions.some((m) => m.start < end && start < m.end)) continue;
    const dayOfWeek = DAY_OF_WEEK.test(result.text);
    if (IMPRECISE.test(result.text) && !dayOfWeek) continue;
    if (/\b(?:hours?|days?|weeks?|months?|years?)\b/i.test(result.text) && !dayOfWeek) continue;
    if (isRecurringWeekday(sentence, start, end) || isNamedDay(sentence, start, end)) continue;
    // "will now take place on March 30": "now" is no date.
    if (/^(?:right\s+|just\s+)?now$/i.test(result.text.trim())) continue;
    const mention = toMention(result, published, pastTense(start), setsDay(sentence, start, end));
    const hint = lastYearIn(sentence.slice(0, start)) ?? yearHint;
    if (mention) mentions.push({ ...withYearHint(mention, result, published, hint), start, end });
    else extendToEnd(mentions, result, start, end);
  }
  const read = withOrdinalDays(sentence, mentions, published, pastTense);
  const kept = read.flatMap((m) => placeChain(sentence, m, read));
  kept.sort((a, b) => a.start - b.start);
  return keepListOrder(
    sentence,
    resolveAppositions(
      sentence,
      expandSpanLists(
        sentence,
        expandDayFirstLists(
          sentence,
          expandDayLists(
            sentence,
            joinRanges(
              sentence,
              joinSameDay(sentence, joinDayRanges(sentence, keepFirstTime(sentence, kept))),
            ),
          ),
        ),
      ),
    ),
  );
}

// What stands between two days of one list: "Feb. 17-21, March 16-20 and December 7-11".
const LIST_BETWEEN = /^\s*(?:,|;|and|&|,\s*and)\s*(?:(?:on|from)\s+)?(?:the\s+)?$/i;
const WRITTEN_YEAR = /\b(?:19|20)\d\d\b/;
// A weekday alone is read from publication, not from the list ("on September 6, Monday at 10am").
const WRITTEN_DAY = /\d/;

/**
 * A list of days runs forward: a day without its year that would fall before the one listed just
 * before it is a year later ("sittings from the 17th to the 21st February ... and 7th to 11th
 * December" in a November story: next December, after next February).
 */
function keepListOrder(sentence: string, mentions: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (const mention of mentions) {
    const previous = out.at(-1);
    if (
      previous?.date &&
      mention.date &&
      !mention.chain &&
      mention.date < previous.date &&
      LIST_BETWEEN.test(sentence.slice(previous.end, mention.start)) &&
      WRITTEN_DAY.test(sentence.slice(mention.start, mention.end)) &&
      !WRITTEN_YEAR.test(sentence.slice(mention.start, mention.end))
    ) {
      const date = shiftYear(mention.date, 1);
      if (date > (previous.endDate ?? previous.date)) {
        out.push({ ...mention, date, endDate: mention.endDate ? shiftYear(mention.endDate, 1) : null });
        continue;
      }
    }
    out.push(mention);
  }
  return out;
}

const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
// "on a Friday night away trip": a part of the day may follow the weekday.
const ONLY_WEEKDAY = new RegExp(`^(?:on\\s+)?${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?$`, 'i');
// "on a Sunday", "every Friday": any such day, not one.
const ANY_DAY_BEFORE = /\b(?:a|every|each|any)\s+$/i;
// "20 flights per day on Sunday, Monday, Tuesday": a weekly timetable.
const DAY_AFTER = new RegExp(`^\\s*,\\s*(?:and\\s+|or\\s+)?${WEEKDAY}\\b`, 'i');
const DAY_BEFORE = new RegExp(
  `\\b${WEEKDAY},\\s*(?:and\\s+|or\\s+)?$|\\b${WEEKDAY},\\s*${WEEKDAY},?\\s+(?:and|or)\\s+$`,
  'i',
);

// "also known as Black Friday", "Super Tuesday", "Good Friday": the named days of the English calendar.
const NAMED_DAY =
  /\b(?:Black|Good|Holy|Maundy|Ash|Shrove|Palm|Easter|Super|Cyber|Giving|Bloody|Boxing|Mad)\s+$/;

/** A weekday that is part of a day's name ("Black Friday"), not a date. */
function isNamedDay(sentence: string, start: number, end: number): boolean {
  return (
    /^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i.test(sentence.slice(start, end).trim()) &&
    NAMED_DAY.test(sentence.slice(Math.max(0, start - 12), start))
  );
}

/** A weekday that names no one day: "on a Sunday", "every Friday", "on Sunday, Monday, ...". */
function isRecurringWeekday(sentence: string, start: number, end: number): boolean {
  // chrono may take the comma after the day: "on Sunday," of "on Sunday, Monday".
  const day = sentence
    .slice(start, end)
    .trimEnd()
    .replace(/[,.;]$/, '');
  if (!ONLY_WEEKDAY.test(day.trim())) return false;
  const before = sentence.slice(Math.max(0, start - 40), start);
  const after = sentence.slice(start + day.length, end + 30);
  return ANY_DAY_BEFORE.test(before) || DAY_BEFORE.test(before) || DAY_AFTER.test(after);
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
// chrono reads "from 12" as a time: "from 12 to 14 July" and "from 12 July to 14 July" lose the "from".
const FROM_DAY = new RegExp(
  `\\bfrom(?=\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+(?:(?:to|until|till|-|–)\\s+\\d{1,2}\\s+)?${MONTH})`,
  'gi',
);
// ... and "between 12 and 14 July" as the 14th only.
const BETWEEN_DAYS = new RegExp(
  `\\bbetween(\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+)and(?=\\s+\\d{1,2}\\s+${MONTH})`,
  'gi',
);

// ... and "between April 16 and 22" as two days: the second day of the month just written closes a range.
const BETWEEN_MONTH_DAYS = new RegExp(
  `\\bbetween(\\s+${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+)and(?=\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?![:.]\\d|\\s*(?:${MONTH}|a\\.?m|p\\.?m|%|per\\b|percent)))`,
  'gi',
);

// "on December 13, 14, 16 and 17": chrono reads the second day as the year ("December 13, 2014").
const DAY_THEN_DAY = new RegExp(
  `(\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?),(?=\\s*\\d{1,2}(?:st|nd|rd|th)?\\b(?![:.]\\d|\\s*(?:${MONTH}|a\\.?m|p\\.?m)))`,
  'gi',
);

// "the 17th to the 21st February, 16th to 20th of March": chrono reads "February, 16th" as one date; a
// list of days written before their months is cut after each month.
const MONTH_THEN_DAY = new RegExp(
  `(\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}),(?=\\s*(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s*(?:to|-|–|until|till|and|,)?\\s*(?:the\\s+)?\\d{0,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH})`,
  'gi',
);

// "on the evening of February 13": chrono reads the part of the day and loses the day itself.
const PART_OF = new RegExp(
  `\\b(?:morning|afternoon|evening|night)\\s+of\\s+(?=(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|${MONTH}\\s+\\d)`,
  'gi',
);

// "Union Budget 2020-21": a fiscal year, whose "21" chrono reads as 9 pm.
const YEAR_SPAN = /\b(?:19|20)\d\d[-–/]\d\d\b/g;
// "from 1330 GMT", "0300 BST": a time of day in four digits, which chrono does not read.
const FOUR_DIGIT_TIME =
  /\b([01]\d|2[0-3])([0-5]\d)\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|IST|WIB|JST|AEST|AEDT|hrs|hours)\b/g;

const HAS_FOUR_DIGIT_TIME = new RegExp(FOUR_DIGIT_TIME.source);

/** Rewrites day ranges chrono misreads into ones it reads, keeping every offset. */
function prepareRanges(sentence: string): string {
  return blankSpanLists(sentence)
    .replace(DAY_THEN_DAY, '$1;')
    .replace(MONTH_THEN_DAY, '$1;')
    .replace(PART_OF, (part) => ' '.repeat(part.length))
    .replace(FROM_DAY, '    ')
    .replace(BETWEEN_DAYS, '       $1to ')
    .replace(BETWEEN_MONTH_DAYS, '       $1to ')
    .replace(YEAR_SPAN, (span) => ' '.repeat(span.length))
    .replace(FOUR_DIGIT_TIME, (span) => ' '.repeat(span.length));
}

/** The first four-digit time with its zone in a text ("at 1730GMT"): the time and where it starts, or null. */
export function findZoneTime(text: string): { time: string; index: number } | null {
  const match = HAS_FOUR_DIGIT_TIME.exec(text);
  return match ? { time: `${match[1]}:${match[2]}`, index: match.index } : null;
}

/** The four-digit times of a sentence as time-only mentions ("from 1330 GMT"). */
function fourDigitTimes(sentence: string): DateMention[] {
  return [...sentence.matchAll(FOUR_DIGIT_TIME)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    date: null,
    endDate: null,
    time: `${m[1]}:${m[2]}`,
    chain: null,
  }));
}

type Parsed = Omit<DateMention, 'start' | 'end'>;

/**
 * "from 8 p.m. Wednesday night until Friday": chrono reads "night until Friday" apart, with no start
 * of its own; its end closes the date written just before it.
 */
function extendToEnd(mentions: DateMention[], result: chrono.ParsedResult, start: number, end: number): void {
  const previous = mentions.filter((m) => m.date && m.end <= start && start - m.end <= 2).at(-1);
  const last = result.end;
  if (!previous?.date || previous.endDate || !last || !(last.isCertain('day') || last.isCertain('weekday')))
    return;
  const endDate = dayOf(last);
  if (endDate > previous.date) Object.assign(previous, { endDate, end });
}

const YEAR_AS_TIME = new RegExp(
  `\\b(?:(?:in|for|during|of|until|through)\\s+(?:(?:early|late|mid-?)\\s*)?|${MONTH}\\s+)(19[5-9]\\d|20\\d\\d)\\b(?![-–/]\\d)`,
  'gi',
);

/** The last year written in a text as a time ("in November 2020", "for 2024"), or null. */
export function lastYearIn(text: string): number | null {
  // A year as a time ("for 2024", "in November 2020"), not an edition's name ("the 2023 Marathon").
  const years = [...text.matchAll(YEAR_AS_TIME)];
  const last = years[years.length - 1]?.[1];
  return last ? Number(last) : null;
}

/**
 * A date written without its year takes the year the article last named when that is later than
 * the nearest one: "The meeting dates for 2024 are Feb. 5-6, March 18-19, ...", "the summit in
 * November 2020 ... on November 21-22".
 */
function withYearHint(
  mention: Parsed,
  result: chrono.ParsedResult,
  published: string,
  hint: number | null,
): Parsed {
  // Only a written month and day takes it: a weekday is this week whatever year the paragraph names.
  if (
    !hint ||
    !mention.date ||
    result.start.isCertain('year') ||
    !result.start.isCertain('month') ||
    /\b(?:tomorrow|today|tonight)\b/i.test(result.text)
  ) {
    return mention;
  }
  const shift = hint - Number(mention.date.slice(0, 4));
  if (shift <= 0 || shift > 2) return mention;
  const date = shiftYear(mention.date, shift);
  if (date < published || daysBetween(published, date) > 800) return mention;
  // "Saturday 9 March" is in the year whose March 9 is a Saturday, whatever year the paragraph names.
  if (result.start.isCertain('weekday') && fromIso(date).getUTCDay() !== result.start.get('weekday'))
    return mention;
  return { ...mention, date, endDate: mention.endDate ? shiftYear(mention.endDate, shift) : null };
}

/**
 * The calendar day as written: "10.45am WST on Saturday, March 18" is March 18 wherever WST is
 * (the instant chrono computes may fall on another UTC day).
 */
function dayOf(components: chrono.ParsedResult['start']): string {
  const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
  return `${components.get('year')}-${pad(components.get('month'))}-${pad(components.get('day'))}`;
}

// A day a few weeks before publication is one just past ("From Aug. 14, the carrier is offering"
// in an August 16 story), not the same day next year.
const RECENT_DAYS = 60;

// "called early elections for June 14", "set a May 20 deadline", "agreed to set June 30 as the date",
// "fixed January 7 for mention", "adjourned the case till Thursday": a decision told in the past names
// the day it sets, which is still to come.
const SETTING_VERB =
  '(?:set|sets|fixed|called|scheduled|rescheduled|slated|announced|earmarked|chose|picked|moved|postponed|adjourned|deferred|delayed|put\\s+off|pushed\\s+back|brought\\s+forward)';
const SET_RIGHT_BEFORE = new RegExp(`\\b${SETTING_VERB}\\s+(?:(?:a|an|the)\\s+)?$`, 'i');
const SET_THEN_OBJECT = new RegExp(`\\b${SETTING_VERB}\\b[^,;:.!?]{0,150}\\s(?:for|to|till|until)\\s+$`, 'i');
const DAY_IS_SET = /^\s*(?:as\b|for\b|deadline\b|date\b)/i;

/** Whether the day is the one a decision sets ("set June 30 as the date", "called elections for June 14"). */
function setsDay(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 200), start);
  if (SET_THEN_OBJECT.test(before)) return true;
  return SET_RIGHT_BEFORE.test(before) && DAY_IS_SET.test(sentence.slice(end));
}

function toMention(
  result: chrono.ParsedResult,
  published: string,
  past: boolean,
  /** The day is one a past decision set: it is not read backward from the past tense. */
  set = false,
): Parsed | null {
  const { start } = result;
  const time = start.isCertain('hour') ? formatTime(start.get('hour') ?? 0, start.get('minute') ?? 0) : null;
  const relativeDay = /\b(?:tomorrow|today|tonight)\b/i.test(result.text);
  let date: string | null = null;
  if (relativeDay || (start.isCertain('day') && start.isCertain('month'))) {
    date = dayOf(start);
    // chrono takes the nearest year; the tense says which side of publication is meant.
    if (
      !relativeDay &&
      !start.isCertain('year') &&
      date < published &&
      !past &&
      daysBetween(date, published) > RECENT_DAYS
    )
      date = shiftYear(date, 1);
    // Only far ahead: "has been cleared for launch on March 5" a week before is still coming.
    if (!relativeDay && !start.isCertain('year') && past && !set && daysBetween(published, date) > 90)
      date = shiftYear(date, -1);
    if (!relativeDay && !start.isCertain('year') && start.isCertain('weekday'))
      date = yearOfWeekday(date, start.get('weekday') ?? 0, published, past);
  } else if (start.isCertain('weekday')) {
    date = resolveWeekday(
      start.get('weekday') ?? 0,
      published,
      (past && !set) || /\blast\b/i.test(result.text),
    );
    if (/\bnext\s+\w+day\b/i.test(result.text) || DAY_OF_WEEK.test(result.text)) date = dayOf(start);
  }
  if (!date && !time) return null;
  let endDate = date && result.end?.isCertain('day') ? dayOf(result.end) : null;
  // A range whose start moved a year ("Feb. 5-6" read after February) moves with it.
  const raw = dayOf(start);
  if (date && endDate && !start.isCertain('year') && date.slice(0, 4) !== raw.slice(0, 4)) {
    endDate = shiftYear(endDate, Number(date.slice(0, 4)) - Number(raw.slice(0, 4)));
  }
  return { date, endDate: date && endDate && endDate > date ? endDate : null, time, chain: null };
}

/**
 * "Saturday 9 March" without a year is in the year whose March 9 is a Saturday, when the year chosen
 * has it on another day and the year before or after is right ("Friday 2 February" in a fixture list
 * published that March is next year's). Of two such years, the one on the tense's side of publication.
 */
function yearOfWeekday(date: string, weekday: number, published: string, past: boolean): string {
  if (fromIso(date).getUTCDay() === weekday) return date;
  const fits = [1, -1]
    .map((years) => shiftYear(date, years))
    .filter((d) => toIso(fromIso(d)) === d && fromIso(d).getUTCDay() === weekday);
  const side = fits.find((d) => (past ? d <= published : d >= published));
  return side ?? fits[0] ?? date;
}

/**
 * A weekday alone: the next such day from publication, or the last one up to it in a past-tense
 * clause. The publication day's own weekday is that day ("on Sunday afternoon" in a Sunday story):
 * a week later would be written "next Sunday".
 */
export function resolveWeekday(weekday: number, published: string, past: boolean): string {
  const base = fromIso(published);
  const diff = (weekday - base.getUTCDay() + 7) % 7;
  if (past) return toIso(addDays(base, diff === 0 ? 0 : diff - 7));
  return toIso(addDays(base, diff));
}

function shiftYear(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}

function formatTime(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
