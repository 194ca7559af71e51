import { MONTH, stripDatelineStub } from './furniture.ts';
import { splitSentences } from './sentences.ts';
import { countWords, normalizeText } from './text-utils.ts';

const WEAK_START =
  /^(?:he|she|it|they|this|that|these|those|his|her|their|its|we|i|you|but|also|and|or|so|yet|however|still|meanwhile|then|there)\b/i;
/** What a weak opener costs a sentence read on its own. */
const WEAK_START_COST = 3;
// "It will take place in Barcelona ...", "This gives parties 38 days ...": an opener that refers to what
// the sentence before it named reads well when that sentence is in the summary too (a "But" or
// "However" turns away from it, and stays a weak start).
const LEANS_BACK = /^(?:he|she|it|they|this|these|his|her|their|its)\b/i;
const QUOTE_MARK = /["“”„«»]/;
const DATE_WORD =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\btomorrow\b|\bnext (?:week|month)\b/i;
// "X gestures during the opening session ..., October 26, 2021.": a photo's caption, not the story.
const CAPTION =
  /\b(?:(?:is|are|was|were)\s+(?:pictured|seen|shown)|gestures|poses|looks\s+on|waves|smiles)\b.*\b\d{4}\.$/;
// "..., in the village of Horenka, Ukraine, Sunday, March 6, 2022.": a caption ends on the place and
// the day the photo was taken; a sentence of the story dates with "on" ("... on Tuesday, May 2, 2023.").
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const DATED_CAPTION = new RegExp(
  `(?<!\\p{L})(?!${WEEKDAY}\\b)\\p{Lu}[\\p{L}.'’-]*,\\s+(?:${WEEKDAY},\\s+)?(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH}),?\\s+\\d{4}\\.$`,
  'u',
);
// "Prime Minister Ana Ruiz (centre) will lead ...": only a photo's caption places people in the
// picture; the rest of its paragraph is the same caption.
const PICTURE_PLACE =
  /\((?:(?:second|third|far|front|back|top|bottom|standing|seated|pictured)\s+)?(?:from\s+)?(?:left|right|centre|center|middle)(?:\s+to\s+right)?\)|\((?:front|back|top|bottom|pictured)\)/i;
// "Coach Ana Ruiz of Porto talks to her players during ...", "Minister Ana Ruiz casts her vote Wednesday.":
// a name and a moment in the present simple is a photo's caption (the story tells it in the past); a
// story's own present ("The night train from Vienna arrives at 9 a.m.") has no name before the verb.
const PHOTO_VERB =
  '(?:talks|speaks|gestures|poses|waves|smiles|looks\\s+on|reacts|celebrates|listens|arrives|' +
  'casts\\s+(?:his|her|their)\\s+(?:vote|ballot)s?|delivers\\s+(?:his|her|their)|' +
  'addresses\\s+(?:the\\s+)?(?:media|press|reporters|journalists|supporters|crowd|rally|gathering|audience))';
const NAME_WORD = "\\p{Lu}[\\p{L}.'’-]*";
const PHOTO_MOMENT = new RegExp(
  `^(?!(?:The|A|An)\\s)\\p{Lu}(?:[\\p{L}.'’-]*\\s+){0,6}${NAME_WORD}\\s+${NAME_WORD}\\s+${PHOTO_VERB}\\b`,
  'u',
);
// "Watch the video here.", "View the gallery here.", "Pickets can be found here.", "... which can be
// streamed here.": the sentence points the reader to a link (its "here"), page furniture, not the
// story; a "here" of place ("the talks held here") has no reader told to look.
const LINK_POINTER =
  /(?:^(?:watch|view|see|read|find|stream|listen|download|click|tap|sign\s+up|register|book|buy|get)\b|\bcan\s+be\s+(?:found|seen|watched|viewed|read|heard|streamed|downloaded|bought|booked)\b)[^.!?]*\bhere[.!]["”’)]?$/i;
// Reading the first sentences is enough to find the lead; it also bounds the work.
const MAX_CANDIDATES = 200;
/** A short summary: sentences are added while the total stays near this many words. */
const WORD_BUDGET = 60;
/**
 * The score a sentence after the first needs: a plain sentence of the story's words near its top
 * has about 2 to 4; a weak opener, speech, or a late line the story's words do not point to falls
 * below 1.
 */
const MIN_LATER_SCORE = 1;
const STOP_WORDS = new Set(
  (
    'the a an of to in on at for and or but by with from as is are was were be been has have had will would ' +
    'said says that this these those it its their his her they he she we i you not no than then also which who ' +
    'after before about over into more most new one two three its’ said. up out'
  ).split(' '),
);

interface Candidate {
  text: string;
  /** The text as its quotes read: a sentence that starts inside a quote an earlier one opened gets its opening mark. */
  speech: string;
  order: number;
  words: number;
  terms: Set<string>;
  score: number;
}

/**
 * Picks up to `count` sentences that read well on their own and say what the story is about:
 * the lead counts, and so do the headline's words and the words the whole story keeps coming back
 * to; a summary stays short (about 60 words), in article order, without repeats.
 */
export function summarize(paragraphs: string[], count: number, title = ''): string[] {
  const candidates = collectCandidates(paragraphs);
  const frequency = termFrequency(candidates);
  const headline = termsOf(title);
  for (const candidate of candidates) candidate.score = scoreSentence(candidate, frequency, headline);
  const ranked = candidates.filter((c) => c.score > Number.NEGATIVE_INFINITY).sort(byScore);
  const chosen: Candidate[] = [];
  let words = 0;
  for (let candidate = ranked.shift(); candidate; candidate = ranked.shift()) {
    if (chosen.length >= Math.max(0, count)) break;
    // The first pick always goes in; later ones only while the summary stays short.
    if (chosen.length > 0 && words + candidate.words > WORD_BUDGET) continue;
    // ... and only a sentence worth reading: a short one that merely fits is no reason to go on
    // ("For more details, visit our website.", "Now locals are left wondering.").
    if (chosen.length > 0 && candidate.score < MIN_LATER_SCORE) continue;
    chosen.push(candidate);
    words += candidate.words;
    // The sentence after a pick may now lean on it ("It will take place in ...").
    const order = candidate.order;
    const next = ranked.find((c) => c.order === order + 1 && LEANS_BACK.test(c.text));
    if (next) {
      next.score += WEAK_START_COST;
      ranked.sort(byScore);
    }
  }
  return chosen.sort((a, b) => a.order - b.order).map((c) => c.text);
}

/** Best score first; article order among equals. */
function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.order - b.order;
}

function collectCandidates(paragraphs: string[]): Candidate[] {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const paragraph of paragraphs) {
    let caption = false;
    let quoteOpen = false;
    let scanned = 0;
    for (const sentence of splitSentences(paragraph)) {
      quoteOpen = isInsideQuote(paragraph.slice(scanned, sentence.start), quoteOpen);
      scanned = sentence.start;
      if (candidates.length >= MAX_CANDIDATES) return candidates;
      caption ||= PICTURE_PLACE.test(sentence.text) || PHOTO_MOMENT.test(sentence.text);
      if (caption) continue;
      const text = sentence.start === 0 ? stripDatelineStub(sentence.text) : sentence.text;
      const speech = quoteOpen ? `“${text}` : text;
      const key = normalizeText(text);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      candidates.push({
        text,
        speech,
        order: candidates.length,
        words: countWords(text),
        terms: termsOf(text),
        score: 0,
      });
    }
  }
  return candidates;
}

