import { daysBetween } from './calendar.ts';
import type { DateMention } from './dates.ts';
import type { EventTitle } from './event-phrase.ts';

/**
 * The general English signals of a dated mention, for the learnt calendar confidence that
 * bench/event-model.ts measures against the rules. Each is 0 or 1; none is an article's own words.
 * The order is the model file's: append, never reorder.
 */
export const FEATURE_NAMES = [
  'writtenDate',
  'weekdayOnly',
  'relativeDay',
  'chained',
  'yearGiven',
  'range',
  'timeGiven',
  'named',
  'scheduling',
  'futureWord',
  'weekdayUntold',
  'quoted',
  'doubt',
  'condition',
  'willBefore',
  'pastTense',
  'pastEventVerb',
  'reported',
  'sameDay',
  'withinWeek',
  'withinMonth',
  'withinHalfYear',
  'beyondHalfYear',
  'firstParagraph',
  'lastParagraph',
  'twoDates',
  'manyDates',
  'listed',
  'longSentence',
  'shortSentence',
  'crowded',
  'schedule',
  'alternative',
  'habitual',
] as const;

/** One feature's name. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** A mention's features by name, each 0 or 1. */
export type Features = Record<FeatureName, number>;

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

/** Where a mention stands, for the features the rules never used. */
export interface MentionPlace {
  /** The resolved day and the publication date, YYYY-MM-DD. */
  date: string;
  published: string;
  /** The narrator's verb at the date is in the past ("said on Monday", "was set as Oct 4"). */
  past: boolean;
  paragraph: number;
  paragraphs: number;
  /** Dated mentions in the sentence. */
  dates: number;
  /** A later day of a list ("on June 4, 9 and 21"). */
  listed: boolean;
}

export const SCHEDULING =
  /\b(?:will|shall|is to|are to|to be|set (?:to|for)|scheduled|due|expected|planned|slated|deadline|begins?|starts?|opens?|ends?|closes?|runs?|takes? place|held|kicks? off|until|by)\b/i;
// Alternatives and hedges: "proposed dates currently being either October 26-28 or November 3-5".
const DOUBT =
  /\b(?:either|proposed(?=\s+(?:(?:new|later|earlier|revised)\s+)?(?:dates?|days?|timetable|schedule|calendar|for|that|to)\b)|(?<!\b(?:a|an|the|its|their|his|her)\s+)proposed(?!\s+[a-z]+\b)|tentative(?:ly)?|possibly|perhaps|could|no earlier than|as early as|at the earliest|rumou?red|reportedly|or later)\b/i;
// "Counting usually starts a week before polling": what is done each time, not a date announced.
const HABITUAL = /\b(?:usually|typically|normally|traditionally|customarily|generally|as a rule)\b/i;
const ANNOUNCING = /\b(?:will|shall|'ll|is to|are to|is set|are set|scheduled|expected|due)\b/i;
export const BARE_WEEKDAY = /^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b[^\d]*$/i;
// Words that tell what is to come, the fixture's present ("Kingsport and Millbrook meet on Sunday")
// and the headline's infinitive ("House to resume sitting Thursday") included.
export const FUTURE_WORD =
  /\b(?:will|shall|'ll|to be|going to|next|coming|upcoming|this|tomorrow|tonight|plans?|set|expected|scheduled|due|meets?|plays?|faces?|hosts?|takes? on|to\s+(?!the\b|a\b|an\b)[a-z]+)\b/i;
export const CONDITION = /\b(?:if|unless|might|may|would|hopes? to|aims? to|likely)\b/i;
export const WRITTEN_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const RELATIVE_DAY = /\b(?:today|tonight|tomorrow)\b/i;
const WILL = /\b(?:will|shall|'ll)\b/i;
// "the final was held on", "talks took place", "Ghana beat Nigeria": an occurrence told as done.
const PAST_EVENT_VERB =
  /\b(?:(?:was|were)\s+(?:held|played|staged|hosted|opened|launched|released)|took place|happened|occurred|won|beat|defeated|ended|finished|concluded)\b/i;
const REPORTED = /\b(?:said|says|told|announced|added|stated)\b/i;

/** "usually starts a week before polling, and officials finish the count the same day"; not "usually held in May, will be held on June 3". */
function isHabitual(lead: string): boolean {
  const habit = HABITUAL.exec(lead);
  return habit !== null && !ANNOUNCING.test(lead.slice(habit.index));
}

/** "on Saturday or early Sunday", "on October 26 or November 3": two days offered for one thing. */
export function isAlternative(e: EventEvidence): boolean {
  const before = e.sentence.slice(Math.max(0, e.mention.start - 12), e.mention.start);
  const after = e.sentence.slice(e.mention.end, e.mention.end + 12);
  // A part of the day may stand between "or" and the date.
  return /\bor\s+(?:on\s+)?(?:early|late|mid)?\s*$/i.test(before) || /^\s*,?\s*or\b/i.test(after);
}

/** Hedging wording about the day ("proposed", "could", "tentatively"), up to a relative clause after it. */
export function isHedged(e: EventEvidence): boolean {
  // "on November 30, which could involve millions": a relative clause after the date hedges something else.
  const rest = e.sentence.slice(e.mention.end);
  const relative = rest.search(/,\s*(?:which|who|whose|where)\b/i);
  return DOUBT.test(e.sentence.slice(0, relative >= 0 ? e.mention.end + relative : e.sentence.length));
}

/** What is done each time ("usually starts a week before polling"), up to the date. */
export function isHabitualAt(e: EventEvidence): boolean {
  return isHabitual(e.sentence.slice(0, e.mention.end));
}

/** Doubt about the day: hedging wording, two days offered for one thing, or what is done each time. */
export function isDoubted(e: EventEvidence): boolean {
  return isHedged(e) || isAlternative(e) || isHabitualAt(e);
}

/** Features with every signal off. */
export function noFeatures(): Features {
  return Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0])) as Features;
}

