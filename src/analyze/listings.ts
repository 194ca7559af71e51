import { addDays, fromIso, toIso, weekdayIndex } from './calendar.ts';
import { findDateMentions } from './dates.ts';
import { readTableRows } from './listing-table.ts';
import type { ScheduleEntry } from './schedule.ts';

// Listings: the layouts of guides and tour pages that put a date at the head of each line
// ("9/03 Mt Pleasant, MI Soaring Eagle", "Saturday, 14th January – Huon Valley, TAS.") under a
// heading, or that label the fields of each item ("When: ...", "Where: ..."). As sure as a schedule.
const LISTING_CONFIDENCE = 0.9;
const MAX_LINE_CHARS = 100;
const LIST_MARKER = /^[-*+•]\s+/;
// A day a few weeks before publication in a list of coming dates is past, not next year's.
const RECENT_DAYS = 60;

/** "9/03 Peoria, IL Crusens": a numeric day, then what comes after it. */
const NUMERIC_LINE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?\s+([A-ZÀ-Þ].*)$/;
// A dotted day needs its year or its closing dot: "10.30 Registration" is a time.
const DOTTED_LINE = /^(\d{1,2})\.(\d{1,2})\.(?:(\d{4})\b)?\s+([A-ZÀ-Þ].*)$/;
const ISO_LINE = /^((?:19|20)\d\d)-(\d\d)-(\d\d)\s+([A-ZÀ-Þ].*)$/;
/** Field labels that stand between an item's name and its dates ("When & Where:"). */
const FIELD_LABEL =
  /^(?:when|where|dates?|venues?|times?)(?:\s*(?:&|and)\s*(?:when|where|venues?|times?))?\s*:?$/i;
const WHEN_FIELD = /^when\s*:\s*(.+)$/i;
const WHERE_FIELD = /^where\s*:\s*(.+?)\.?$/i;
const OPENS_WITH_DATE =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/i;
// A line that says something is prose, not a listing's line.
const FINITE_VERB = /\b(?:will|is|are|was|were|has|have|had|said|says)\b/;

