// The names a title needs to say WHICH occasion, not only what kind: the named subject of an
// announcement ("the G7+ group ... will meet"), the named thing it governs ("release the Aero 7"),
// the two sides of a match ("facing the Eagles"), and the tidying that keeps a title a short phrase.

import { pronounWord, SAYING_VERBS } from './subject-words.ts';

/**
 * Months, weekdays, day numbers, years and parts of a day: words of a date, never of a name. A month
 * is its name or its short form, not any word that starts like one ("Market", "Junior", "Octopus").
 */
const MONTH_WORD =
  '^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?$';
/** A month by its name or short form ("Sept.", "June"), the whole word. */
export const MONTH = new RegExp(MONTH_WORD, 'i');
export const MONTH_OR_DAY = new RegExp(
  `${MONTH_WORD}|^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^\\d{1,2}(?:st|nd|rd|th)?$|^\\d{4}$|^(?:today|tomorrow|tonight|morning|afternoon|evening|night)$`,
  'i',
);

// Words that may open a sentence in capitals without being a name.
const CAPITAL_FUNCTION_WORDS =
  /^(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your|and|but|or|if|when|while|after|before|on|in|at|by|for|from|to|with|as|he|she|it|they|we|i|you|there|here|then|separately|meanwhile|also|however|earlier|later|rival|local|officials?|sources?)$/i;
const DETERMINER = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your)$/i;
const ORDINAL =
  /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|next|opening|closing|\d{1,3}(?:st|nd|rd|th))$/i;
const AUXILIARY =
  /^(?:will|would|shall|can|could|may|might|must|is|are|was|were|be|been|has|have|had|do|does|did|says?|said|plans?|hopes?|wants?|expects?)$/i;
const PREPOSITION = /^(?:of|for|in|at|on|with|from|by|between|to|under|over|about|against|after|before)$/i;
const PRONOUN = pronounWord('who which that this');
// Trailing words of a title that leave it hanging: function words, auxiliaries, "new".
const EDGE_WORD =
  /^(?:a|an|the|this|that|these|those|its|their|his|her|our|my|your|of|on|in|at|for|to|and|or|with|by|from|will|would|shall|is|are|was|were|be|been|being|has|have|had|also|then|now|which|who|when|where|while|as|than|said|says|after|before|until|till|during|about|into|over|under|new|between)$/i;
// A comma (not one grouping digits), a bracket, a dash, a saying verb or "that": the last clause is the subject's.
const REPORTED_CLAUSE_START = new RegExp(
  `(?<!\\d),|,(?!\\d)|[;:()–—]|\\b(?:${SAYING_VERBS.join('|')}|that)\\b`,
  'u',
);
/** The most words an event's title keeps: longer is a sentence, not a name. */
export const MAX_TITLE_WORDS = 8;
const MAX_NAME_WORDS = 5;

/** A word written as a name: a capital ("Durban"), an inner capital ("iPhone") or a plus ("OPEC+"). */
export function isNameWord(word: string): boolean {
  if (!/^(?:\p{Lu}|\p{Ll}+\p{Lu}|\p{N}+\p{Lu})/u.test(word)) return false;
  return !MONTH_OR_DAY.test(word) && !CAPITAL_FUNCTION_WORDS.test(word);
}

/** The run of name words at `from` in `words`, with a number or ordinal that belongs to it ("Aero 7", "G7+ group"). */
function nameRun(words: readonly string[], from: number): string[] {
  const run: string[] = [];
  for (let i = from; i < words.length && run.length < MAX_NAME_WORDS; i++) {
    const word = words[i] ?? '';
    if (
      isNameWord(word) ||
      (run.length > 0 && /^\d{1,3}[A-Za-z+]?$/.test(word) && !MONTH_OR_DAY.test(words[i - 1] ?? ''))
    )
      run.push(word);
    else break;
  }
  return run;
}

