import type { EventTitle } from './event-phrase.ts';
import type { Found } from './events.ts';

// Whether a mention retells an event already read: the same day and kind, a day inside its range,
// the end of an event already dated, a schedule's fixture that prose names.

// Nouns that any fixture of a schedule is: "the Boks' second match ... on July 27" is one of that day's fixtures.
const FIXTURE_NOUN =
  /^(?:match|game|test|fixture|tie|round|leg|race|meeting|session|championship|tournament|cup|series|season|league)$/;

/** The schedule's event of that day that a prose mention retells: the one at its place, else the first. */
export function scheduledThatDay(
  events: readonly Found[],
  date: string,
  title: EventTitle,
  location: string | null,
  clause: string,
): Found | undefined {
  const scheduled = events.filter((e) => e.date === date && e.scheduled);
  if (scheduled.length === 0 || (title.head !== null && !FIXTURE_NOUN.test(title.head))) return undefined;
  const near = (e: Found) => location !== null && (e.location?.includes(location) ?? false);
  // "the Canberra Raiders will travel to Townsville to take on the Cowboys": the fixture it names.
  const names = new Set(clause.match(/\b\p{Lu}\p{Ll}{3,}\b/gu) ?? []);
  const named = (e: Found) => (e.title.match(/\b\p{Lu}\p{Ll}{3,}\b/gu) ?? []).some((w) => names.has(w));
  return scheduled.find(near) ?? scheduled.find(named) ?? (location === null ? scheduled[0] : undefined);
}

/**
 * The one-day event of the same name that a range starting on its day spans: "the second Test in
 * Kanpur starts on September 27" then "2nd Test: Kanpur (September 27-Oct 1)" is one Test.
 */
export function spannedLater(
  events: readonly Found[],
  mention: { date: string; endDate: string | null },
  title: EventTitle,
): Found | undefined {
  if (!mention.endDate || title.head === null) return undefined;
  const head = title.head;
  return events.find(
    (e) =>
      !e.endDate && !e.scheduled && e.date === mention.date && e.head !== null && sameEvent(e.head, head),
  );
}

/** A day inside a range already read, for the same event ("the 46th ASEAN Summit on May 26" in "May 26 to 27"). */
export function withinRange(
  events: readonly Found[],
  mention: { date: string; endDate: string | null },
  title: EventTitle,
): Found | undefined {
  if (mention.endDate) return undefined;
  return events.find(
    (e) =>
      e.endDate &&
      e.date <= mention.date &&
      mention.date <= e.endDate &&
      e.head !== null &&
      title.head !== null &&
      sameEvent(e.head, title.head),
  );
}

/** The earlier one-day event of the same name that a later end date closes. */
export function endedEvent(events: readonly Found[], date: string, title: EventTitle): Found | undefined {
  if (!title.head) return undefined;
  // "The first phase of the session will conclude": the title names the event it ends ("session").
  const words = new Set(
    title.title
      .toLowerCase()
      .split(/\s+/)
      .map((w) => w.replace(/s$/, '')),
  );
  return [...events]
    .reverse()
    .find(
      (e) => !e.endDate && e.date < date && (e.head === title.head || (e.head !== null && words.has(e.head))),
    );
}

// Nouns that name one kind of occasion: "polls", "polling" and "voting" on one day are one vote.
export const KINDS: Array<Set<string>> = [
  new Set(['vote', 'voting', 'poll', 'polling', 'ballot', 'election', 'referendum']),
  new Set(['meeting', 'talk', 'talks', 'negotiation', 'negotiations', 'meet']),
  new Set(['strike', 'walkout', 'stoppage', 'action', 'protest']),
  new Set(['launch', 'lift-off', 'flight', 'mission']),
  new Set(['hearing', 'trial', 'sentencing', 'sentence', 'appearance']),
  // A product reaching buyers: its release, sale, availability and deliveries of one day are one.
  new Set([
    'release',
    'sale',
    'availability',
    'delivery',
    'shipping',
    'presale',
    'listing',
    'album',
    'single',
    'film',
    'movie',
  ]),
];

/** Two match-ups of different sides on one day are two matches ("Dolphins v Roosters", "Tigers v Titans"). */
export function otherMatchUp(a: string, b: string): boolean {
  const sides = (title: string) => (title.includes(' v ') ? title.toLowerCase().split(/\s+v\s+|\s+/) : null);
  const left = sides(a);
  const right = sides(b);
  return left !== null && right !== null && !left.some((w) => w.length > 2 && right.includes(w));
}

/** Two mentions of a day are one event unless each names its own ("the summit on May 27", "the banquet on May 27"). */
export function sameEvent(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b || KINDS.some((kind) => kind.has(a) && kind.has(b));
}

/**
 * The event of that day whose noun the clause uses as its passive verb: "the group stages will be drawn
 * on Tuesday" after "Tuesday's draw", "the bill will be voted on" after "the vote on Monday".
 */
export function actedThatDay(events: readonly Found[], date: string, clause: string): Found | undefined {
  return events.find((e) => {
    if (e.date !== date || !e.head || !/^[a-z]{3,}$/.test(e.head)) return false;
    const stem = e.head.replace(/e$/, '');
    return new RegExp(
      `\\b(?:be|been|being|is|are|was|were)\\s+(?:\\w+ly\\s+)?${stem}(?:e?n|e?d)\\b`,
      'i',
    ).test(clause);
  });
}