// "November" over "Fri 20: Brighton – Centre": a month heading over lines that give only the day.
const MONTH_HEADING =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+((?:19|20)\d\d))?:?$/i;
const DAY_ONLY_LINE =
  /^(?:(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*[:–—-]\s*(.+)$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The month (1-12) and year a heading line names ("November", "December 2015"), or null. */
function readMonthHeading(text: string): { month: number; year: number | null } | null {
  const m = MONTH_HEADING.exec(text.trim());
  if (!m) return null;
  return {
    month: MONTHS.indexOf((m[1] ?? '').slice(0, 3).toLowerCase()) + 1,
    year: m[2] ? Number(m[2]) : null,
  };
}

/** "Fri 20: Brighton – Centre" under "November": the day in the heading's month, its weekday (when given) checked. */
function readDayOnlyLine(
  text: string,
  heading: { month: number; year: number | null },
  published: string,
): DatedLine | null {
  const m = DAY_ONLY_LINE.exec(text);
  if (!m || text.length > MAX_LINE_CHARS || FINITE_VERB.test(text)) return null;
  const date = dateOf(heading.month, Number(m[2]), heading.year, published);
  if (!date) return null;
  // A weekday that is not that day's says the line is no date of this month.
  const named = m[1] ? weekdayIndex(m[1]) : -1;
  if (named >= 0 && fromIso(date).getUTCDay() !== named) return null;
  const rest = (m[3] ?? '').replace(/^[\s,:–—-]+/, '');
  if (!/^\p{Lu}/u.test(rest) || rest.split(/\s+/).length > 12) return null;
  return { date, endDate: null, rest };
}

interface DatedLine {
  date: string;
  endDate: string | null;
  rest: string;
  /** The rest is the event's own name ("Annual general meeting"), not a place. */
  named?: boolean;
}

/** Every listing of the article by paragraph index (headings and field lines map to none). */
export function readListings(paragraphs: readonly string[], published: string): Map<number, ScheduleEntry[]> {
  const found = new Map<number, ScheduleEntry[]>();
  for (const [index, entries] of readTableRows(paragraphs, published)) found.set(index, entries);
  readDatedLines(paragraphs, published, found);
  readFieldBlocks(paragraphs, published, found);
  return found;
}

/** Runs of two or more lines that each open with a date, named by the heading above them. */
function readDatedLines(
  paragraphs: readonly string[],
  published: string,
  found: Map<number, ScheduleEntry[]>,
) {
  const dayFirst = prefersDayFirst(paragraphs);
  let i = 0;
  while (i < paragraphs.length) {
    const run: Array<{ index: number; line: DatedLine }> = [];
    const headings: number[] = [];
    let month: { month: number; year: number | null } | null = null;
    for (let j = i; j < paragraphs.length; j++) {
      // "- 14 March 2025: ...", "* Nov 3 ...": a list's marker is no part of its line.
      const text = (paragraphs[j] ?? '').replace(LIST_MARKER, '');
      const heading = readMonthHeading(text);
      if (heading) {
        month = heading;
        headings.push(j);
        continue;
      }
      const line =
        (month ? readDayOnlyLine(text, month, published) : null) ?? readDatedLine(text, published, dayFirst);
      if (!line) break;
      run.push({ index: j, line });
    }
    // A month heading that no day line follows is a heading of the prose.
    while (headings.length > 0 && (headings.at(-1) ?? 0) > (run.at(-1)?.index ?? -1)) headings.pop();
    if (run.length < 2) {
      i += 1;
      continue;
    }
    const heading = listingName(paragraphs, i);
    for (const index of headings) found.set(index, []);
    for (const { index, line } of run) {
      if (line.date < published) {
        found.set(index, []);
        continue;
      }
      const { rest, time } = splitTrailingTime(line.rest);
      const { place, name } = readLineRest(rest, line.named === true);
      const city = (place?.split(',')[0] ?? '').replace(/\s*\([^()]*\)/g, '').trim();
      found.set(index, [
        {
          title: name ?? (heading ? `${heading}, ${city}` : (place ?? '')),
          date: line.date,
          endDate: line.endDate,
          time,
          location: place,
          confidence: LISTING_CONFIDENCE,
        },
      ]);
    }
    i = (run[run.length - 1]?.index ?? i) + 1;
  }
}

// "France v Ireland, 8pm.", "Leeds – First Direct Arena, 7.30 p.m.", "Round 2, 19:45": the start time
// closing a fixture's line.
const TRAILING_TIME =
  /(?:,|\s[–—-])\s*(?:at\s+)?(?:(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?m\b\.?|([01]?\d|2[0-3])[:.]([0-5]\d)(?:\s*(?:hrs|h))?)\s*\.?$/i;

/** A line's rest without the start time it ends with, and that time (24 h), or null. */
function splitTrailingTime(rest: string): { rest: string; time: string | null } {
  const m = TRAILING_TIME.exec(rest);
  if (!m) return { rest, time: null };
  const twelve = m[1] !== undefined;
  let hour = Number(twelve ? m[1] : m[4]);
  if (twelve && (hour < 1 || hour > 12)) return { rest, time: null };
  if (twelve) hour = (hour % 12) + ((m[3] ?? '').toLowerCase() === 'p' ? 12 : 0);
  const minute = (twelve ? m[2] : m[5]) ?? '00';
  return {
    rest: rest.slice(0, m.index).trim(),
    time: `${String(hour).padStart(2, '0')}:${minute}`,
  };
}

/** "Tamworth Country Music Festival" / "When: Friday, 13th – Sunday, 22nd January." / "Where: Tamworth, NSW." */
function readFieldBlocks(
  paragraphs: readonly string[],
  published: string,
  found: Map<number, ScheduleEntry[]>,
) {
  paragraphs.forEach((paragraph, i) => {
    const when = WHEN_FIELD.exec(paragraph)?.[1];
    if (!when || found.has(i)) return;
    const day = findDateMentions(when, published, () => false).find((m) => m.date);
    if (!day?.date) return;
    found.set(i, []);
    const whereAt = [i + 1, i + 2].find((k) => WHERE_FIELD.test(paragraphs[k] ?? ''));
    const where = whereAt === undefined ? null : (WHERE_FIELD.exec(paragraphs[whereAt] ?? '')?.[1] ?? null);
    if (whereAt !== undefined) found.set(whereAt, []);
    // A run already begun before publication ("Thursday, 5th – Sunday, 29th January" on the 8th) is no coming date.
    if (day.date < published) return;
    const name = headingAbove(paragraphs, i);
    found.set(i, [
      {
        title: name ?? 'Event',
        date: day.date,
        endDate: day.endDate,
        time: day.time,
        location: where ? cleanPlace(where) : null,
        confidence: LISTING_CONFIDENCE,
      },
    ]);
  });
}

/** A line that opens with a date and goes on with a name: the date and the rest. */
function readDatedLine(text: string, published: string, dayFirst: boolean): DatedLine | null {
  if (text.length > MAX_LINE_CHARS || FINITE_VERB.test(text)) return null;
  const numeric = NUMERIC_LINE.exec(text);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const [month, day] = dayFirst ? [b, a] : [a, b];
    const date = dateOf(month, day, numeric[3] ? Number(numeric[3]) : null, published);
    return date ? { date, endDate: null, rest: numeric[4] ?? '' } : null;
  }
  // "22.09.2024 Lisbon", "22.09. Lisbon": dotted days are day first; "2024-09-22 Lisbon" is ISO.
  const dotted = DOTTED_LINE.exec(text);
  if (dotted) {
    const date = dateOf(
      Number(dotted[2]),
      Number(dotted[1]),
      dotted[3] ? Number(dotted[3]) : null,
      published,
    );
    return date ? { date, endDate: null, rest: dotted[4] ?? '' } : null;
  }
  const iso = ISO_LINE.exec(text);
  if (iso) {
    const date = dateOf(Number(iso[2]), Number(iso[3]), Number(iso[1]), published);
    return date ? { date, endDate: null, rest: iso[4] ?? '' } : null;
  }
  // Only a line that opens like a date is worth chrono's time.
  if (!OPENS_WITH_DATE.test(text)) return readLabelledDate(text, published);
  const mention = findDateMentions(text, published, () => false)[0];
  if (!mention?.date || mention.start > 0) return null;
  const rest = text.slice(mention.end).replace(/^[\s,:–—-]+/, '');
  if (rest.split(/\s+/).length > 12) return null;
  // "14 March 2025: last day for nominations": a timetable's line names its step in lowercase.
  if (/^\p{Ll}/u.test(rest) && /:\s*$/.test(text.slice(0, mention.end + 2)))
    return {
      date: mention.date,
      endDate: mention.endDate,
      rest: rest[0]?.toUpperCase() + rest.slice(1),
      named: true,
    };
  if (!/^\p{Lu}/u.test(rest)) return null;
  return { date: mention.date, endDate: mention.endDate, rest };
}

// "Annual general meeting: 15 May 2025", "Nominations close – 14 March": a label, then only its date;
// the label may open with an ordinal ("2nd Test: ...").
const LABEL_THEN_DATE = /^((?:\d{1,2}(?:st|nd|rd|th)\s+)?\p{Lu}[^:–—]{2,60}?)\s*(?::|\s[–—-])\s+(.+?)\.?$/u;
// A page's own stamps are no event's label.
const STAMP_LABEL =
  /^(?:(?:last\s+)?updated|published|posted|modified|first published|date|time|photo|source)\b/i;

// "1st Test: Chennai (Sept 19-23)": a fixture list's label, its ground, and its days in brackets.
const PLACE_THEN_DAYS = /^(\p{Lu}[\p{L}\s.'’-]{1,40}?)\s*\(([^()]*\d[^()]*)\)$/u;

/**
 * A line that gives a label and then its date, nothing else, or its place and the date in brackets:
 * the date, the label as the event's name (and the place, in brackets, for readLineRest).
 */
function readLabelledDate(text: string, published: string): DatedLine | null {
  const m = LABEL_THEN_DATE.exec(text);
  const label = m?.[1]?.trim();
  const written = m?.[2] ?? '';
  if (!label || STAMP_LABEL.test(label) || !/\d/.test(written)) return null;
  const placed = PLACE_THEN_DAYS.exec(written);
  const tail = placed?.[2] ?? written;
  const mention = findDateMentions(tail, published, () => false)[0];
  if (!mention?.date || mention.start > 0 || tail.slice(mention.end).replace(/[\s,.]/g, '').length > 0)
    return null;
  const rest = placed ? `${label} (${placed[1]?.trim()})` : label;
  return { date: mention.date, endDate: mention.endDate, rest, named: true };
}

/** Numeric days are day-first when a line's first number cannot be a month ("13/09"). */
function prefersDayFirst(paragraphs: readonly string[]): boolean {
  return paragraphs.some((p) => Number(NUMERIC_LINE.exec(p)?.[1] ?? 0) > 12);
}

/** The calendar day of a month and day, in the year that puts it on or after publication (not long before). */
function dateOf(month: number, day: number, year: number | null, published: string): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const full = year === null ? null : year < 100 ? 2000 + year : year;
  let candidate = `${full ?? published.slice(0, 4)}-${pad(month)}-${pad(day)}`;
  if (toIso(fromIso(candidate)) !== candidate) return null;
  if (full === null && candidate < toIso(addDays(fromIso(published), -RECENT_DAYS))) {
    candidate = `${Number(candidate.slice(0, 4)) + 1}${candidate.slice(4)}`;
  }
  return candidate;
}

/** The name a listing stands under: the line above, past field labels ("When & Where:"), without "Tour Dates". */
function headingAbove(paragraphs: readonly string[], index: number): string | null {
  let k = index - 1;
  while (k >= 0 && FIELD_LABEL.test((paragraphs[k] ?? '').trim())) k -= 1;
  const line = (paragraphs[k] ?? '').trim().replace(/:$/, '');
  if (!line || line.length > 60 || /[.!?]$/.test(line) || FINITE_VERB.test(line)) return null;
  const name = line.replace(/\s+(?:tour\s+)?dates$/i, (tail) => (/tour/i.test(tail) ? ' Tour' : ''));
  return name.trim() || null;
}

// "VENUES AND DATES", "Dates:": a label of the list's fields, not the name of what it lists.
const GENERIC_HEADING =
  /^(?:(?:venues?|dates?|times?|shows?|fixtures?|schedule|timetable|key|important|calendar)(?:\s*(?:and|&)\s*)?)+$/i;
const LOOK_BACK = 3;
// "their No Shame arena tour", "the Tidewater tour": a tour's name in capitals after a determiner.
const NAMED_TOUR =
  /\b(?:the|their|his|her|its)\s+((?:\p{Lu}[\p{L}'’-]*\s+){0,2}\p{Lu}[\p{L}'’-]*)\s+(?:(?:arena|world|stadium|farewell|reunion|comeback|national|UK|US|European|Australian)\s+)?tour\b/u;
// "VENUES AND DATES", "Dates and venues": the fields of a list of shows.
const FIELDS_HEADING = /^(?:venues?|dates?|shows?)(?:\s*(?:and|&|,)\s*(?:venues?|dates?|shows?))*$/i;

/**
 * The name of what a run of dated lines lists: its heading, or, under a label of fields or a
 * sentence ("The full list of arena tour dates are listed below:"), the shows of the tour the
 * lines above speak of.
 */
function listingName(paragraphs: readonly string[], index: number): string | null {
  const heading = headingAbove(paragraphs, index);
  const tourHeading = heading !== null && TOUR_HEADING.test(heading);
  if (heading && !tourHeading && !GENERIC_HEADING.test(heading.replace(/\s+(?:and|&)$/i, '').trim()))
    return heading;
  // "VENUES AND DATES" in a story of a tour: the list's fields, its lines the tour's shows, however far
  // above the story spoke of the tour.
  const label = (paragraphs[index - 1] ?? '').trim().replace(/:$/, '');
  const story = paragraphs.slice(0, index).join(' ');
  if (FIELDS_HEADING.test(label) && /\btour\b/i.test(story)) {
    const act = findAct(paragraphs, index);
    // "their No Shame arena tour": the tour's own name, when the story gives one.
    const tour = NAMED_TOUR.exec(story)?.[1];
    return act ? `${act} show` : tour ? `${tour} tour show` : 'Tour show';
  }
  const above = paragraphs.slice(Math.max(0, index - LOOK_BACK), index).join(' ');
  // Under "Fixtures" or "Schedule", or with no word of a tour above, the lines are no act's shows.
  if (!tourHeading && (heading !== null || !TOUR_WORDS.test(above)))
    return /\btour\b/i.test(above) ? 'Tour show' : null;
  // A story of one act's tour: its shows are that act's ("Lantern Choir show, Lisbon").
  const act = findAct(paragraphs, index);
  if (act) return `${act} show`;
  return tourHeading || /\btour\b/i.test(above) ? 'Tour show' : null;
}

// "Tour dates", "Autumn dates", "UK tour": a heading that names no more than a tour's season or region.
const TOUR_HEADING =
  /^(?:(?:the|uk|us|european|north american|autumn|spring|summer|winter|fall|new|extra|more|full|world|arena|further|additional)(?:\s+|$))+(?:tour|dates|shows|concerts|gigs)?$|^(?:tour|dates|shows|concerts|gigs)$/i;
const TOUR_WORDS = /\b(?:tour|shows|concerts|gigs|dates)\b/i;
// "The Lantern Choir have added ...": the capitalised name a story opens with, before its verb.
const ACT_OPENING =
  /^(?:The\s+)?(\p{Lu}[\p{L}\p{M}'’.&-]*(?:\s+(?:&\s+)?\p{Lu}[\p{L}\p{M}'’.&-]*){0,3})\s+(?:have|has|are|is|will|announced?|add(?:s|ed)?|confirm(?:s|ed)?|unveil(?:s|ed)?|head(?:s|ed)?|take|takes|return(?:s|ed)?|bring(?:s)?|play(?:s|ed)?|set)\b/u;
const NOT_ACT =
  /^(?:it|they|he|she|we|this|that|these|those|there|fans|tickets|organisers|organizers|promoters)$/i;

/** The act a tour story opens with, from the first paragraphs above the listing, or null. */
function findAct(paragraphs: readonly string[], index: number): string | null {
  for (const paragraph of paragraphs.slice(0, Math.min(index, LOOK_BACK + 1))) {
    const name = ACT_OPENING.exec(paragraph)?.[1];
    if (name && !NOT_ACT.test(name)) return name;
  }
  return null;
}

/**
 * "Peoria, IL Crusens (10 Years headline)" without its note; "Cape Coral, FL Dixie Roadhouse - 93X show"
 * without its aside; "Home of Arts (HOTA), Gold Coast" with the venue's own short name.
 */
function cleanPlace(text: string): string {
  return (
    text
      // "LYON, Le Transbordeur": the city in capitals, as a name.
      .replace(/^(\p{Lu}{3,}(?:[ -]\p{Lu}{3,})*)(?=,)/u, (caps) =>
        caps.toLowerCase().replace(/(^|[ -])\p{Ll}/gu, (c) => c.toUpperCase()),
      )
      // "Manchester (AO Arena)", "Leeds - First Direct Arena": a name in brackets or after a dash is the venue.
      .replace(/\s*\((?!\p{Lu}{2,6}\))([^()]*)\)/gu, (_, inner: string) =>
        isNamesOnly(inner) ? `, ${inner}` : '',
      )
      .replace(/\s+[–—-]\s+(.*)$/, (_, tail: string) =>
        isNamesOnly(tail.replace(/\s+[–—-]\s+/g, ' ')) ? `, ${tail.replace(/\s+[–—-]\s+/g, ', ')}` : '',
      )
      .replace(/[.;]$/, '')
      .trim()
  );
}

const CONNECTOR = /^(?:of|the|de|la|le|du|des|del|di|on|upon|am|an|and|&|at|@)$/;

/** "First Direct Arena", "Lisbon, Portugal @ Altice Arena": names only, no lowercase word that says something. */
function isNamesOnly(text: string): boolean {
  const words = text.split(/[\s,]+/).filter(Boolean);
  return (
    words.length > 0 && !/:/.test(text) && words.every((w) => /^[\p{Lu}\d]/u.test(w) || CONNECTOR.test(w))
  );
}

/**
 * What a line says after its date: a place ("Leeds, First Direct Arena"), or, when its second word
 * is no name ("Second reading", "Hearing of the appeal (High Court)"), the event itself with the
 * place in its brackets or after "at".
 */
function readLineRest(rest: string, named: boolean): { place: string | null; name: string | null } {
  // A word in lowercase that no name holds ("of the" may) before the first comma, bracket or dash.
  const head = rest.split(/\s*[,(]|\s[–—-]\s/)[0] ?? '';
  const says = head.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && !CONNECTOR.test(w));
  if (!named && !says) return { place: cleanPlace(rest), name: null };
  const bracket = /\(([^()]+)\)/.exec(rest)?.[1] ?? null;
  const at = /\s(?:at|in)\s+((?:the\s+)?\p{Lu}[^,;()]*)$/u.exec(
    rest.replace(/\s*\([^()]*\)/g, '').replace(/[.;]$/, ''),
  );
  const place =
    bracket && isNamesOnly(bracket)
      ? bracket
      : at?.[1] && isNamesOnly(at[1])
        ? at[1].replace(/^the\s+/, '')
        : null;
  const name = rest
    .replace(/\s*\([^()]*\)/g, '')
    .replace(/[.;]$/, '')
    .trim();
  return { place, name };
}
