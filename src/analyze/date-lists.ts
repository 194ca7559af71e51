import { addDays, daysBetween, fromIso, toIso, weekdayIndex } from './calendar.ts';
import { NUMBERS } from './chains.ts';
import type { DateMention } from './dates.ts';

// Ranges chrono reads as two dates: "between March 2 and March 19", "voting starting on November 4
// and closing on November 17", "will begin from March 2 and end on April 3".
const BETWEEN = /\bbetween\s+$/i;
// "between noon on Thursday, 4 October, and the same time on Saturday, 6 October".
const BETWEEN_AND =
  /^\s*,?\s*(?:and|to|until|till)\s+(?:(?:the\s+)?same\s+time\s+(?:on\s+)?|(?:midnight|noon)\s+(?:on\s+)?)?$/i;
const START_WORD =
  /\b(?:start(?:s|ing)?|begin(?:s|ning)?|open(?:s|ing)?|commenc(?:e|es|ing)|run(?:s|ning)?\s+from|kick(?:s|ing)?\s+off|from)\b[^,;]*$/i;
// The same verbs anywhere between the two dates: "On October 20, the band will start a tour ... set to run through November 18".
const START_VERB =
  /\b(?:start(?:s|ing)?|begin(?:s|ning)?|open(?:s|ing)?|commenc(?:e|es|ing)|kick(?:s|ing)?\s+off|from)\b/i;
// The words that close a range, right before its last date.
const END_BEFORE_DATE =
  /\b(?:end(?:s|ing)?|clos(?:e|es|ing)|conclud(?:e|es|ing)|finish(?:es|ing)?|wrap(?:s|ping)?\s+up|run(?:s|ning)?\s+(?:until|till|to|through)|until|till|through|to)\s+(?:on\s+)?(?:(?:the\s+)?same\s+time\s+on\s+)?(?:the\s+)?$/i;
// "depart from Utrecht on July 4 and conclude along the Champs-Elysees in Paris on July 26": the closing
// verb, then where it closes, then its day.
const END_THEN_PLACE =
  /\b(?:end(?:s|ing)?|clos(?:e|es|ing)|conclud(?:e|es|ing)|finish(?:es|ing)?|wrap(?:s|ping)?\s+up)\s+(?:at|in|along|on|beside|near|outside|inside|by|across)\s+[^,;]{1,60}?\s+on\s+$/i;
// What ties the closing words to the opening ones: "and", a comma, a relative clause.
const JOINER = /(?:\band\b|,|\bthat\b|\bwhich\b)/i;
// Ranges longer than this are seasons, not one occurrence ("a league between July 15, 2019 to April 30, 2021").
const MAX_JOIN_DAYS = 120;
const MAX_JOIN_GAP = 120;
const MAX_TAIL_WORDS = 4;
const DAY_PART = /^\s*(?:morning|afternoon|evening|night|(?:local\s+)?time)\s*$/i;

/** Joins two dates of one clause that a range's wording ties together into one range. */
export function joinRanges(sentence: string, mentions: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const first = mentions[i];
    const second = mentions[i + 1];
    if (!first) continue;
    if (second && first.date && second.date && !first.endDate && canJoin(sentence, first, second)) {
      const date = intoWeekOf(sentence, first, first.date, second.date, second);
      out.push({ ...first, date, end: second.end, endDate: second.date, time: first.time ?? null });
      i++;
      continue;
    }
    out.push(first);
  }
  return out;
}

/**
 * "between Tuesday and Thursday next week": the week named at the end is the first weekday's too, so
 * it moves into that week (read from a Monday, "Tuesday" alone would be the next day).
 */
function intoWeekOf(
  sentence: string,
  first: DateMention,
  from: string,
  last: string,
  second: DateMention,
): string {
  if (!isWeekdayOnly(sentence, first) || !/\bnext\s+week\b/i.test(sentence.slice(second.start, second.end)))
    return from;
  let date = from;
  while (daysBetween(date, last) >= 7) date = toIso(addDays(fromIso(date), 7));
  return date;
}

