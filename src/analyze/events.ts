import type { ArticleEvent } from '../models/analysis.ts';
import { addDays, fromIso, toIso } from './calendar.ts';
import { anchorWords } from './chains.ts';
import type { DateMention } from './dates.ts';
import { findDateMentions } from './dates.ts';
import { buildOrganizationIndex, findParticipants, makeEventTitle } from './event-parts.ts';
import { datelineLength } from './furniture.ts';
import type { PeopleIndex } from './people.ts';
import { findPlace } from './places.ts';
import { findQuoteSpans } from './quote-spans.ts';
import { splitSentences } from './sentences.ts';
import { isPastTense } from './tense.ts';

// Chrono is the slow part: beyond this many dated sentences an article is not prose.
const MAX_DATED_SENTENCES = 400;

interface Anchor {
  date: string;
  endDate: string | null;
  words: Set<string>;
}

interface Tracker {
  published: string;
  people: PeopleIndex;
  organizations: Map<string, string>;
  events: ArticleEvent[];
  lastEvent: ArticleEvent | null;
  lastDate: string | null;
  /** Every date read so far with the words of its clause, so "the day before the hearing" finds the hearing. */
  anchors: Anchor[];
}

/**
 * Finds the dated events the article announces, on or after the publication date,
 * sorted by date. Quoted speech is not read for dates ("I would do it again tomorrow").
 * An event mentioned twice (same day) is one event; chained dates count from the
 * event just mentioned, or from the one they name ("the day before the hearing").
 */
