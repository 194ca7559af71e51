import { daysBetween, fromIso, toIso, weekdayIndex } from './calendar.ts';
import type { DateMention } from './dates.ts';

// "the 4 day fest is in September, kicking off the 22nd", "starting on the 20th at the Convention
// Centre": a day of the month written with "the" and its ordinal only. The month is the last one the
// sentence names before it, capitalised (the verb "may" names none).
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?/g;
// What may follow the day: the end of the clause, or a word that is not the noun the ordinal
// numbers ("the 10th anniversary", "the 12th floor", "the 14th Parliament").
const BARE_ORDINAL =
  /\bthe\s+([1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?=\s*(?:[,.;:)!?]|$|\s(?:to|and|or|until|till|through|at|from|for|with|in|when|before|after|as|is|was|will|would)\b))/gi;
// A day a few weeks before publication is one just past, as in dates.ts.
const RECENT_DAYS = 60;

/**
 * The mentions of a sentence with its days written as "the 22nd": after a month it names ("in September,
 * kicking off the 22nd"), or after a weekday, which the day then replaces ("from Friday, the 10th, to
 * the 17th of June": the Friday that is a 10th nearest publication). None overlaps a date already read
 * ("the 17th of June").
 */
export function withOrdinalDays(
  sentence: string,
  mentions: readonly DateMention[],
  published: string,
  pastTense: (at: number) => boolean,
): DateMention[] {
  const found: DateMention[] = [];
  let out = [...mentions];
  for (const match of sentence.matchAll(BARE_ORDINAL)) {
    let start = match.index;
    const end = start + match[0].length;
    if (out.some((m) => m.start < end && start < m.end)) continue;
    const weekday = out.find((m) => m.end <= start && /^\s*,?\s*$/.test(sentence.slice(m.end, start)));
    const pinned = weekday ? dayOfWeekday(sentence, weekday, Number(match[1]), published) : null;
    if (weekday && pinned) {
      out = out.filter((m) => m !== weekday);
      start = weekday.start;
      found.push({ ...weekday, start, end, date: pinned, endDate: null });
      continue;
    }
    const month = [...sentence.slice(0, start).matchAll(MONTH_NAME)].at(-1);
    if (!month) continue;
    const monthIndex = MONTHS.indexOf(month[0].slice(0, 3).toLowerCase());
    // The year of a date the sentence wrote in that month, else the one its tense points to.
    const written = mentions.find(
      (m) => m.date && m.end > month.index && Number(m.date.slice(5, 7)) === monthIndex + 1,
    );
    const day = `${String(monthIndex + 1).padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
    let year = Number((written?.date ?? published).slice(0, 4));
    const candidate = `${year}-${day}`;
    if (toIso(fromIso(candidate)) !== candidate) continue;
    const past = pastTense(start);
    if (!written && !past && candidate < published && daysBetween(candidate, published) > RECENT_DAYS) year++;
    if (!written && past && candidate > published) year--;
    found.push({ start, end, date: `${year}-${day}`, endDate: null, time: null, chain: null });
  }
  return found.length === 0 ? out : [...out, ...found];
}

const WEEKDAY_NAME = /^(?:on\s+)?(sun|mon|tues|wednes|thurs|fri|satur)day,?$/i;

/** The date nearest publication, within half a year, whose day is `day` and whose weekday the mention names; or null. */
function dayOfWeekday(sentence: string, mention: DateMention, day: number, published: string): string | null {
  const name = WEEKDAY_NAME.exec(sentence.slice(mention.start, mention.end).trim())?.[1];
  if (!name || !mention.date) return null;
  const weekday = weekdayIndex(name);
  const base = fromIso(published);
  let best: string | null = null;
  for (let shift = -6; shift <= 6; shift++) {
    const first = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + shift, 1));
    const date = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day));
    if (date.getUTCMonth() !== first.getUTCMonth() || date.getUTCDay() !== weekday) continue;
    const iso = toIso(date);
    if (!best || Math.abs(daysBetween(published, iso)) < Math.abs(daysBetween(published, best))) best = iso;
  }
  return best;
}