function canJoin(sentence: string, first: DateMention, second: DateMention): boolean {
  if (!first.date || !second.date || second.date <= first.date) return false;
  if (daysBetween(first.date, second.date) > MAX_JOIN_DAYS) return false;
  const before = sentence.slice(Math.max(0, first.start - 60), first.start);
  const between = sentence.slice(first.end, second.start);
  if (BETWEEN.test(before) && BETWEEN_AND.test(between)) return true;
  // "scheduled for Saturday and Sunday", "a strike on Tuesday and Wednesday next week": two weekdays in
  // a row joined by "and" are one span.
  if (isWeekdayOnly(sentence, first) && isWeekdayOnly(sentence, second, true) && /^\s*and\s+$/i.test(between))
    return daysBetween(intoWeekOf(sentence, first, first.date, second.date, second), second.date) === 1;
  const end = END_BEFORE_DATE.exec(between) ?? END_THEN_PLACE.exec(between);
  if (!end || between.length > MAX_JOIN_GAP) return false;
  const lead = between.slice(0, end.index);
  // "from 8 p.m. Wednesday night until Friday": a part of the day is still the first date.
  if (!lead.trim() || DAY_PART.test(lead)) return START_WORD.test(before);
  // The closing words continue the same subject: "and is scheduled to wrap up on", not "and
  // that the first places would be offered at a discount until".
  const tail = lead.split(JOINER).pop() ?? '';
  const words = tail.trim().split(/\s+/).filter(Boolean).length;
  return JOINER.test(lead) && words <= MAX_TAIL_WORDS && (START_WORD.test(before) || START_VERB.test(lead));
}

/** A weekday alone ("on Tuesday"), or with the week it is in when `week` ("Wednesday next week"). */
function isWeekdayOnly(sentence: string, mention: DateMention, week = false): boolean {
  const text = sentence.slice(mention.start, mention.end).trim();
  if (week && WEEKDAY_OF_WEEK.test(text)) return true;
  return /^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i.test(text);
}

const WEEKDAY_OF_WEEK = /^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:next|this)\s+week$/i;

// "June 4, 9 and 21", "Nov 5 and 12": the later days of a list in the month just named.
const DAY_LIST =
  /^((?:\s*(?:,|and|&|,\s*and)\s*\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:[:.]\d|%|per\b|a\.?m|p\.?m|hours?|days?|weeks?|months?|years?|people|percent|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*)))+)/iu;

/** Adds a mention for each further day of a list after a month and day ("on June 4, 9 and 21"). */
export function expandDayLists(sentence: string, mentions: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  mentions.forEach((mention, i) => {
    out.push(mention);
    const next = mentions[i + 1];
    if (!mention.date || mention.endDate) return;
    const rest = sentence.slice(mention.end, next ? next.start : sentence.length);
    // "the weekend of August 8/9": two days in a row written with a slash are one span.
    const slash = /^\/(\d{1,2})\b/.exec(rest)?.[1];
    if (slash && Number(slash) === Number(mention.date.slice(8, 10)) + 1) {
      out[out.length - 1] = { ...mention, endDate: `${mention.date.slice(0, 8)}${slash.padStart(2, '0')}` };
      return;
    }
    const list = DAY_LIST.exec(rest)?.[1];
    if (!list) return;
    // "November 21 and 22, 2020": a year after the list is every day's.
    const year = /^,?\s*((?:19|20)\d\d)\b/.exec(rest.slice(list.length))?.[1];
    const month = year ? `${year}${mention.date.slice(4, 8)}` : mention.date.slice(0, 8);
    if (year) out[out.length - 1] = { ...mention, date: `${month}${mention.date.slice(8)}` };
    const base = Number(mention.date.slice(8, 10));
    const days = [...list.matchAll(/\d{1,2}/g)].filter((m) => Number(m[0]) > base && Number(m[0]) <= 31);
    // "on June 4 and 5": the next day alone, joined by "and", is a two-day range.
    const only = days[0];
    if (days.length === 1 && only && Number(only[0]) === base + 1 && /^\s*and\s/.test(list)) {
      out[out.length - 1] = {
        ...(out[out.length - 1] ?? mention),
        endDate: `${month}${only[0].padStart(2, '0')}`,
      };
      return;
    }
    for (const match of days) {
      const date = `${month}${match[0].padStart(2, '0')}`;
      const start = mention.end + match.index;
      if (toIso(fromIso(date)) === date) out.push({ ...mention, date, start, end: start + match[0].length });
    }
  });
  return out;
}

