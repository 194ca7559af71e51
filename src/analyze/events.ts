import type { ArticleEvent } from '../models/analysis.ts';
import { type Anchor, contentWords, resolveChain } from './anchors.ts';
import { clauseEnd, clauseStart, nearestTime } from './clauses.ts';
import { applyDurations } from './date-lists.ts';
import type { DateMention } from './dates.ts';
import { findDateMentions, lastYearIn } from './dates.ts';
import { findActor, withActor } from './event-actor.ts';
import { isBegunThatDay } from './event-begun.ts';
import { rateEvent } from './event-confidence.ts';
import { describeMention, describeScheduled, type Features } from './event-features.ts';
import {
  findSpeakingNames,
  isBareWeekday,
  isCalledOff,
  isPageStamp,
  isSpeakersOwnDay,
} from './event-filters.ts';
import {
  actedThatDay,
  endedEvent,
  KINDS,
  otherMatchUp,
  sameEvent,
  scheduledThatDay,
  spannedLater,
  withinRange,
} from './event-merge.ts';
import { movedTitle } from './event-moved.ts';
import { titleForThatOf } from './event-naming.ts';
import { buildOrganizationIndex, findParticipants } from './event-parts.ts';
import type { EventTitle } from './event-phrase.ts';
import { heldAt, readToldPlaces, sameEventVenue, type ToldPlaces, toldPlace } from './event-places.ts';
import { nameStage } from './event-stages.ts';
import { makeTitle } from './event-title.ts';
import { chooseEventWords, nameBareEvent, nameProductEvent, useEventWord } from './event-words.ts';
import { datelineLength, isBareDate, isPhotoCaption } from './furniture.ts';
import { listedPlace } from './list-places.ts';
import type { PeopleIndex } from './people.ts';
import { findPersonIn } from './people.ts';
import { courtPlace, findPlace, hostPlace, linePlace } from './places.ts';
import { findQuoteSpans } from './quote-spans.ts';
import { readSchedule, type ScheduleEntry } from './schedule.ts';
import { findScheduleWeek, moveIntoWeek, type ScheduleWeek } from './schedule-week.ts';
import { splitSentences } from './sentences.ts';
import { isPastTense } from './tense.ts';

// Chrono is the slow part: beyond this many dated sentences an article is not prose.
const MAX_DATED_SENTENCES = 400;

/** An event as read, with the noun its title was built around (for telling two events of a day apart). */
export interface Found extends ArticleEvent {
  head: string | null;
  /** Read from a schedule's lines. */
  scheduled?: boolean;
  /** The paragraph it was last told in. */
  paragraph?: number;
  /** Who the paragraph that told it had act, for a title that names only the kind of event. */
  actor?: string | null;
  /** The features of each mention that told it (event-features.ts). */
  features: Features[];
}

/** An event as read, with the rules' confidence, and the features of the mentions that told it. */
export interface EventReading {
  event: ArticleEvent & { confidence: number };
  features: Features[];
}

interface Tracker {
  published: string;
  /** Whether each mention's features are worked out (readEvents), or skipped (extractEvents). */
  describing: boolean;
  /** How many paragraphs the article has. */
  paragraphs: number;
  people: PeopleIndex;
  organizations: Map<string, string>;
  events: Found[];
  lastEvent: Found | null;
  lastDate: string | null;
  /** Every date read so far with the words of its clause, so "the day before the hearing" finds the hearing. */
  anchors: Anchor[];
  /** The one week a fixture list covers, which the story's bare weekdays mean. */
  week: ScheduleWeek | null;
  /** The paragraph being read. */
  paragraph: number;
  /** The name the paragraph last had act ("Akasa Air is to ... The airline will offer flights"). */
  actor: string | null;
  /** Names the article has say something ("Royal Mail said"): bodies and people, never places. */
  speakers: Set<string>;
  /** The routes and courts the paragraphs name, for a sentence that means one without naming it. */
  told: ToldPlaces;
}

/**
 * Finds the dated events the article announces, on or after the publication date, sorted by
 * date, each with a confidence (event-confidence.ts). Schedules (label and date lines, a date
 * heading over fixtures) are read as such; quoted speech is read for written dates only ("I
 * would do it again tomorrow" announces nothing). Two mentions of a day are one event unless
 * they name different events; chained dates count from the event just mentioned, or from the
 * one they name ("the day before the hearing").
 */
