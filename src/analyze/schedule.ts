import { addDays, fromIso, toIso, weekdayIndex } from './calendar.ts';
import { findDateMentions, findZoneTime, resolveWeekday } from './dates.ts';
import { isBareDate } from './furniture.ts';
import { readListings } from './listings.ts';

/** One occurrence a schedule lists: a fixture under a date heading, or a labelled date. */
export interface ScheduleEntry {
  title: string;
  date: string;
  endDate: string | null;
  time: string | null;
  location: string | null;
  confidence: number;
}

// A schedule is the publisher's own table: as sure as the text gets.
const SCHEDULE_CONFIDENCE = 0.9;
const MAX_LABEL_WORDS = 14;

/**
 * Reads the two schedule layouts that put the date on a line of its own: a date heading over
 * fixture lines ("Saturday, July 20" / "South Africa v Australia, Ellis Park, Johannesburg - 17:05")
 * and a label over its date ("Half Year Results Announcement" / "Thursday, 6 May 2021"). Returns
 * the entries by paragraph index; a date line that heads fixtures maps to none of its own. Listings
 * (listings.ts) are read with them.
 */
export function readSchedule(paragraphs: readonly string[], published: string): Map<number, ScheduleEntry[]> {
  const found = new Map<number, ScheduleEntry[]>();
  // The day the last weekday heading stood for: a week's headings run forward from publication.
  let headed: string | null = null;
  paragraphs.forEach((paragraph, i) => {
    const weekday = WEEKDAY_HEADING.exec(paragraph.trim())?.[1];
    if (weekday) {
      headed = readWeekdayFixtures(paragraphs, i, weekday, headed, published, found) ?? headed;
      return;
    }
    if (!isBareDate(paragraph)) return;
    const day = findDateMentions(paragraph, published, () => false).find((m) => m.date);
    if (!day?.date) return;
    const items: number[] = [];
    for (let j = i + 1; j < paragraphs.length && isFixtureLine(paragraphs[j] ?? ''); j++) items.push(j);
    if (items.length > 0) {
      found.set(i, []);
      for (const j of items) found.set(j, [readFixture(paragraphs[j] ?? '', day.date, day.endDate)]);
      return;
    }
    const label = paragraphs[i - 1] ?? '';
    // A label over the publication day itself is the page's own heading ("National Australia Bank Ld").
    const stamp = day.date <= published && !EVENT_LABEL.test(label);
    // "Annual general meeting: 15 May 2025" under "Financial calendar": the line names its own day.
    const own = /^([^:\d]{3,60}):\s/.exec(paragraph)?.[1]?.trim();
    const named = own && !/^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i.test(own) ? own : null;
    if (i > 0 && isLabel(label) && !found.has(i - 1) && !stamp) {
      found.set(i, [
        {
          title: named ?? label,
          date: day.date,
          endDate: day.endDate,
          time: day.time,
          location: null,
          confidence: SCHEDULE_CONFIDENCE,
        },
      ]);
    }
  });
  for (const [index, entries] of readListings(paragraphs, published))
    if (!found.has(index)) found.set(index, entries);
  return found;
}

// "Saturday" alone over "Sokol-Dravica at 1830GMT": a fixture list of the coming week.
const WEEKDAY_HEADING = /^((?:sun|mon|tues|wednes|thurs|fri|satur)day):?$/i;

/**
 * The fixtures under a weekday heading, each a pairing with a time, set in `found`; returns the day the
 * heading stands for (the next such day after the heading before it, else from publication), or null
 * when no fixture follows it ("Monday" over a live blog's "09:15 Police said ..." is no schedule).
 */
function readWeekdayFixtures(
  paragraphs: readonly string[],
  index: number,
  weekday: string,
  previous: string | null,
  published: string,
  found: Map<number, ScheduleEntry[]>,
): string | null {
  const from = previous ? toIso(addDays(fromIso(previous), 1)) : published;
  const date = resolveWeekday(weekdayIndex(weekday), from, false);
  const items: number[] = [];
  for (let j = index + 1; j < paragraphs.length; j++) {
    const line = paragraphs[j] ?? '';
    if (!isFixtureLine(line) || !splitPairing(cutTime(line).body)) break;
    items.push(j);
  }
  if (items.length === 0) return null;
  found.set(index, []);
  for (const j of items) found.set(j, [readFixture(paragraphs[j] ?? '', date, null, true)]);
  return date;
}