// "a 48-hour strike from 9pm on May 6", "a three-day strike from Friday", "for three days".
const DURATION =
  /\b(?:(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)[-\s](hour|day|week)\b|(?:for|covering|lasting|over)\s+(\d{1,2}|two|three|four|five|six|seven)\s+(days|weeks)\b(?!\s+(?:later|after|before|earlier|ago)))/i;

// "a two-day interim bail to ... attend his niece's wedding at Lucknow that is scheduled to take place on
// February 14": a length told this many words before the date is another thing's.
const MAX_WORDS_TO_DATE = 10;
const SUBJECT_START = /^\s*(?:the|a|an|this|its|their|his|her|our)\s+$/i;
const ENDS_ON = /\b(?:through|until|till|ending(?:\s+on)?)\s+$/i;

/**
 * A single date with a stated length in its clause becomes a range: "a 48-hour strike from 9pm on May 6"
 * ends May 8. `at` is where the date is in the clause.
 */
export function applyDurations(clause: string, mention: DateMention, at = clause.length): DateMention {
  if (!mention.date || mention.endDate) return mention;
  const match = DURATION.exec(clause);
  if (!match) return mention;
  const gap = clause.slice(match.index + match[0].length, at);
  // "The three-day Broadway concert based on ..., will hold on April 13": the length of the subject
  // that opens the clause reaches its verb's date however long the subject.
  const ofSubject = SUBJECT_START.test(clause.slice(0, match.index));
  if (match.index < at && !ofSubject && gap.trim().split(/\s+/).length > MAX_WORDS_TO_DATE) return mention;
  const count = readNumber(match[1] ?? match[3] ?? '');
  const unit = (match[2] ?? match[4] ?? '').toLowerCase().replace(/s$/, '');
  if (!count) return mention;
  let days = 0;
  if (unit === 'day') days = count - 1;
  else if (unit === 'week') days = count * 7 - 1;
  else {
    const startHour = mention.time ? Number(mention.time.slice(0, 2)) : 0;
    days = Math.floor((startHour + count - 1) / 24);
  }
  if (days <= 0 || days > 60) return mention;
  // "continue for three days, through next Friday": the length ends on the date.
  if (ENDS_ON.test(clause.slice(0, at)) && match.index < at) {
    return { ...mention, date: toIso(addDays(fromIso(mention.date), -days)), endDate: mention.date };
  }
  return { ...mention, endDate: toIso(addDays(fromIso(mention.date), days)) };
}

function readNumber(text: string): number {
  return NUMBERS[text.toLowerCase()] ?? Number(text);
}

/**
 * "at 3:27 am (local time; 07:27 GMT) Saturday, Aug. 26": a time in brackets after another is a
 * conversion; the date takes the time written first.
 */
export function keepFirstTime(sentence: string, mentions: DateMention[]): DateMention[] {
  return mentions.flatMap((mention, i) => {
    const previous = mentions[i - 1];
    const inBrackets = sentence.lastIndexOf('(', mention.start) > sentence.lastIndexOf(')', mention.start);
    if (previous && !previous.date && previous.time && mention.date && mention.time && inBrackets) {
      return [{ ...mention, time: previous.time }];
    }
    // The converted time alone, after the one it converts: nothing of its own.
    if (!mention.date && previous?.time && inBrackets) return [];
    return [mention];
  });
}