export function extractEvents(paragraphs: string[], published: string, people: PeopleIndex): ArticleEvent[] {
  // The product does not use the mentions' features: they are worked out only for the model's measuring.
  return read(paragraphs, published, people, false).map((r) => r.event);
}

/** extractEvents' events before their final confidence: each with the rules' one and its mentions' features. */
export function readEvents(paragraphs: string[], published: string, people: PeopleIndex): EventReading[] {
  return read(paragraphs, published, people, true);
}

function read(
  paragraphs: string[],
  published: string,
  people: PeopleIndex,
  describing: boolean,
): EventReading[] {
  const tracker: Tracker = {
    published,
    describing,
    paragraphs: paragraphs.length,
    people,
    organizations: buildOrganizationIndex(paragraphs),
    events: [],
    lastEvent: null,
    lastDate: null,
    anchors: [],
    week: null,
    paragraph: -1,
    actor: null,
    speakers: findSpeakingNames(paragraphs),
    told: readToldPlaces(paragraphs),
  };
  const schedule = readSchedule(paragraphs, published);
  tracker.week = findScheduleWeek(
    [...schedule.values()].flatMap((entries) => entries.map((e) => e.date)),
    published,
  );
  // The schedule first: prose that retells a fixture ("the Boks' second match ... on July 27") joins it.
  for (const [, entries] of [...schedule].sort(([a], [b]) => a - b)) {
    for (const entry of entries) addScheduled(tracker, entry);
  }
  let dated = 0;
  paragraphs.forEach((paragraph, index) => {
    // A year carries over sentences of one paragraph only: "plans approval in 2024" elsewhere says nothing of "next month".
    let year: number | null = null;
    // A date alone on a line that no schedule explains is the page's stamp.
    if (schedule.has(index) || isBareDate(paragraph) || isPhotoCaption(paragraph)) return;
    tracker.paragraph = index;
    tracker.actor = null;
    const quotes = quotedRanges(paragraph, index);
    // The tense of a sentence is its narrator's: the quoted words ("is expected to") say nothing of it.
    const masked = maskDateline(paragraph);
    const unquoted = blankRanges(masked, quotes);
    for (const sentence of splitSentences(masked)) {
      if (dated >= MAX_DATED_SENTENCES) return;
      const inQuote = (at: number) =>
        quotes.some(([from, to]) => at + sentence.start >= from && at + sentence.start < to);
      const narration = unquoted.slice(sentence.start, sentence.end);
      // A chain's "earlier" ("A day earlier, Adelaide hosts ...") tells its direction, not the tense; the
      // words of the event it counts from do ("three weeks after the talks broke down").
      const tense = (at: number, own?: DateMention) =>
        isPastTense(
          blankRanges(inQuote(at) ? sentence.text : narration, own ? directionOf(sentence.text, own) : []),
          at,
        );
      const mentions = findDateMentions(sentence.text, published, tense, year);
      year = lastYearIn(sentence.text) ?? year;
      if (mentions.length > 0) dated++;
      tracker.actor = findActor(sentence.text, tracker.actor) ?? tracker.actor;
      readSentence(sentence.text, mentions, tracker, inQuote, tense);
    }
  });
  const words = chooseEventWords(paragraphs);
  return tracker.events
    .map(({ head, scheduled: _scheduled, paragraph: _paragraph, actor, features, ...event }) => ({
      event: {
        ...event,
        confidence: event.confidence ?? 0,
        title: nameProductEvent(
          nameStage(
            nameBareEvent(
              useEventWord(
                withActor(event.title, head, actor ?? null, (name) => findPersonIn(name, people) !== null),
                words,
              ),
              paragraphs,
            ),
            paragraphs,
          ),
          paragraphs,
        ),
      },
      features,
    }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0));
}

/** Blanks out a dateline at the start of a paragraph, keeping offsets. */
export function maskDateline(paragraph: string): string {
  const length = datelineLength(paragraph);
  return ' '.repeat(length) + paragraph.slice(length);
}