const bit = (on: boolean): number => (on ? 1 : 0);

/** How far ahead of publication the day is, as one of five buckets. */
function setDistance(features: Features, date: string, published: string): void {
  const days = daysBetween(published, date);
  features.sameDay = bit(days <= 0);
  features.withinWeek = bit(days >= 1 && days <= 7);
  features.withinMonth = bit(days > 7 && days <= 31);
  features.withinHalfYear = bit(days > 31 && days <= 183);
  features.beyondHalfYear = bit(days > 183);
}

/** The features of a dated mention in prose. */
export function describeMention(e: EventEvidence, place: MentionPlace): Features {
  const dateText = e.sentence.slice(e.mention.start, e.mention.end);
  const features = noFeatures();
  const written = WRITTEN_DATE.test(dateText);
  const weekday = BARE_WEEKDAY.test(dateText.trim());
  const scheduling = SCHEDULING.test(e.clause);
  const future = FUTURE_WORD.test(e.sentence);
  const words = e.sentence.trim().split(/\s+/).length;
  features.writtenDate = bit(written);
  features.weekdayOnly = bit(weekday);
  features.relativeDay = bit(RELATIVE_DAY.test(dateText));
  features.chained = bit(e.mention.chain !== null);
  features.yearGiven = bit(/\b\d{4}\b/.test(dateText));
  features.range = bit(e.mention.endDate !== null);
  features.timeGiven = bit(e.mention.time !== null);
  features.named = bit(e.title.head !== null);
  features.scheduling = bit(scheduling);
  features.futureWord = bit(future);
  features.weekdayUntold = bit(weekday && !scheduling && !future);
  features.quoted = bit(e.quoted);
  features.doubt = bit(isHedged(e));
  features.alternative = bit(isAlternative(e));
  features.habitual = bit(isHabitualAt(e));
  features.condition = bit(CONDITION.test(e.clause));
  features.willBefore = bit(WILL.test(e.clause.slice(0, e.at)));
  features.pastTense = bit(place.past);
  features.pastEventVerb = bit(PAST_EVENT_VERB.test(e.clause));
  features.reported = bit(REPORTED.test(e.sentence));
  setDistance(features, place.date, place.published);
  features.firstParagraph = bit(place.paragraph === 0);
  features.lastParagraph = bit(place.paragraphs > 1 && place.paragraph === place.paragraphs - 1);
  features.twoDates = bit(place.dates === 2);
  features.manyDates = bit(place.dates > 2);
  features.listed = bit(place.listed);
  features.longSentence = bit(words > 40);
  features.shortSentence = bit(words < 8);
  return features;
}

/** The features of an entry read from a schedule, a listing or a table: the publisher's own lines. */
export function describeScheduled(entry: {
  date: string;
  endDate: string | null;
  time: string | null;
  published: string;
}): Features {
  const features = noFeatures();
  features.schedule = 1;
  features.named = 1;
  features.range = bit(entry.endDate !== null);
  features.timeGiven = bit(entry.time !== null);
  setDistance(features, entry.date, entry.published);
  return features;
}