const WEEKDAY_WORD = '(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+';
// "Friday, 13th – Sunday, 22nd January", "5-9 June": the first day of a range takes the month of its last.
// "the 17th to the 21st February", "16th to 20th of March": ordinals may take "the" and "of".
const DAY_RANGE = new RegExp(
  `\\b(?:${WEEKDAY_WORD})?(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:[–—-]|to|until|till)\\s*(?:the\\s+)?(?:${WEEKDAY_WORD})?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`,
  'gi',
);

/** Joins a range whose first day is written without its month into one mention. */
export function joinDayRanges(sentence: string, mentions: DateMention[]): DateMention[] {
  let out = mentions;
  for (const match of sentence.matchAll(DAY_RANGE)) {
    const from = Number(match[1]);
    const to = Number(match[2]);
    const start = match.index;
    const end = start + match[0].length;
    const last = out
      .filter((m) => m.date && !m.endDate && m.start < end && m.end > start && m.start >= start)
      .at(-1);
    if (!last?.date || from >= to || Number(last.date.slice(8, 10)) !== to) continue;
    const first = `${last.date.slice(0, 8)}${String(from).padStart(2, '0')}`;
    const joined: DateMention = {
      ...last,
      start,
      end: Math.max(end, last.end),
      date: first,
      endDate: last.date,
    };
    out = [...out.filter((m) => m.end <= start || m.start >= joined.end), joined].sort(
      (a, b) => a.start - b.start,
    );
  }
  return out;
}

const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DAY_SPAN = '\\d{1,2}(?:st|nd|rd|th)?\\s*(?:to|-|–|until|till)\\s*\\d{1,2}(?:st|nd|rd|th)?';
// ", 13 to 16, 20 to 23" after "January 7 to 9": more spans of the month just named, which chrono
// reads as years and hours.
const SPAN_TAIL = `(?:\\s*(?:,|and|&|,\\s*and)\\s*${DAY_SPAN}\\b(?!\\s*(?:${MONTH_WORD}|[:.]\\d|a\\.?m|p\\.?m|%|hours?|days?)))+`;
const SPAN_THEN_TAIL = new RegExp(`(\\b${MONTH_WORD}\\s+${DAY_SPAN})(${SPAN_TAIL})`, 'gi');
const TAIL_SPAN = new RegExp(`^${SPAN_TAIL}`, 'i');
const HEAD_SPAN = new RegExp(`^(?:(?:on|from)\\s+)?${MONTH_WORD}\\s+${DAY_SPAN}`, 'i');
const ONE_SPAN = /(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|-|–|until|till)\s*(\d{1,2})/gi;

/** The sentence with the later spans of a list of spans blanked out, offsets kept ("January 7 to 9, 13 to 16" gives "January 7 to 9         "). */
export function blankSpanLists(sentence: string): string {
  return sentence.replace(
    SPAN_THEN_TAIL,
    (_all, first: string, tail: string) => first + ' '.repeat(tail.length),
  );
}

/** Adds a range for each later span of a list after a month's span ("from January 7 to 9, 13 to 16 and 20 to 23"). */
export function expandSpanLists(sentence: string, mentions: DateMention[]): DateMention[] {
  return mentions.flatMap((mention) => {
    if (!mention.date || !mention.endDate) return [mention];
    // chrono's text runs over the blanked tail: the list goes on after the first span's own words.
    const head = HEAD_SPAN.exec(sentence.slice(mention.start))?.[0];
    const first = head ? mention.start + head.length : mention.end;
    const tail = TAIL_SPAN.exec(sentence.slice(first))?.[0];
    if (!head || !tail) return [mention];
    const month = mention.endDate.slice(0, 8);
    const more: DateMention[] = [];
    for (const span of tail.matchAll(ONE_SPAN)) {
      const [from, to] = [Number(span[1]), Number(span[2])];
      const date = `${month}${String(from).padStart(2, '0')}`;
      const endDate = `${month}${String(to).padStart(2, '0')}`;
      if (from >= to || toIso(fromIso(date)) !== date || toIso(fromIso(endDate)) !== endDate) continue;
      const start = first + span.index;
      more.push({ ...mention, date, endDate, start, end: start + span[0].length });
    }
    return [{ ...mention, end: first }, ...more];
  });
}