/** Where a chain's "earlier" is ("A day earlier"), as [start, end) offsets. */
function directionOf(text: string, chain: DateMention): Array<[number, number]> {
  const at = /\bearlier\b/i.exec(text.slice(chain.start, chain.end));
  return at ? [[chain.start + at.index, chain.start + at.index + at[0].length]] : [];
}

/** The text with the ranges blanked out, offsets kept. */
function blankRanges(text: string, ranges: Array<[number, number]>): string {
  let out = text;
  for (const [from, to] of ranges)
    out = out.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + out.slice(to);
  return out;
}

/** Where quoted words are, as [start, end) offsets in the paragraph. */
function quotedRanges(paragraph: string, index: number): Array<[number, number]> {
  return findQuoteSpans(paragraph, index).map((span) => [span.start, span.end]);
}

const LIST_GAP = /^\s*(?:,|and|&|,\s*and)\s*(?:on\s+)?$/i;

function readSentence(
  sentence: string,
  mentions: DateMention[],
  tracker: Tracker,
  inQuote: (at: number) => boolean,
  tense: (at: number, own?: DateMention) => boolean,
): void {
  const dated = mentions.filter((m) => m.date !== null || m.chain !== null);
  const times = mentions.filter((m) => m.date === null && m.chain === null);
  if (dated.length === 0) {
    attachTimeToLastEvent(sentence, times, tracker);
    const last = tracker.lastEvent;
    // "Parliament will reconvene tomorrow. ... To be held at Parliament House here in Accra, the recall ...".
    if (last && !last.location && (last.paragraph ?? -9) >= tracker.paragraph - 1)
      last.location = heldAt(sentence);
    return;
  }
  let listFrom = 0;
  // "Polling in Assam will be held with voting on March 27, April 1 and April 6": the days of one
  // list share the clause of the first, and the words after the last ("... and 26 to 29 at the court").
  const inList = (i: number) => {
    const previous = dated[i - 1];
    const mention = dated[i];
    return (
      previous !== undefined &&
      mention !== undefined &&
      !mention.chain &&
      LIST_GAP.test(sentence.slice(previous.end, mention.start))
    );
  };
  dated.forEach((mention, i) => {
    const previous = dated[i - 1];
    const listed = inList(i);
    const from = listed ? listFrom : clauseStart(sentence, previous, mention);
    listFrom = from;
    let last = i;
    while (inList(last + 1)) last++;
    const lastMention = dated[last] ?? mention;
    const clause = sentence.slice(from, clauseEnd(sentence, lastMention, dated[last + 1]));
    if (isPageStamp(sentence, mention, tracker.published) || isDateAlone(sentence, mention)) return;
    const quoted = inQuote(mention.start);
    if (quoted && isSpeakersOwnDay(sentence, mention)) return;
    const past = tense(mention.start, mention.chain ? mention : undefined);
    if (isCalledOff(sentence, clause.slice(0, mention.start - from), mention)) return;
    // "arrives in Miami at 12.45 p.m. the same day": the same day as nothing dated in its paragraph is no day.
    if (mention.chain?.days === 0 && tracker.lastEvent?.paragraph !== tracker.paragraph) return;
    const written = mention.date ?? (past ? null : resolveChain(mention, clause, chainState(tracker)));
    const date =
      written && tracker.week && !past && isBareWeekday(sentence, mention)
        ? moveIntoWeek(written, tracker.week)
        : written;
    if (!date) return;
    const at = mention.start - from;
    tracker.lastDate = date;
    tracker.anchors.push({ date, endDate: mention.endDate, words: contentWords(clause) });
    // A past occurrence of the publication day is that day's event ("commenced the strike today").
    if (
      date < tracker.published ||
      (date === tracker.published &&
        past &&
        !isBegunThatDay(clause, sentence.slice(mention.start, mention.end)))
    )
      return;
    const time = mention.time ?? nearestTime(times, mention, dated);
    const sized = applyDurations(clause, { ...mention, date, time }, at);
    // A list's clause may be only its date ("Feb. 5-6, March 18-19, ..."): the sentence names the event.
    // "The tender, initially due on May 9, has been moved to June 2": what is moved is told before the aside.
    const own =
      possessedEvent(sentence, mention) ?? movedTitle(sentence, mention.start) ?? makeTitle(clause, at);
    // The sentence up to the next date first: "Today the leaders will meet and tomorrow there will be the opening".
    const next = dated[i + 1];
    const upToNext = next && !listed ? makeTitle(sentence.slice(0, next.start), mention.start) : own;
    const wide = own.head ? own : headedOr(upToNext, headedOr(makeTitle(sentence, mention.start), own));
    const other = own.head ? null : titleForThatOf(clause, wide.title);
    const title = ultimatum(clause, at, own) ?? (other ? { ...wide, title: other } : wide);
    const evidence = { clause, at, mention: sized, quoted, title, sentence };
    const features = tracker.describing
      ? describeMention(evidence, {
          date: sized.date ?? date,
          published: tracker.published,
          past,
          paragraph: tracker.paragraph,
          paragraphs: tracker.paragraphs,
          dates: dated.length,
          listed,
        })
      : null;
    const confidence = rateEvent(evidence);
    addEvent(
      tracker,
      { ...sized, date: sized.date ?? date },
      clause,
      at,
      title,
      confidence,
      features,
      sentence,
    );
  });
}