function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of normalizeText(text).split(' ')) {
    if (word.length > 2 && !STOP_WORDS.has(word) && !/^\d+$/.test(word)) terms.add(word.replace(/s$/, ''));
  }
  return terms;
}

/** In how many sentences each term occurs: what the story keeps coming back to. */
function termFrequency(candidates: Candidate[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const c of candidates) for (const term of c.terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return frequency;
}

/**
 * Whether a quote is still open at the end of this text (the paragraph between two sentence starts),
 * given whether one was open before it: "“We lose
 * more tuna ... land. A patrol ... protects no one." is speech in its second sentence too. Inside a
 * quote any mark closes it, as a wrong closing mark does (“LSE“).
 */
function isInsideQuote(text: string, openBefore: boolean): boolean {
  let open = openBefore;
  for (const mark of text.matchAll(/["“”„«»]/g)) open = open ? false : mark[0] !== '”' && mark[0] !== '»';
  return open;
}

/** How many words of a sentence stand outside its quote marks (a quote left open runs to the end). */
function unquotedWords(text: string): number {
  return countWords(text.replace(/["“„«][^"”»]*(?:["”»]|$)/g, ' ').replace(/[^\p{L}\p{N}\s]/gu, ' '));
}

/** The share of a sentence's characters inside quote marks. */
function quotedShare(text: string): number {
  let inside = 0;
  for (const m of text.matchAll(/["“„«]([^"”»]*)["”»]?/g)) inside += (m[1] ?? '').length;
  return inside / Math.max(1, text.length);
}

function scoreSentence(c: Candidate, frequency: Map<string, number>, headline: Set<string>): number {
  // A summary is made of sentences: a caption or a menu line without closing punctuation is none.
  if (c.words < 6 || c.words > 70 || !/[.!?]["”’)]?$/.test(c.text)) return Number.NEGATIVE_INFINITY;
  if (CAPTION.test(c.text) || DATED_CAPTION.test(c.text) || LINK_POINTER.test(c.text))
    return Number.NEGATIVE_INFINITY;
  // A question asks where a summary tells: in a story it is a subheading ("When are the drivers
  // going on strike?") or a turn of the writer's, never what the story reports.
  if (/\?["”’)]?$/.test(c.text)) return Number.NEGATIVE_INFINITY;
  // Speech with no one to say it ("“You leave with my thanks.”", "“...,” he added") means nothing
  // out of its story; a quote its sentence attributes by name ("..., PM Kalu said") may still serve.
  if (QUOTE_MARK.test(c.speech) && unquotedWords(c.speech) <= 2) return Number.NEGATIVE_INFINITY;
  let score = 3 / (1 + c.order * 0.4);
  if (WEAK_START.test(c.text)) score -= WEAK_START_COST;
  // Speech reads badly out of its story; a sentence that only cites a phrase is still the story's.
  if (QUOTE_MARK.test(c.speech)) score -= quotedShare(c.speech) > 0.4 ? 2 : 0.5;
  if (DATE_WORD.test(c.text)) score += 0.5;
  if (/\d/.test(c.text)) score += 0.3;
  if (c.words > 45) score -= 1;
  let shared = 0;
  let central = 0;
  for (const term of c.terms) {
    if (headline.has(term)) shared++;
    central += Math.min(3, (frequency.get(term) ?? 1) - 1);
  }
  score += headline.size > 0 ? (2 * shared) / headline.size : 0;
  score += central / Math.max(8, c.terms.size) / 1.5;
  return score;
}