/** "on September 6, Monday at 10am": a weekday after a date that is that date's weekday. */
function isItsWeekday(sentence: string, date: string, mention: DateMention): boolean {
  const day = /^(?:on\s+)?(mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b/i.exec(
    sentence.slice(mention.start, mention.end).trim(),
  )?.[1];
  return day !== undefined && weekdayIndex(day) === fromIso(date).getUTCDay();
}

/** "from today, Wednesday, July 20", "Friday, the July 22": one day written twice side by side is one mention. */
export function joinSameDay(sentence: string, mentions: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (const mention of mentions) {
    const previous = out.at(-1);
    if (
      previous?.date &&
      mention.date &&
      (previous.date === mention.date || isItsWeekday(sentence, previous.date, mention)) &&
      !previous.endDate &&
      !mention.endDate &&
      /^\s*,?\s*(?:the\s+)?$/i.test(sentence.slice(previous.end, mention.start))
    ) {
      out[out.length - 1] = { ...previous, end: mention.end, time: previous.time ?? mention.time };
      continue;
    }
    out.push(mention);
  }
  return out;
}

// "on 4, 9 and 21 June", "3rd, 10th and 17th May 2026": the earlier days of a list written before its month.
const DAY_FIRST_LIST = new RegExp(
  `\\b(\\d{1,2}(?:st|nd|rd|th)?(?:\\s*(?:,|and|&|,\\s*and)\\s*\\d{1,2}(?:st|nd|rd|th)?)+)\\s+${MONTH_WORD}`,
  'gi',
);

/**
 * Adds a mention for each earlier day of a list written before its month ("on 4, 9 and 21 June").
 * Two days in a row joined by "and" ("on 2nd and 3rd November") are left as chrono reads them: whether
 * they are one span or two days is not settled (see the report of round four).
 */
export function expandDayFirstLists(sentence: string, mentions: DateMention[]): DateMention[] {
  let out = mentions;
  for (const match of sentence.matchAll(DAY_FIRST_LIST)) {
    const list = match[1] ?? '';
    const days = [...list.matchAll(/(\d{1,2})(?:st|nd|rd|th)?/g)];
    const lastDay = days.at(-1);
    if (!lastDay || days.length < 2) continue;
    const lastStart = match.index + lastDay.index;
    const owner = out.find((m) => m.date && !m.endDate && m.start <= lastStart && lastStart < m.end);
    if (!owner?.date || Number(owner.date.slice(8, 10)) !== Number(lastDay[1])) continue;
    const numbers = days.map((d) => Number(d[1]));
    if (numbers.length === 2 && numbers[1] === (numbers[0] ?? 0) + 1 && /\band\b/i.test(list)) continue;
    const earlier: DateMention[] = [];
    for (const day of days.slice(0, -1)) {
      const date = `${owner.date.slice(0, 8)}${(day[1] ?? '').padStart(2, '0')}`;
      const start = match.index + day.index;
      if (Number(day[1]) >= Number(lastDay[1]) || toIso(fromIso(date)) !== date) continue;
      earlier.push({ ...owner, date, endDate: null, start, end: start + day[0].length });
    }
    const ownerStart = Math.max(owner.start, lastStart);
    out = [...out.filter((m) => m !== owner), ...earlier, { ...owner, start: ownerStart }].sort(
      (a, b) => a.start - b.start,
    );
  }
  return out;
}