const EVENT_LABEL =
  /\b(?:meeting|results|date|deadline|hearing|vote|launch|release|opening|closing|session|day)\b/i;
const TIME = /\b([01]?\d|2[0-3])[:.h]([0-5]\d)\b/;
const VERSUS = /\s(?:v|vs\.?|versus)\s/i;

/** "South Africa v Australia, Ellis Park, Johannesburg - 17:05": a short line with a time or a pairing, no date. */
function isFixtureLine(text: string): boolean {
  const timed = TIME.test(text) || findZoneTime(text) !== null;
  if (text.length > 140 || isBareDate(text) || (/[.!?]["”’]?$/.test(text) && !timed)) return false;
  return (timed || VERSUS.test(text)) && text.split(/\s+/).length <= 20;
}

/** A fixture line's time ("17:05", "1730GMT") and the words before it ("Sokol-Dravica at"). */
function cutTime(text: string): { time: string | null; body: string } {
  const timeMatch = TIME.exec(text);
  const zoned = timeMatch ? null : findZoneTime(text);
  const time = timeMatch ? `${(timeMatch[1] ?? '').padStart(2, '0')}:${timeMatch[2]}` : (zoned?.time ?? null);
  const cut = timeMatch?.index ?? zoned?.index;
  // The part from the time on ("- 17:05 (SA time)") is no place; nor is the "at" before it.
  const body = (cut === undefined ? text : text.slice(0, cut)).replace(/(?:[\s,–—-]|\bat)+$/, '');
  return { time, body };
}

/**
 * "Sokol-Dravica", "Gradina Sisak - Rudar Labin": two sides joined by one dash, spaced if any dash is
 * (a hyphen inside a name, "Saint-Etienne - Lyon", is not the pairing); null when the line has none.
 */
function splitPairing(body: string): [string, string] | null {
  if (VERSUS.test(body)) return null;
  const spaced = body.split(/\s[-–—]\s/);
  const sides = spaced.length > 1 ? spaced : body.split(/(?<=\p{Ll})-(?=\p{Lu})/u);
  const [left, right] = sides.map((side) => side.trim());
  return sides.length === 2 && left && right && /^\p{Lu}/u.test(left) && /^\p{Lu}/u.test(right)
    ? [left, right]
    : null;
}

function readFixture(text: string, date: string, endDate: string | null, paired = false): ScheduleEntry {
  const { time, body } = cutTime(text);
  const pairing = paired ? splitPairing(body) : null;
  const [first = body, ...rest] = pairing ? [`${pairing[0]} v ${pairing[1]}`] : body.split(/\s*,\s*/);
  // "Parramatta v Melbourne at Commbank Stadium": the pairing, then its ground.
  const at = rest.length === 0 ? /^(.+?\s(?:v|vs\.?|versus)\s.+?)\s+at\s+(.+)$/i.exec(first) : null;
  const title = at?.[1] ?? first;
  const location = at?.[2]?.trim() ?? (rest.join(', ').trim() || null);
  return {
    title: title.trim(),
    date: movedToWeekday(text, date),
    endDate,
    time,
    location,
    confidence: SCHEDULE_CONFIDENCE,
  };
}

/** "00:40 (SA time on Sunday)" under a Saturday heading: the fixture falls on the day it names, after the heading's. */
function movedToWeekday(text: string, date: string): string {
  const named = /\bon\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i
    .exec(text)?.[1]
    ?.toLowerCase();
  if (!named) return date;
  const base = new Date(`${date}T12:00:00Z`);
  const diff = (weekdayIndex(named) - base.getUTCDay() + 7) % 7;
  if (diff === 0 || diff > 2) return date;
  return new Date(base.getTime() + diff * 86_400_000).toISOString().slice(0, 10);
}

/** "Record Date for Interim Dividend": a short line naming something, without a date or closing punctuation. */
function isLabel(text: string): boolean {
  const words = text.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= MAX_LABEL_WORDS &&
    !/[.!?:]["”’]?$/.test(text) &&
    !isBareDate(text) &&
    !/\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,}\s+\d{4}/u.test(text)
  );
}
