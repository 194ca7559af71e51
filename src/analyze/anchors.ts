import { addDays, fromIso, toIso } from './calendar.ts';
import { anchorWords } from './chains.ts';
import type { DateMention } from './dates.ts';

/** A date read so far with the words of its clause, so "the day before the hearing" finds the hearing. */
export interface Anchor {
  date: string;
  endDate: string | null;
  words: Set<string>;
}

/** What a chained date counts from: the publication, the dates read so far, the last event. */
export interface ChainState {
  published: string;
  anchors: Anchor[];
  lastEventDate: string | null;
  leadEvent: { date: string; endDate: string | null } | null;
  lastDate: string | null;
}

/** The date of a chained mention ("the following day", "the day before the hearing"), or null. */
export function resolveChain(mention: DateMention, clause: string, tracker: ChainState): string | null {
  const chain = mention.chain;
  if (!chain) return null;
  // "After the launch, ... the following day": the clause names the anchor.
  const named = /\b(?:after|before|following)\s+the\s+([a-z-]+(?:\s+[a-z-]+){0,2})/i.exec(clause)?.[1];
  const anchor = chain.anchor.length > 0 ? chain.anchor : anchorWords(named ?? '');
  let base: string | null;
  if (anchor.includes('tomorrow')) base = toIso(addDays(fromIso(tracker.published), 1));
  else if (anchor.length > 0) base = findAnchor(tracker, anchor, chain.days, chain.fromEnd);
  else base = tracker.lastEventDate ?? tracker.lastDate;
  return base ? toIso(addDays(fromIso(base), chain.days)) : null;
}

/**
 * The date a named chain counts from: the date whose clause shares most words with the
 * name ("the day after the ministers meet" finds "the foreign ministers will meet ... on
 * March 25"). A chain of a coming event never counts from a date that would put it before
 * publication ("the evening before the first round" is not the eve of a past "round").
 * A name no dated clause used ("the premiere") is the article's lead event.
 */
function findAnchor(tracker: ChainState, anchor: string[], days: number, fromEnd: boolean): string | null {
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
  const lead = tracker.leadEvent;
  return (fromEnd && lead?.endDate) || lead?.date || tracker.lastDate;
}

/** The words of a clause an anchor is found by. */
export function contentWords(clause: string): Set<string> {
  const words = new Set<string>();
  for (const word of clause.toLowerCase().match(/[a-z-]+/g) ?? [])
    if (word.length >= 3) words.add(stem(word));
  return words;
}

function stem(word: string): string {
  return word.length > 4 ? word.replace(/(?:es|s)$/, '') : word;
}
