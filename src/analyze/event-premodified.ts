// A date written before a noun makes that noun the occasion: "the August 23 harmonised elections", "the
// rocket's planned August 1 journey towards the Moon", "the 12 July charity walk"; a date set "as the date
// for" something names that something ("proclaimed July 30 as the date for harmonised elections").
import { announcedAction } from './event-actions.ts';
import { MONTH_OR_DAY } from './event-naming.ts';
import {
  capitalize,
  type EventTitle,
  headOf,
  isEventNoun,
  LEFT_STOP,
  phraseAround,
  type Token,
  tokenize,
} from './event-phrase.ts';

// What a date that modifies a noun follows: an article or a possessive ("the", "the council's").
const DETERMINER = /^(?:the|a|an|its|their|his|her|our|this|[\p{L}.-]+['’]s)$/iu;
// A word of plan or status between the possessive and the date: "the rocket's planned August 1 journey".
const STATUS =
  /^(?:planned|scheduled|proposed|expected|rescheduled|postponed|delayed|revised|upcoming|forthcoming|new)$/i;
// A day number, or a range of them, beside the month ("August 1", "12 July", "June 2-6").
const DAY_NUMBER = /^\d{1,2}(?:st|nd|rd|th)?(?:[-–]\d{1,2}(?:st|nd|rd|th)?)?$/i;
// Prepositions that end the words of a noun phrase (LEFT_STOP has the short ones).
const PREPOSITION =
  /^(?:along|towards|toward|through|across|around|near|over|under|into|onto|between|against|via|beside|behind|outside|inside|amid|despite|without|within|ahead|before|after|since|until|till)$/i;
// The complement of a plain noun that says which: "handover of the new ferry", "journey to the shrine".
const WHICH = /^(?:of|for|to|towards|toward)$/i;

/** The occasion a date modifies, when the clause writes the date between a determiner and a noun. */
export function premodifiedTitle(clause: string, at: number): EventTitle | null {
  const words = tokenize(clause);
  const first = words.findIndex((w) => w.start >= at);
  if (first < 1) return null;
  let before = first - 1;
  if (STATUS.test(words[before]?.text ?? '')) before--;
  if (before < 0 || !DETERMINER.test(words[before]?.text ?? '')) return null;
  let i = first;
  while (i < words.length && isDateWord(words[i]?.text ?? '')) i++;
  const last = words[i - 1];
  const next = words[i];
  if (i === first || !last || !next || next.broken) return null;
  // "the 9 August, the day ...": a date set off by a comma modifies nothing.
  if (clause.slice(last.start + last.text.length, next.start).trim() !== '') return null;
  return eventNounAfter(words, i) ?? plainNounAfter(words, i);
}

// "July 30 as the date for harmonised elections", "January 26 and March 26 as the dates for the sitting".
const AS_THE_DATE =
  /^(?:as|to\s+be)\s+the\s+(?:new\s+|final\s+|official\s+)?(?:dates?|days?)\s+(?:for|of|(when|on\s+which))\s/i;

/** What a day is set as the date for: "set September 2 as the date for the start of the trial". */
export function asDateTitle(clause: string, at: number): EventTitle | null {
  const all = tokenize(clause);
  const first = all.findIndex((w) => w.start >= at);
  if (first < 0) return null;
  let i = first;
  // The day, and the other days of its list ("January 26 and March 26").
  while (i < all.length && (isDateWord(all[i]?.text ?? '') || /^(?:and|or)$/i.test(all[i]?.text ?? ''))) i++;
  const next = all[i];
  const set = next ? AS_THE_DATE.exec(clause.slice(next.start)) : null;
  if (i === first || !next || !set) return null;
  // "fixed June 14 as the date when the Nomination Courts would sit": what is done then names it.
  if (set[1]) {
    const action = announcedAction(clause.slice(next.start + set[0].length));
    return action ? { title: action.title, head: action.head } : null;
  }
  // The complement runs to the first comma or stop: "for the sitting of nomination courts, to receive".
  const stop = clause.slice(next.start).search(/[,;:.!?]/);
  const limit = stop < 0 ? clause.length : next.start + stop;
  const words = all.filter((w) => w.start < limit);
  const from = words.findIndex((w, k) => k > i && /^(?:for|of)$/i.test(w.text)) + 1;
  for (let k = from; from > 0 && k < words.length; k++) {
    const text = words[k]?.text ?? '';
    if (/^(?:the|a|an|its|their)$/i.test(text)) continue;
    // "the start of the trial": a plain noun with its own complement; "harmonised elections": the event noun.
    const plain =
      /^\p{Ll}{3,}$/u.test(text) && !LEFT_STOP.test(text) && /^(?:of|for)$/i.test(words[k + 1]?.text ?? '');
    if (plain || (isEventNoun(text) && !isEventNoun(words[k + 1]?.text)))
      return { title: capitalize(phraseAround(words, k)), head: headOf(words[k]) };
  }
  return null;
}

function isDateWord(word: string): boolean {
  return MONTH_OR_DAY.test(word) || DAY_NUMBER.test(word);
}

/** An event noun among the first words after the date: "the August 23 harmonised elections". */
function eventNounAfter(words: Token[], from: number): EventTitle | null {
  for (let k = from; k < from + 4 && k < words.length; k++) {
    const word = words[k];
    if (!word || (k > from && word.broken)) return null;
    if (isEventNoun(word.text) && !isEventNoun(words[k + 1]?.text))
      return { title: capitalize(phraseAround(words, k)), head: headOf(word) };
    // "the August 23 harmonised elections": a participle may qualify the noun; a function word ends the phrase.
    if (/^\p{Ll}+(?:ed|ing)$/u.test(word.text)) continue;
    if (LEFT_STOP.test(word.text.toLowerCase()) || PREPOSITION.test(word.text)) return null;
  }
  return null;
}

/** A plain noun after the date, with the complement that says which: "the May 20 handover of the new ferry". */
function plainNounAfter(words: Token[], from: number): EventTitle | null {
  let end = from;
  while (end < from + 3 && isPlainWord(words[end]) && !(end > from && words[end]?.broken)) end++;
  if (end === from) return null;
  const phrase = words.slice(from, end).map((w) => w.text);
  // "... to the shrine at Lamu", "... of the new ferry to the port authority": up to four words, to a stop.
  if (WHICH.test(words[end]?.text ?? '')) {
    const complement: string[] = [words[end]?.text ?? ''];
    for (let k = end + 1; k < end + 5 && k < words.length; k++) {
      const word = words[k];
      if (!word || word.broken || PREPOSITION.test(word.text) || WHICH.test(word.text)) break;
      if (LEFT_STOP.test(word.text.toLowerCase()) && !/^(?:the|a|an)$/i.test(word.text)) break;
      complement.push(word.text);
    }
    while (complement.length > 0 && /^(?:of|for|to|towards|toward|the|a|an)$/i.test(complement.at(-1) ?? ''))
      complement.pop();
    if (complement.length > 0) phrase.push(...complement);
  }
  return { title: capitalize(phrase.join(' ')), head: null };
}

/** A lowercase word that may be part of a noun phrase: not a verb form, function word or preposition. */
function isPlainWord(word: Token | undefined): boolean {
  const text = word?.text ?? '';
  return /^\p{Ll}[\p{Ll}-]+$/u.test(text) && !LEFT_STOP.test(text) && !PREPOSITION.test(text);
}