export function extractEvents(paragraphs: string[], published: string, people: PeopleIndex): ArticleEvent[] {
  const tracker: Tracker = {
    published,
    people,
    organizations: buildOrganizationIndex(paragraphs),
    events: [],
    lastEvent: null,
    lastDate: null,
    anchors: [],
  };
  let dated = 0;
  paragraphs.forEach((paragraph, index) => {
    for (const sentence of splitSentences(maskDateline(maskQuotes(paragraph, index)))) {
      if (dated >= MAX_DATED_SENTENCES) return;
      const mentions = findDateMentions(sentence.text, published, (at) => isPastTense(sentence.text, at));
      if (mentions.length > 0) dated++;
      readSentence(sentence.text, mentions, tracker);
    }
  });
  return [...tracker.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Blanks out a dateline at the start of a paragraph, keeping offsets. */
export function maskDateline(paragraph: string): string {
  const length = datelineLength(paragraph);
  return ' '.repeat(length) + paragraph.slice(length);
}

/** Blanks out quoted words (keeping offsets) so dates in speech are not taken as announcements. */
function maskQuotes(paragraph: string, index: number): string {
  let masked = paragraph;
  for (const span of findQuoteSpans(paragraph, index)) {
    if (span.open < 0) continue;
    masked = masked.slice(0, span.start) + ' '.repeat(span.end - span.start) + masked.slice(span.end);
  }
  return masked;
}

function readSentence(sentence: string, mentions: DateMention[], tracker: Tracker): void {
  const dated = mentions.filter((m) => m.date !== null || m.chain !== null);
  const times = mentions.filter((m) => m.date === null && m.chain === null);
  if (dated.length === 0) {
    attachTimeToLastEvent(sentence, times, tracker);
    return;
  }
  dated.forEach((mention, i) => {
    const clause = sentence.slice(
      clauseStart(sentence, dated[i - 1], mention),
      clauseEnd(sentence, mention, dated[i + 1]),
    );
    const past = isPastTense(sentence, mention.start);
    const date = mention.date ?? (past ? null : resolveChain(mention, clause, tracker));
    if (!date) return;
    tracker.lastDate = date;
    tracker.anchors.push({ date, endDate: mention.endDate, words: contentWords(clause) });
    if (date < tracker.published || (date === tracker.published && past)) return;
    const time = mention.time ?? nearestTime(times, mention, dated);
    const offset = sentence.indexOf(clause);
    addEvent(tracker, { ...mention, date, time }, clause, mention.start - offset);
  });
}

function addEvent(
  tracker: Tracker,
  mention: DateMention & { date: string },
  clause: string,
  at: number,
): void {
  const location = findPlace(clause, at);
  const participants = findParticipants(clause, tracker.people, tracker.organizations, location);
  const existing = tracker.events.find((e) => e.date === mention.date && e.endDate === mention.endDate);
  if (existing) {
    existing.time ??= mention.time;
    existing.location ??= location;
    for (const p of participants) if (!existing.participants.includes(p)) existing.participants.push(p);
    tracker.lastEvent = existing;
    return;
  }
  const event: ArticleEvent = {
    title: makeEventTitle(clause, participants, at),
    date: mention.date,
    endDate: mention.endDate,
    time: mention.time,
    location,
    participants,
  };
  tracker.events.push(event);
  tracker.lastEvent = event;
}

function resolveChain(mention: DateMention, clause: string, tracker: Tracker): string | null {
  const chain = mention.chain;
  if (!chain) return null;
  // "After the launch, ... the following day": the clause names the anchor.
  const named = /\b(?:after|before|following)\s+the\s+([a-z-]+(?:\s+[a-z-]+){0,2})/i.exec(clause)?.[1];
  const anchor = chain.anchor.length > 0 ? chain.anchor : anchorWords(named ?? '');
  let base: string | null;
  if (anchor.includes('tomorrow')) base = toIso(addDays(fromIso(tracker.published), 1));
  else if (anchor.length > 0) base = findAnchor(tracker, anchor, chain.days, chain.fromEnd);
  else base = tracker.lastEvent?.date ?? tracker.lastDate;
  return base ? toIso(addDays(fromIso(base), chain.days)) : null;
}

/**
 * The date a named chain counts from: the date whose clause shares most words with the
 * name ("the day after the ministers meet" finds "the foreign ministers will meet ... on
 * March 25"). A chain of a coming event never counts from a date that would put it before
 * publication ("the evening before the first round" is not the eve of a past "round").
 * A name no dated clause used ("the premiere") is the article's lead event.
 */
function findAnchor(tracker: Tracker, anchor: string[], days: number, fromEnd: boolean): string | null {
  let best: Anchor | null = null;
  let bestScore = 0;
  for (const candidate of tracker.anchors) {
    const from = (fromEnd && candidate.endDate) || candidate.date;
    if (toIso(addDays(fromIso(from), days)) < tracker.published) continue;
    // A coming event beats a past date of the same name ("the launch had been scheduled for February 20").
    const coming = candidate.date >= tracker.published ? 0.5 : 0;
    const score = anchor.filter((w) => candidate.words.has(stem(w))).length + coming;
    if (score > bestScore && score > coming) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best) return (fromEnd && best.endDate) || best.date;
  const lead = tracker.events[0];
  return (fromEnd && lead?.endDate) || lead?.date || tracker.lastDate;
}

function contentWords(clause: string): Set<string> {
  const words = new Set<string>();
  for (const word of clause.toLowerCase().match(/[a-z-]+/g) ?? [])
    if (word.length >= 3) words.add(stem(word));
  return words;
}

function stem(word: string): string {
  return word.length > 4 ? word.replace(/(?:es|s)$/, '') : word;
}

/** A time given in a sentence without a day ("scheduled for 10 am local time") belongs to the event just announced. */
function attachTimeToLastEvent(sentence: string, times: DateMention[], tracker: Tracker): void {
  const event = tracker.lastEvent;
  const first = times[0];
  if (!event || !first || isPastTense(sentence, first.start)) return;
  event.time ??= first.time;
  event.location ??= findPlace(sentence, first.start);
  const location = event.location;
  for (const p of findParticipants(sentence, tracker.people, tracker.organizations, location)) {
    if (!event.participants.includes(p)) event.participants.push(p);
  }
}

function nearestTime(times: DateMention[], mention: DateMention, dated: DateMention[]): string | null {
  const own = times.filter((t) => {
    const closest = dated.reduce((best, d) =>
      Math.abs(d.end - t.start) < Math.abs(best.end - t.start) ? d : best,
    );
    return closest === mention;
  });
  return own[0]?.time ?? null;
}

const SEPARATOR = /(?:,\s+(?:and|but|while|whereas|with)\s+|;\s*|,\s+)/g;

/** A clause starts after the last separator between the previous date and this one. */
function clauseStart(sentence: string, previous: DateMention | undefined, mention: DateMention): number {
  if (!previous) return 0;
  const between = sentence.slice(previous.end, mention.start);
  let cut = 0;
  for (const match of between.matchAll(SEPARATOR)) cut = match.index + match[0].length;
  return previous.end + cut;
}

function clauseEnd(sentence: string, mention: DateMention, next: DateMention | undefined): number {
  return next ? clauseStart(sentence, mention, next) : sentence.length;
}
