import {
  BARE_WEEKDAY,
  CONDITION,
  type EventEvidence,
  FUTURE_WORD,
  isDoubted,
  SCHEDULING,
  WRITTEN_DATE,
} from './event-features.ts';

export type { EventEvidence } from './event-features.ts';

// "Does a joint table need to be set up by Wednesday of next week?": a question announces nothing.
const ASKED = /\?\s*["”’']?\s*$/;

/** Events at or above this confidence go into Upcoming and the calendar; the rest are "dates mentioned". */
export const CALENDAR_CONFIDENCE = 0.6;

/**
 * How sure the analysis is that a mention announces an occurrence on that day, from 0 to 1: a
 * written date, a named event and scheduling wording raise it; speech, conditions and doubt
 * ("proposed dates currently being either ... or ...") lower it. Calendar precision comes first:
 * a wrong entry in a reader's calendar is worse than a missing one.
 */
export function rateEvent(e: EventEvidence): number {
  const dateText = e.sentence.slice(e.mention.start, e.mention.end);
  let score = 0.4;
  if (WRITTEN_DATE.test(dateText)) score += 0.2;
  else if (e.mention.chain) score += 0.1;
  else score += 0.15;
  if (e.title.head) score += 0.15;
  if (SCHEDULING.test(e.clause)) score += 0.15;
  // "Headlining the festival Thursday is singer Halsey", "Mbeki casts his vote Wednesday": a weekday
  // alone, told without any word of what is to come, may be any week's.
  else if (BARE_WEEKDAY.test(dateText.trim()) && !FUTURE_WORD.test(e.sentence)) score -= 0.15;
  if (e.quoted) score -= 0.15;
  // "on October 26 or November 3", "proposed dates", "usually starts", a question: the day is in doubt.
  if (isDoubted(e) || ASKED.test(e.sentence)) score -= 0.35;
  else if (CONDITION.test(e.clause)) score -= 0.1;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}
