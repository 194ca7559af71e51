// A list of places and dates folded into prose: "with shows in Leeds (Nov 3), Glasgow (Nov 5) and
// Cardiff on Nov 8". Each date's place is the name written right before it, in brackets or with
// "on"; a general place finder would give every date the list's first place, or none.
const NAME = "\\p{Lu}[\\p{L}\\p{M}'’.-]+(?:\\s+(?:upon\\s+|on\\s+|de\\s+)?\\p{Lu}[\\p{L}\\p{M}'’.-]+){0,2}";
const BEFORE_BRACKET = new RegExp(`(${NAME})\\s*\\(\\s*(?:on\\s+)?$`, 'u');
const BEFORE_ON = new RegExp(`(?:,|\\band|\\bin|\\bthen)\\s+(${NAME})\\s+on\\s+$`, 'u');
// Another item of the list: "Glasgow (Nov 5)", "Pune (October 24-28)", "Leeds (3-5 May)".
const BRACKET_ITEM = new RegExp(
  `${NAME}\\s*\\(\\s*(?:on\\s+)?(?:\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?\\s+)?\\p{Lu}\\p{Ll}{2,}\\.?\\s*(?:\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?)?\\s*\\)`,
  'gu',
);
// Words a list of dates opens with that are no place: "Monday (June 3)", "The (...)".
const NOT_PLACE =
  /^(?:the|a|an|and|on|in|at|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\b/i;

/**
 * The place of the date at `at`..`end` of a clause that lists two or more "Place (date)" items,
 * or null when the clause is no such list.
 */
export function listedPlace(clause: string, at: number, end: number): string | null {
  if ((clause.match(BRACKET_ITEM) ?? []).length < 2 && !hasItemAndOn(clause)) return null;
  const before = clause.slice(0, at);
  const bracketed = /^\s*\)/.test(clause.slice(end)) ? BEFORE_BRACKET.exec(before)?.[1] : undefined;
  const place = bracketed ?? BEFORE_ON.exec(before)?.[1];
  return place && !NOT_PLACE.test(place) ? place : null;
}

/** One bracketed item and one "and Cardiff on Nov 8" make a list too. */
function hasItemAndOn(clause: string): boolean {
  return (
    (clause.match(BRACKET_ITEM) ?? []).length >= 1 &&
    new RegExp(`(?:,|\\band)\\s+${NAME}\\s+on\\s+\\p{Lu}`, 'u').test(clause)
  );
}
