import type { DateMention } from './dates.ts';
import type { EventTitle } from './event-phrase.ts';

/** Events at or above this confidence go into Upcoming and the calendar; the rest are "dates mentioned". */
export const CALENDAR_CONFIDENCE = 0.6;

/** What a dated mention's confidence is judged on. */
export interface EventEvidence {
  clause: string;
  /** Offset of the date in the clause. */
  at: number;
  mention: DateMention;
  /** The date is inside quoted speech. */
  quoted: boolean;
  title: EventTitle;
  sentence: string;
}

const SCHEDULING =
  /\b(?:will|shall|is to|are to|to be|set (?:to|for)|scheduled|due|expected|planned|slated|deadline|begins?|starts?|opens?|ends?|closes?|runs?|takes? place|held|kicks? off|until|by)\b/i;
// Alternatives and hedges: "proposed dates currently being either October 26-28 or November 3-5".
const DOUBT =
  /\b(?:either|proposed(?=\s+(?:(?:new|later|earlier|revised)\s+)?(?:dates?|days?|timetable|schedule|calendar|for|that|to)\b)|(?<!\b(?:a|an|the|its|their|his|her)\s+)proposed(?!\s+[a-z]+\b)|tentative(?:ly)?|possibly|perhaps|could|no earlier than|as early as|at the earliest|rumou?red|reportedly|or later)\b/i;
// "Counting usually starts a week before polling": what is done each time, not a date announced.
const HABITUAL = /\b(?:usually|typically|normally|traditionally|customarily|generally|as a rule)\b/i;
const ANNOUNCING = /\b(?:will|shall|'ll|is to|are to|is set|are set|scheduled|expected|due)\b/i;

/** "usually starts a week before polling, and officials finish the count the same day"; not "usually held in May, will be held on June 3". */
function isHabitual(lead: string): boolean {
  const habit = HABITUAL.exec(lead);
  return habit !== null && !ANNOUNCING.test(lead.slice(habit.index));
}
const BARE_WEEKDAY = /^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b[^\d]*$/i;
// Words that tell what is to come, the fixture's present ("Kingsport and Millbrook meet on Sunday")
// and the headline's infinitive ("House to resume sitting Thursday") included.
const FUTURE_WORD =
  /\b(?:will|shall|'ll|to be|going to|next|coming|upcoming|this|tomorrow|tonight|plans?|set|expected|scheduled|due|meets?|plays?|faces?|hosts?|takes? on|to\s+(?!the\b|a\b|an\b)[a-z]+)\b/i;
const CONDITION = /\b(?:if|unless|might|may|would|hopes? to|aims? to|likely)\b/i;
const WRITTEN_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

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
  // "on October 26 or November 3": two dates offered for one thing are both doubtful.
  const before = e.sentence.slice(Math.max(0, e.mention.start - 12), e.mention.start);
  const after = e.sentence.slice(e.mention.end, e.mention.end + 12);
  // "on Saturday or early Sunday": a part of the day may stand between "or" and the date.
  const alternative =
    /\bor\s+(?:on\s+)?(?:early|late|mid)?\s*$/i.test(before) || /^\s*,?\s*or\b/i.test(after);
  // "on November 30, which could involve millions": a relative clause after the date hedges something else.
  const rest = e.sentence.slice(e.mention.end);
  const relative = rest.search(/,\s*(?:which|who|whose|where)\b/i);
  const hedged = e.sentence.slice(0, relative >= 0 ? e.mention.end + relative : e.sentence.length);
  if (DOUBT.test(hedged) || alternative || isHabitual(e.sentence.slice(0, e.mention.end))) score -= 0.35;
  else if (CONDITION.test(e.clause)) score -= 0.1;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}
