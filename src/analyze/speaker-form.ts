import type { Quote } from '../models/analysis.ts';
import { findCapitalizedRuns, type NameRun, type RunRules } from './names.ts';
import { isRoleNoun } from './roles.ts';
import {
  HONORIFIC_WORDS,
  INSTITUTION_WORDS,
  NAME_PARTICLES,
  NON_NAME_WORDS,
  ROLE_MODIFIERS,
  SPEECH_VERBS,
} from './vocabulary.ts';

// "al-Khatib", "el-Sisi", "bin", "van": lowercase parts a name may hold.
const PARTICLE = /^(?:al|el|ad|as|ash|at|ul|bin|binti|ibn|bint|ben)-\p{Lu}/u;
const CAPITAL = /^\p{Lu}/u;
const POSSESSIVE = /['’]s?$/;
// Joiners inside a body's name: "Ministry of Foreign Affairs and Regional Cooperation".
const BODY_JOINERS = new Set(['of', 'for', 'and', 'on', 'de', 'ng']);
// The marks that end a run of a speaker's words; a dash, a digit or an ampersand does not ("Johnson & Johnson").
const PUNCTUATION = /[,;:()"“”.!?]/;
const ARTICLE = /^(?:the|a|an)\s+/i;

/**
 * Puts every quote's speaker in the one form the article's own mentions give it: a person by the
 * fullest name of the article holding the words of the attribution ("Faizal" -> "Ahmad Faizal bin
 * Hassan"), without leading honorifics, titles and portfolio words ("Nigerian Aviation Minister
 * Hadi Sirika" -> "Hadi Sirika"); a body by its one fullest name ("the ministry" -> "Ministry of
 * Health" when the article names one ministry). A speaker with two candidate forms stays as it is.
 */
export function normaliseSpeakers(
  quotes: Quote[],
  paragraphs: readonly string[],
  known: Iterable<string> = [],
): Quote[] {
  let mentions: Mentions | null = null;
  return quotes.map((quote) => {
    if (!quote.speaker) return quote;
    mentions ??= collectMentions(paragraphs, known);
    const speaker = canonicalSpeaker(quote.speaker, mentions);
    return speaker === quote.speaker ? quote : { ...quote, speaker };
  });
}

/** The names the article writes: people's (titles off) and bodies', as word lists. */
export interface Mentions {
  people: string[][];
  bodies: string[][];
  /** Every run of capitals, a leading article off: a company's or a party's name has no institution noun. */
  names: string[][];
}

// "the company said", "the party said": the kind of body a common noun names, by a word its name holds.
const CORPORATE =
  /^(?:Ltd|Limited|Inc|Corp|Corporation|Holdings|Group|plc|Plc|PLC|LLC|AG|SA|NV|GmbH|Bhd|Berhad)$/;
const BODY_KINDS = new Map<string, RegExp>([
  ['company', CORPORATE],
  ['firm', CORPORATE],
  ['group', CORPORATE],
  ['conglomerate', CORPORATE],
  ['airline', /^(?:Airways|Airlines)$/],
  ['carrier', /^(?:Airways|Airlines)$/],
  ['bank', /^Bank$/],
  ['lender', /^Bank$/],
  ['party', /^Party$/],
  ['police', /^Police$/],
  ['army', /^Army$/],
  ['navy', /^Navy$/],
]);

/** The canonical form of one speaker, or the speaker itself when the article gives no single fuller form. */
export function canonicalSpeaker(speaker: string, mentions: Mentions): string {
  const trimmed = trimSpeaker(speaker);
  const words = trimmed.replace(ARTICLE, '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return speaker;
  if (isBodyName(words)) return fullestBody(words, mentions.bodies) ?? speaker;
  const kind = bodyOfKind(words, mentions.names) ?? acronymOf(words, mentions.names);
  if (kind) return kind;
  // "Chile's deputy foreign minister Ana Lopez": the owner goes with the title; but "Attorney General’s
  // Chambers" is a body, whose words after the possessive are no titled name.
  const owner = words.slice(0, -1).findLastIndex((w) => /['’]s$/.test(w));
  if (owner >= 0) {
    const rest = words.slice(owner + 1);
    const name = stripTitles(rest);
    if (name.length < 2 || name.length === rest.length || !name.every(isNameWord)) return speaker;
    return (fullestPerson(name, mentions.people) ?? name).join(' ');
  }
  // "Alan Reece KC", "Femi Falana SAN": letters after the name are post-nominals, no part of it.
  const core = [...words];
  while (core.length > 2 && /^\p{Lu}{2,4}$/u.test(core[core.length - 1] ?? '')) core.pop();
  const name = stripTitles(core);
  if (!name.every(isNameWord)) return speaker;
  // The fuller name comes from a titled mention or the people index, never a bare run ("No Elena Markovic").
  const fuller = fullestPerson(name, mentions.people);
  if (fuller) return fuller.join(' ');
  if (name.length >= 2 && name.length < words.length) return name.join(' ');
  // "President Biden": one name is left behind a person's title; "General Electric" is a company's name.
  const title = words[words.length - 2] ?? '';
  const personal = HONORIFIC_WORDS.has(title.toLowerCase().replace(/\.$/, '')) || isPersonTitle(title);
  if (name.length === 1 && words.length > 1 && personal) return name.join(' ');
  return trimmed;
}

/**
 * Collects the article's names of bodies, and of people: those the people index knows and those
 * written behind a title ("Dr", "Transport Minister"), which only a person carries. A bare run of
 * capitals may be a shop or a brand ("Apple Online Store"). Exported for the tests.
 */
export function collectMentions(paragraphs: readonly string[], known: Iterable<string> = []): Mentions {
  const people: string[][] = [...known].map((name) => name.split(/\s+/));
  const bodies: string[][] = [];
  const names: string[][] = [];
  for (const text of paragraphs) {
    for (const found of findCapitalizedRuns(text, SPEAKER_RUNS)) {
      const run = found.words;
      const bare = /^(?:The|A|An)$/.test(run[0] ?? '') ? run.slice(1) : run;
      names.push(bare);
      if (isBodyName(run)) {
        bodies.push(bare);
        continue;
      }
      const titled = followsTitle(text, found);
      // "John Smith and Mary Jones": a run of people splits at "and".
      const parts = splitAt(run, 'and');
      for (const part of parts) {
        const name = stripTitles(part);
        const behindTitle = name.length < part.length || (titled && part === parts[0]);
        if (name.length >= 2 && behindTitle && name.every(isNameWord)) people.push(name);
      }
    }
  }
  return { people, bodies, names };
}

/**
 * The runs of names.ts, with the rules of a speaker's words, which may name a body as well as a person:
 * "al-Khatib" counts as capitalized; "and" and "on" join a body's name wherever they stand ("Ministry of
 * Foreign Affairs and Regional Cooperation"); a run has no length limit; only punctuation ends it ("Smith &
 * Wesson" is one run), and a full stop after a title does not ("Dr.", "the Minister.").
 */
const SPEAKER_RUNS: RunRules = {
  capitalLike: (word) => PARTICLE.test(word),
  joins: (word) => NAME_PARTICLES.has(word) || BODY_JOINERS.has(word),
  bridges: (gap, last) =>
    !PUNCTUATION.test(gap.replace(/^\.+/, '')) && (!gap.startsWith('.') || isTitleWord(last)),
  maxWords: Number.POSITIVE_INFINITY,
};

/** A lowercase title word stands right before the run ("chairman Jan de Wit"). */
function followsTitle(text: string, run: NameRun): boolean {
  const word = run.wordBefore;
  return (
    !PUNCTUATION.test(text.slice(run.wordBeforeEnd, run.start)) && !CAPITAL.test(word) && isTitleWord(word)
  );
}

function splitAt(words: string[], joiner: string): string[][] {
  const parts: string[][] = [[]];
  for (const w of words) {
    if (w === joiner) parts.push([]);
    else parts[parts.length - 1]?.push(w);
  }
  return parts.filter((p) => p.length > 0);
}

/** The speaker without a trailing possessive or apposition: "Sirika's" -> "Sirika", "Hadi Sirika, the minister" -> "Hadi Sirika". */
function trimSpeaker(speaker: string): string {
  const head = speaker.split(/\s*[,;(]\s*/)[0] ?? speaker;
  return head.replace(POSSESSIVE, (mark) => (mark.length > 1 || /s['’]$/.test(head) ? '' : mark)).trim();
}

/** A body's name holds an institution noun ("Ministry", "Commission"). */
function isBodyName(words: readonly string[]): boolean {
  return words.some((w) => INSTITUTION_WORDS.has(w.toLowerCase()));
}

/** A word a person's name may hold: capitalized and no title, function word or place noun, or a particle. */
function isNameWord(word: string): boolean {
  if (PARTICLE.test(word) || NAME_PARTICLES.has(word)) return true;
  const lower = word.toLowerCase();
  // "KC", "ASP", "MP": letters in capitals are post-nominals, ranks or bodies, never a name.
  if (/^\p{Lu}{2,}$/u.test(word)) return false;
  return CAPITAL.test(word) && !NON_NAME_WORDS.has(lower) && !SPEECH_VERBS.has(lower) && !isTitleWord(word);
}

/** An honorific, rank, role or portfolio word written before a name. */
function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return HONORIFIC_WORDS.has(lower) || ROLE_MODIFIERS.has(lower) || isRoleNoun(lower);
}

/**
 * Takes off everything up to the last title word before the name: "Nigerian Aviation Minister
 * Hadi Sirika" -> "Hadi Sirika", "Datuk Seri Anwar Ibrahim" -> "Anwar Ibrahim". "Tan" and "Sri"
 * count only before two more words, since they begin names too ("Tan Wei Ming").
 */
function stripTitles(words: readonly string[]): string[] {
  let cut = -1;
  let titled = false;
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i] ?? '';
    const lower = word.toLowerCase();
    // "Tan Sri" and "Datuk Sri" are honorifics; "Tan Wei Ming" and "Sri Mulyani" are names.
    const weak =
      (lower === 'tan' && words[i + 1]?.toLowerCase() !== 'sri') ||
      (lower === 'sri' && cut !== i - 1 && words.length - i - 1 < 2);
    const title = (isTitleWord(word) && !weak) || /^\p{Lu}{2,}$/u.test(word);
    if (title || (!CAPITAL.test(word) && !PARTICLE.test(word) && !NAME_PARTICLES.has(word))) {
      cut = i;
      titled = title;
    }
  }
  // What comes off must end in a title ("Minister of Health"); "Development Bank of" is part of a name.
  if (cut < 0 || !titled) return [...words];
  return words.slice(cut + 1);
}

/** True when every word of `short` is in `long`, in order. */
function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let at = 0;
  for (const w of long) if (at < short.length && w.toLowerCase() === short[at]?.toLowerCase()) at++;
  return at === short.length;
}

/** The one fullest name of the article holding every word of the name, when it is fuller. */
function fullestPerson(name: readonly string[], people: readonly string[][]): string[] | null {
  if (name.length === 0) return null;
  const holders = people.filter((p) => p.length > name.length && isSubsequence(name, p));
  return onlyFullest(holders);
}

/** "the ministry", "Health Ministry" -> the one fullest body name holding all their words. */
function fullestBody(words: readonly string[], bodies: readonly string[][]): string | null {
  const own = words.map((w) => w.toLowerCase());
  const holders = bodies.filter((b) => {
    const lower = b.map((w) => w.toLowerCase());
    return b.length > words.length && own.every((w) => lower.includes(w));
  });
  return onlyFullest(holders)?.join(' ') ?? null;
}

/** "company", "ruling party": the one name of the article of that kind ("Tamberlane Holdings Ltd"), else null. */
function bodyOfKind(words: readonly string[], names: readonly string[][]): string | null {
  if (words.length > 3 || !words.every((w) => /^\p{Ll}/u.test(w))) return null;
  const kind = BODY_KINDS.get(words[words.length - 1] ?? '');
  if (!kind) return null;
  // A company's name holds no "of": "Shares of Tamberlane Holdings Ltd" is a sentence's opening run.
  const tail = (n: readonly string[]) => (kind === CORPORATE ? n.slice(lastJoiner(n) + 1) : [...n]);
  const fits = names.map(tail).filter((n) => n.length > 1 && n.some((w) => kind.test(w)));
  return onlyFullest(fits)?.join(' ') ?? null;
}

function lastJoiner(words: readonly string[]): number {
  let at = -1;
  words.forEach((w, i) => {
    if (w === 'of' || w === 'for') at = i;
  });
  return at;
}

/** A role only a person holds: "President", "Judge", not a qualifier that names companies ("General"). */
function isPersonTitle(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  return CAPITAL.test(word) && isRoleNoun(lower) && !ROLE_MODIFIERS.has(lower);
}

/** "IEBC" -> the one name of the article whose capitalized words' initials spell it. */
function acronymOf(words: readonly string[], names: readonly string[][]): string | null {
  const acronym = words.length === 1 ? (words[0] ?? '') : '';
  if (!/^\p{Lu}{2,6}$/u.test(acronym)) return null;
  const spelled = names.filter((n) => {
    const initials = n.filter((w) => CAPITAL.test(w)).map((w) => w[0]);
    return n.length > 1 && initials.join('') === acronym;
  });
  return onlyFullest(spelled)?.join(' ') ?? null;
}

/** The one holder every other holder is part of, else null. */
function onlyFullest(holders: readonly string[][]): string[] | null {
  const distinct = [...new Map(holders.map((h) => [h.join(' '), h])).values()];
  const maximal = distinct.filter(
    (h) => !distinct.some((o) => o !== h && o.length > h.length && h.every((w) => o.includes(w))),
  );
  return maximal.length === 1 ? (maximal[0] ?? null) : null;
}
