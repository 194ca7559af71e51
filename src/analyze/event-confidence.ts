import {
  BARE_WEEKDAY,
  CONDITION,
  type EventEvidence,
  type Features,
  FUTURE_WORD,
  isDoubted,
  SCHEDULING,
  WRITTEN_DATE,
} from './event-features.ts';
import { committedModel, MODEL_THRESHOLD, scoreMentions } from './event-model.ts';

export type { EventEvidence } from './event-features.ts';

/** The hand-set rules' calendar threshold (rateEvent), kept to measure the model against. */
export const RULES_CONFIDENCE = 0.6;

/**
 * Events at or above this confidence go into Upcoming and the calendar; the rest are "dates
 * mentioned". The learnt model's threshold (event-model.json), chosen for precision.
 */
export const CALENDAR_CONFIDENCE = MODEL_THRESHOLD;

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
  // "on October 26 or November 3", "proposed dates", "usually starts": the day is in doubt.
  if (isDoubted(e)) score -= 0.35;
  else if (CONDITION.test(e.clause)) score -= 0.1;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}

/**
 * An event's final confidence: the learnt model's probability over its mentions (event-model.ts).
 * The rules' one (rateEvent) is kept beside it for measuring (bench/train-event-model.ts), and for
 * the events of schedules, listings and tables when the model file says it covers prose only.
 */
export function rateReading(reading: {
  event: { confidence: number };
  features: readonly Features[];
}): number {
  const listed = reading.features.some((f) => f.schedule === 1);
  return committedModel().covers === 'prose' && listed
    ? reading.event.confidence
    : scoreMentions(reading.features);
}