function wordsOf(text: string): string[] {
  // A plural possessive keeps its mark ("ministers’"); a full stop or a stray quote does not.
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.&-]*(?:,\d{3})*\+?/gu)].map((m) =>
    m[0].replace(/\.+$/, '').replace(/(?<!s)['’]+$/u, ''),
  );
}

/** A subject phrase, and whether it holds a name, only a possessive, or neither. */
export interface SubjectName {
  text: string;
  kind: 'name' | 'possessive' | 'common';
}

/**
 * The subject of an announcement, from the text before its verb: "the G7+ group of fragile
 * states" gives "G7+ group", "Oil producers OPEC+" gives "OPEC+", "the club's disciplinary panel"
 * gives "club's disciplinary panel"; null when it is a pronoun or a long common phrase.
 */
export function findSubjectName(before: string): SubjectName | null {
  // "Ana Ruiz said the union will strike": the subject is the reported clause's, not the sayer.
  const clause = before.split(REPORTED_CLAUSE_START).at(-1) ?? '';
  // "130,000 Royal Mail members": a head count is no part of the name.
  let words = wordsOf(clause).filter((w) => !/^[\d,.]+$/.test(w));
  // The subject ends at its first auxiliary ("are expected"), its complement at a preposition.
  const aux = words.findIndex((w) => AUXILIARY.test(w));
  if (aux >= 0) words = words.slice(0, aux);
  while (words.length > 0 && DETERMINER.test(words[0] ?? '')) words = words.slice(1);
  const cut = words.findIndex((w) => PREPOSITION.test(w));
  if (cut >= 0) words = words.slice(0, cut);
  // "Ferrán, Montenegro and Kovač will open": a list of people holds the event, not its last name.
  if (words.length === 0 || PRONOUN.test(words[0] ?? '') || words.some((w) => /^(?:and|or|&)$/i.test(w)))
    return null;
  // "Oil producers OPEC+": a common description before a name is the name's apposition.
  const firstName = words.findIndex((w, i) => i > 0 && isNameWord(w));
  if (firstName > 0 && isDescription(words.slice(0, firstName))) {
    const run = nameRun(words, firstName);
    if (firstName + run.length === words.length) return { text: run.join(' '), kind: 'name' };
  }
  // A capital on the first word may be the sentence's: alone, only an acronym or a brand's spelling names.
  const named = words.some(
    (w, i) =>
      isNameWord(w) && (i > 0 || isNameWord(words[1] ?? '') || /^\p{Lu}{2,}|\p{Ll}\p{Lu}|[\d+&]/u.test(w)),
  );
  const possessive = words.some((w) => /['’]s?$/u.test(w));
  if ((named || possessive) && words.length <= 4)
    return { text: words.join(' '), kind: named ? 'name' : 'possessive' };
  if (words.length <= 2) return { text: words.join(' '), kind: 'common' };
  return null;
}

/** Common words before a name ("Oil producers", "Rival"): lower case, but for a sentence's first capital. */
function isDescription(words: readonly string[]): boolean {
  const [first = '', ...others] = words;
  if (!others.every((w) => /^\p{Ll}/u.test(w))) return false;
  return (
    /^\p{Ll}/u.test(first) || (/^\p{Lu}[\p{Ll}-]+$/u.test(first) && (others.length > 0 || !isNameWord(first)))
  );
}

/** The name an action governs, right after its verb: "the Aero 7 on Friday" gives "Aero 7". */
export function findObjectName(after: string): string | null {
  let words = wordsOf(after);
  while (words.length > 0 && DETERMINER.test(words[0] ?? '')) words = words.slice(1);
  const run = nameRun(words, 0);
  return run.length > 0 ? run.join(' ') : null;
}

const SIDE = "\\p{Lu}[\\p{L}'’.&-]*(?:\\s+\\p{Lu}[\\p{L}'’.&-]*){0,3}";
const AGAINST = new RegExp(`\\b(?:facing|against|versus|vs\\.?)\\s+(?:the\\s+)?(${SIDE})`, 'u');
const ANY_SIDE = new RegExp(SIDE, 'gu');
// A side that acts: "the Dolphins will be", "Harbour City open", "Durban City begins".
const SIDE_VERB =
  /^\s+(?:will|would|is|are|was|were|has|have|open|opens|begin|begins|start|starts|kick|kicks|host|hosts|play|plays|travel|travels|meet|meets|take|takes|head|heads|return|returns)\b/;

/**
 * "Harbour City open their campaign with a game against Rovers" gives "Harbour City v Rovers";
 * "The Hawks will be the only side at home, facing the Eagles" gives "Hawks v Eagles". The home
 * side is the last name before that acts, else (when the clause names a match) the last name; null
 * without two named sides.
 */
export function findMatchUp(clause: string, matchNamed = false): string | null {
  const against = AGAINST.exec(clause);
  const away = cleanSide(against?.[1]);
  if (!against || !away) return null;
  const sides = findSidesBefore(clause.slice(0, against.index));
  // Without a match noun ("a game against"), only a side that acts is one ("Ministers facing Parliament" is no match).
  const acting = sides.filter((s) => s.acts).at(-1);
  const home = (acting ?? (matchNamed ? sides.at(-1) : undefined))?.side ?? null;
  return home && home !== away ? `${home} v ${away}` : null;
}

// The side a match noun is played against: "a game against Glasgow Rangers", "their first match a week
// later against reigning premiers Perth Glory", "a match with Scotland".
const PLACE_WORD = '(?:at|in|on|of|for|from|by|to|and|or)\\b';
const OPPONENT_AFTER = new RegExp(
  `^\\s+(?:[\\p{Ll}\\d]+\\s+){0,3}?(?:(?:against|versus|vs\\.?)\\s+(?:the\\s+)?(?:(?!${PLACE_WORD})\\p{Ll}+\\s+){0,2}|with\\s+(?:the\\s+)?)(${SIDE})`,
  'u',
);
const OPPOSED = /\b(?:against|versus|vs\.?|facing|v)\s+(?:the\s+)?$/i;
// A side this close before the match noun holds it: "Wests Tigers with a game against the Titans".
const NEAR_SIDE = 12;

/**
 * A match named by the side it is played against, right after its noun: "Wests Tigers with a game
 * against the Titans" gives "Wests Tigers v Titans"; with no side of its own before it that plays or
 * stands beside the noun, "with a game against Glasgow Rangers" gives "Game against Glasgow Rangers".
 */
export function findOpponentMatch(
  clause: string,
  nounStart: number,
  nounEnd: number,
  kind: string,
): string | null {
  const away = cleanSide(OPPONENT_AFTER.exec(clause.slice(nounEnd))?.[1]);
  if (!away) return null;
  const sides = findSidesBefore(clause.slice(0, nounStart));
  const near = sides.filter((s) => nounStart - s.end <= NEAR_SIDE);
  const home = (sides.filter((s) => s.acts).at(-1) ?? near.at(-1))?.side;
  return home && home !== away ? `${home} v ${away}` : `${kind} against ${away}`;
}

/** A named side before a match's opponent: whether a verb of its own follows it, and where it ends. */
interface Side {
  side: string;
  acts: boolean;
  end: number;
}

/** The sides named in the text before a match's opponent, but for one written after "against" or "v". */
function findSidesBefore(before: string): Side[] {
  return [...before.matchAll(ANY_SIDE)].flatMap((m) => {
    const side = cleanSide(m[0]);
    const end = m.index + m[0].length;
    if (!side || OPPOSED.test(before.slice(0, m.index))) return [];
    return [{ side, acts: SIDE_VERB.test(before.slice(end)), end }];
  });
}

/** A side's name without a leading function word, or null when nothing of a name is left. */
function cleanSide(side: string | undefined): string | null {
  const words = (side ?? '').split(/\s+/).filter(Boolean);
  while (words.length > 0 && !isNameWord(words[0] ?? '')) words.shift();
  while (words.length > 0 && !isNameWord(words.at(-1) ?? '')) words.pop();
  return words.length > 0 ? words.join(' ') : null;
}

// "..., while that of Ondo State will hold October 10": the same kind of event, for another name.
const THAT_OF =
  /^\s*(?:(?:while|and|but|whereas)\s+)?(?:that|those)\s+of\s+((?:\p{Lu}[\p{L}'’.&-]*\s*){1,4})/u;

/**
 * The title of an event told as "that of NAME" after another: the other's title with its name
 * replaced ("Edo governorship election" gives "Ondo State governorship election"); null otherwise.
 */
export function titleForThatOf(clause: string, other: string): string | null {
  const name = THAT_OF.exec(clause)?.[1]?.trim();
  if (!name) return null;
  const words = other.split(/\s+/);
  let from = 0;
  while (from < words.length - 1 && isNameWord(words[from] ?? '')) from++;
  return [name, ...words.slice(from)].join(' ');
}

/** True when a title says which occasion: a name, a number or an ordinal beside its kind. */
export function namesWhich(title: string): boolean {
  const words = title.split(/\s+/);
  return words.some(
    (w, i) =>
      (i > 0 && isNameWord(w)) || /\d/.test(w) || ORDINAL.test(w) || /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(w),
  );
}

function isInitialsOf(acronym: string, words: readonly string[]): boolean {
  if (!/^\p{Lu}{2,6}$/u.test(acronym)) return false;
  const initials = words
    .slice(-acronym.length)
    .map((w) => w.charAt(0))
    .join('');
  return initials === acronym;
}

/** A title kept a short phrase: no doubled word ("AGM agm"), no hanging function word, at most eight words. */
export function tidyTitle(title: string): string {
  // "This year's G20 summit", "next month's meeting": the time is the date's, not the event's name.
  const words = title
    .replace(/^(?:this|next|last|that)\s+(?:year|month|week|weekend)['’]s\s+/i, '')
    .split(/\s+/)
    .filter(Boolean);
  const kept = words.filter((w, i) => i === 0 || w.toLowerCase() !== words[i - 1]?.toLowerCase());
  // "National Assembly NA": an acronym after the words it stands for says them twice.
  if (kept.length > 2 && isInitialsOf(kept.at(-1) ?? '', kept.slice(0, -1))) kept.pop();
  // "Official opening of the 12th ... Games": an article in a complement goes first when it is too long.
  let fitted =
    kept.length > MAX_TITLE_WORDS
      ? kept.filter((w, i) => !(i > 0 && /^the$/i.test(w) && /^of$/i.test(kept[i - 1] ?? '')))
      : kept;
  fitted = fitted.slice(0, MAX_TITLE_WORDS);
  while (fitted.length > 1 && EDGE_WORD.test(fitted.at(-1) ?? '')) fitted.pop();
  while (fitted.length > 1 && EDGE_WORD.test(fitted[0] ?? '')) fitted.shift();
  const text = fitted.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
