/**
 * "Teachers commenced a nationwide strike today", "The campaign period started on Wednesday" (a
 * Wednesday paper), "Vocus held its scheme meeting earlier today": an occurrence that began on the
 * publication day, or was held on it ("today": a weekday told in the past may be a week before), is
 * that day's event, though the narrator tells it in the past. What was said or announced that day is
 * not: the saying is no occurrence.
 */

import { SAYING_VERBS } from './subject-words.ts';

// The verbs of an occurrence beginning, in the past: it is under way on the day.
const BEGUN = /\b(?:began|started|commenced|kicked\s+off|got\s+under\s*way)\b/i;
// The verbs of an occurrence taking place, in the past.
const HELD = /\b(?:held|(?:was|were)\s+(?:held|presented|staged|hosted))\b/i;
const TODAY = /\btoday\b/i;
// The verbs of saying: "announced on Friday that the strike began" dates the announcement.
const SAYING = new RegExp(
  `\\b(?:${[...SAYING_VERBS, ...'stated confirmed reported disclosed revealed noted explained wrote tweeted posted'.split(' ')].join('|')})\\b`,
  'i',
);

/** Whether a clause in the past tense tells an occurrence begun on its day (the publication day), or held today. */
export function isBegunThatDay(clause: string, date: string): boolean {
  if (SAYING.test(clause)) return false;
  return BEGUN.test(clause) || (HELD.test(clause) && TODAY.test(date));
}