// "has given the union until 5pm on Friday to abandon further action": a deadline set for someone.
const GIVEN_UNTIL =
  /\b(?:given|gave|gives|give|has|have|had)\b[^.;]{0,80}\b(?:until|till)\s+(?:\S+\s+){0,3}$/i;
const TO_ACT = /^[^\s,;]+(?:\s+[^\s,;]+){0,3}?\s+to\s+(?!be\b)\p{Ll}+/u;

/** The deadline a clause sets when it names no event of its own ("given X until Friday to decide"). */
function ultimatum(clause: string, at: number, own: EventTitle): EventTitle | null {
  if (own.head) return null;
  return GIVEN_UNTIL.test(clause.slice(0, at)) && TO_ACT.test(clause.slice(at))
    ? { title: 'Deadline', head: 'deadline' }
    : null;
}

// "Parliament will debate the Bill after Monday's ministerial statement": the day is the statement's, not
// the debate's.
const BOUND_BEFORE = /\b(?:after|before|ahead\s+of|following|since|until|till)\s+$/i;
const POSSESSIVE = /^[’']s\s+[^,;.:!?]+/;

/** The event a day dates when the clause names it "after Monday's statement": the possessed noun's title. */
function possessedEvent(sentence: string, mention: DateMention): EventTitle | null {
  const owned = POSSESSIVE.exec(sentence.slice(mention.end));
  if (!owned || !BOUND_BEFORE.test(sentence.slice(0, mention.start))) return null;
  const title = makeTitle(sentence.slice(mention.start, mention.end + owned[0].length), 0);
  return title.head ? title : null;
}

/**
 * "On Feb. 26. Iranians attended the polls": a sentence cut after its date has no verb to date; what it
 * dates is told in the next sentence, in whatever tense, and the day alone announces nothing.
 */
const MAX_DATE_WORDS = 5;

function isDateAlone(sentence: string, mention: DateMention): boolean {
  const rest = sentence.slice(0, mention.start) + sentence.slice(mention.end);
  const words = sentence.trim().split(/\s+/).length;
  return words <= MAX_DATE_WORDS && /^[\s,.;:]*(?:on|from|by|since|until)?[\s,.;:]*$/i.test(rest);
}

function headedOr(wide: EventTitle, own: EventTitle): EventTitle {
  return wide.head ? wide : own;
}

function chainState(tracker: Tracker) {
  const lead = tracker.events[0];
  return {
    published: tracker.published,
    anchors: tracker.anchors,
    lastEventDate: tracker.lastEvent?.date ?? null,
    leadEvent: lead ? { date: lead.date, endDate: lead.endDate } : null,
    lastDate: tracker.lastDate,
  };
}

/** "complaints from 10 am to 3 pm on October 10 ... examining them on October 10 from 3 to 5 pm": two times, two occasions. */
function otherTime(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b;
}

/**
 * "will unveil the squads tomorrow at 4:30pm" and "will announce the squads in the media conference room
 * on Thursday, September 15, at 4:30pm": one day at one clock time is one occasion, unless told at two places.
 */
function sameClock(event: Found, time: string | null, location: string | null): boolean {
  if (event.time === null || event.time !== time) return false;
  return !(event.location && location && event.location.toLowerCase() !== location.toLowerCase());
}

/** "Paris-Orly to Berlin" and "Paris-Orly to Munich" on one day: a route list's two lines are two routes. */
function otherRoute(a: string | null, b: string | null): boolean {
  const route = /^(.+?)\s+to\s+(.+)$/;
  const [x, y] = [a ? route.exec(a) : null, b ? route.exec(b) : null];
  return x !== null && y !== null && (x[2] ?? '').toLowerCase() !== (y[2] ?? '').toLowerCase();
}

function addEvent(
  tracker: Tracker,
  mention: DateMention & { date: string },
  clause: string,
  at: number,
  title: EventTitle,
  confidence: number,
  features: Features | null,
  sentence = clause,
): void {
  const found =
    listedPlace(sentence, mention.start, mention.end) ??
    linePlace(clause, at, at + mention.end - mention.start) ??
    findPlace(clause, at) ??
    hostPlace(clause, (name) => findPersonIn(name, tracker.people) !== null) ??
    courtPlace(sentence) ??
    toldPlace(tracker.told, tracker.paragraph, sentence, clause, at) ??
    sameEventVenue(tracker.told, tracker.paragraph, title.head);
  // "postal workers at Royal Mail" where "Royal Mail said ...": a body that speaks is no place.
  const location = found && tracker.speakers.has(found) ? null : found;
  const participants = findParticipants(clause, tracker.people, tracker.organizations, location);
  const fullTitle = withOrganizer(title, participants);
  const existing =
    tracker.events.find(
      (e) =>
        e.date === mention.date &&
        e.endDate === mention.endDate &&
        (sameEvent(e.head, title.head) || sameClock(e, mention.time, location)) &&
        !otherTime(e.time, mention.time) &&
        !otherMatchUp(e.title, fullTitle) &&
        !otherRoute(e.location, location),
    ) ??
    withinRange(tracker.events, mention, title) ??
    spannedLater(tracker.events, mention, title) ??
    scheduledThatDay(tracker.events, mention.date, title, location, clause) ??
    (mention.endDate ? undefined : actedThatDay(tracker.events, mention.date, clause));
  // "The first phase of the session will conclude on February 11": the end of an event already dated.
  const ending =
    !mention.endDate && ENDING.test(clause) ? endedEvent(tracker.events, mention.date, title) : undefined;
  // "a second event told on a day the story already dated": another occasion of that day is told.
  if (features)
    features.crowded = tracker.events.some((e) => e.date === mention.date && !e.scheduled && e !== existing)
      ? 1
      : 0;
  if (ending) {
    ending.endDate = mention.date;
    tracker.lastEvent = ending;
    return;
  }
  if (existing) {
    // "starts on September 27" then "(September 27-Oct 1)": the span told later is the event's.
    if (mention.endDate && !existing.endDate && existing.date === mention.date)
      existing.endDate = mention.endDate;
    mergeInto(existing, { ...title, title: fullTitle }, mention.time, location, participants, confidence);
    if (features) existing.features.push(features);
    existing.paragraph = tracker.paragraph;
    tracker.lastEvent = existing;
    return;
  }
  // A second event told on a day the story already dated is less sure than the first: prose often
  // names one occasion twice ("the strike on Monday ... talks will resume Monday"). One told with a
  // span of its own ("1st Test: Chennai (Sept 19-23)" after "the season from September 19") is another.
  const crowded = tracker.events.some(
    (e) => e.date === mention.date && !e.scheduled && e.endDate === mention.endDate,
  );
  const event: Found = {
    title: fullTitle,
    date: mention.date,
    endDate: mention.endDate,
    time: mention.time,
    location,
    participants,
    confidence: crowded ? Math.max(0, Math.round((confidence - SAME_DAY_DOUBT) * 100) / 100) : confidence,
    head: title.head,
    paragraph: tracker.paragraph,
    actor: tracker.actor,
    features: features ? [features] : [],
  };
  tracker.events.push(event);
  tracker.lastEvent = event;
}

const SAME_DAY_DOUBT = 0.2;
const ENDING =
  /\b(?:conclude|concludes|end|ends|close|closes|finish|finishes|wrap up|wraps up)\s+(?:on|by)?\s*$|\b(?:will|to)\s+(?:conclude|end|close|finish)\b/i;

function mergeInto(
  event: Found,
  title: EventTitle,
  time: string | null,
  location: string | null,
  participants: string[],
  confidence: number,
): void {
  // The mention that names the event gives the title: "Tuesday's vote" after "on Tuesday".
  if (event.head === null && title.head !== null) {
    event.title = title.title;
    event.head = title.head;
  }
  event.time ??= time;
  event.location ??= location;
  event.confidence = Math.max(event.confidence ?? 0, confidence);
  for (const p of participants) if (!event.participants.includes(p)) event.participants.push(p);
}

/** "OSCE meeting": a bare event noun takes the organizer's acronym when the clause gives one. */
function withOrganizer(title: EventTitle, participants: string[]): string {
  const acronym = participants.find((p) => /^\p{Lu}{2,6}$/u.test(p));
  // "AGM" with the organizer "AGM" stays "AGM", never "AGM agm".
  return acronym &&
    title.head &&
    title.title.toLowerCase() === title.head &&
    acronym.toLowerCase() !== title.head
    ? `${acronym} ${title.title.toLowerCase()}`
    : title.title;
}

function addScheduled(tracker: Tracker, entry: ScheduleEntry): void {
  if (entry.date < tracker.published) return;
  tracker.anchors.push({ date: entry.date, endDate: entry.endDate, words: contentWords(entry.title) });
  const mention: DateMention & { date: string } = {
    start: 0,
    end: 0,
    date: entry.date,
    endDate: entry.endDate,
    time: entry.time,
    chain: null,
  };
  const title = { title: entry.title, head: entry.title.toLowerCase() };
  const features = tracker.describing ? describeScheduled({ ...entry, published: tracker.published }) : null;
  addEvent(tracker, mention, entry.title, 0, title, entry.confidence, features);
  const event = tracker.lastEvent;
  if (!event) return;
  event.location ??= entry.location;
  event.scheduled = true;
}

/** A time given in a sentence without a day ("scheduled for 10 am local time") belongs to the event just announced. */
function attachTimeToLastEvent(sentence: string, times: DateMention[], tracker: Tracker): void {
  const event = timedEvent(sentence, tracker);
  const first = times[0];
  if (!event || !first || isPastTense(sentence, first.start)) return;
  event.time ??= first.time;
  event.location ??= findPlace(sentence, first.start);
  const location = event.location;
  for (const p of findParticipants(sentence, tracker.people, tracker.organizations, location)) {
    if (!event.participants.includes(p)) event.participants.push(p);
  }
}

const FIXTURE_WORD = /\b(?:match|game|fixture|derby|kick\s+off|kicks\s+off)\b/i;

/**
 * The event a sentence with a time and no day speaks of: the one just told in its paragraph, else the
 * latest one whose noun it names ("Himino will deliver a speech ... at 10:30 a.m." after a paragraph
 * about another meeting).
 */
function timedEvent(sentence: string, tracker: Tracker): Found | null {
  const last = tracker.lastEvent;
  if (last && last.paragraph === tracker.paragraph) return last;
  // "Galatasaray will host Fenerbahçe on Sept. 28." then "The match will kick off at 1730GMT": the
  // fixture of a schedule that the paragraph before retold.
  if (last?.scheduled && (last.paragraph ?? -1) >= 0 && last.paragraph === tracker.paragraph - 1)
    if (FIXTURE_WORD.test(sentence)) return last;
  const words = new Set(
    sentence
      .toLowerCase()
      .match(/[a-z]+/g)
      ?.map((w) => w.replace(/s$/, '')) ?? [],
  );
  const names = (head: string) =>
    words.has(head) || KINDS.some((kind) => kind.has(head) && [...kind].some((k) => words.has(k)));
  return [...tracker.events].reverse().find((e) => e.head !== null && names(e.head)) ?? null;
}
