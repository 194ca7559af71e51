import { findRoleBefore, isRoleNoun } from './roles.ts';
import {
  HONORIFIC_WORDS,
  INSTITUTION_WORDS,
  NAME_PARTICLES,
  NON_NAME_WORDS,
  ROLE_MODIFIERS,
} from './vocabulary.ts';

/** A run of capitalized words in a text ("Antony Blinken", "NATO-Russia Council"). */
export interface NameRun {
  /** The words, possessive "’s" removed. */
  words: string[];
  /** Offset of each word. */
  starts: number[];
  start: number;
  end: number;
  /** True when the last word carried a possessive ("Andina's"). */
  possessive: boolean;
  /** The word written before the run's first word, as written ("" at the text's start), and where it ends. */
  wordBefore: string;
  wordBeforeEnd: number;
}

/**
 * How a reader's runs differ from the names' own. Each rule left out is the one findPersonNames needs:
 * only white space inside a run, "of", "for" and the particles between capitals, eight words at most.
 */
export interface RunRules {
  /** A word that counts as capitalized though it is not ("al-Khatib"). */
  capitalLike?: (word: string) => boolean;
  /** A lowercase word the run holds between capitalized ones. */
  joins?: (word: string, run: NameRun) => boolean;
  /** Whether what stands between the run's last word and the next (its stripped full stops first) keeps them in one run. */
  bridges?: (gap: string, last: string) => boolean;
  /** The words a run holds before a capitalized word starts another. */
  maxWords?: number;
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*/gu;
// Words that join a body's name to what it is of: "Bank of Ghana", "Bangko Sentral ng Pilipinas" (Filipino "of").
const OF_WORDS = new Set(['of', 'for', 'ng']);
const MAX_RUN_WORDS = 8;
const PERSON_RUN_WORDS = 12;
const CAPITAL = /^\p{Lu}/u;

/** A name particle, "of" or "for", or an institution's "and". */
function joinsName(word: string, run: NameRun): boolean {
  return NAME_PARTICLES.has(word) || OF_WORDS.has(word) || joinsInstitution(word, run);
}

/** White space; after an abbreviated honorific, its full stop too ("Dr. Amadou"). */
function bridgesName(gap: string, last: string): boolean {
  return /^\s+$/.test(gap) || (/^\.\s+$/.test(gap) && isHonorific(last));
}

/**
 * Finds the runs of capitalized words, allowing name particles (de, van, von) and
 * "of"/"for" inside ("Secretary of State Antony Blinken" is one run). A run ends at
 * punctuation or a possessive. `rules` change what a run holds for a reader of other names.
 */
export function findCapitalizedRuns(text: string, rules: RunRules = {}): NameRun[] {
  const { capitalLike, joins = joinsName, bridges = bridgesName, maxWords = MAX_RUN_WORDS } = rules;
  const isCapital = (word: string) => CAPITAL.test(word) || (capitalLike?.(word) ?? false);
  const runs: NameRun[] = [];
  let current: NameRun | null = null;
  let lastEnd = 0;
  let wordBefore = '';
  let wordBeforeEnd = 0;
  for (const match of text.matchAll(WORD)) {
    let word = match[0].replace(/\.+$/, (dots) => (/^\p{Lu}$/u.test(match[0].slice(0, -1)) ? dots : ''));
    const possessive = /['’]s$/.test(word);
    if (possessive) word = word.slice(0, -2);
    const start = match.index;
    const end = start + word.length + (possessive ? 2 : 0);
    const gapOk =
      current !== null &&
      !current.possessive &&
      bridges(text.slice(lastEnd, start), current.words[current.words.length - 1] ?? '');
    const capital = isCapital(word);
    const joiner = !capital && current !== null && joins(word, current);
    if (capital && gapOk && current && current.words.length < maxWords) {
      current.words.push(word);
      current.starts.push(start);
      current.end = end;
      current.possessive = possessive;
    } else if (joiner && gapOk && current) {
      current.words.push(word);
      current.starts.push(start);
    } else {
      if (current) runs.push(trimRun(current, isCapital));
      current = capital
        ? { words: [word], starts: [start], start, end, possessive, wordBefore, wordBeforeEnd }
        : null;
    }
    lastEnd = end;
    wordBefore = match[0];
    wordBeforeEnd = start + match[0].length;
  }
  if (current) runs.push(trimRun(current, isCapital));
  return runs;
}

/** "and" continues a run that names an institution "of" or "for" something ("Department of Health and Human Services"). */
function joinsInstitution(word: string, run: NameRun | null): boolean {
  if (word !== 'and' || !run || run.possessive) return false;
  // "Sheet Metal Workers' and Roofers' Conference": "and" after a plural possessive joins a body's name.
  if (/\p{Ll}s['’]$/u.test(run.words[run.words.length - 1] ?? '')) return true;
  const head = (run.words[0] ?? '').toLowerCase();
  return INSTITUTION_WORDS.has(head) && run.words.some((w) => w === 'of' || w === 'for');
}

function trimRun(run: NameRun, isCapital: (word: string) => boolean): NameRun {
  while (run.words.length > 1 && !isCapital(run.words[run.words.length - 1] ?? '')) {
    run.words.pop();
    run.starts.pop();
  }
  return run;
}

/** A person's full name found in a text. */
export interface NameMention {
  name: string;
  start: number;
  end: number;
}

/**
 * Finds full personal names: the longest tail of a capitalized run made of two to
 * five name-like words ("US President Joe Biden" -> "Joe Biden").
 */
export function findPersonNames(text: string): NameMention[] {
  const names: NameMention[] = [];
  // "President of Algerian Independent Election Monitoring Authority Mohamed Chorfi": a long title
  // in capitals before the name is read whole, so the name is not cut from it.
  const runs = findCapitalizedRuns(text, { maxWords: PERSON_RUN_WORDS });
  runs.forEach((run, index) => {
    // "Norwegian Trade and Industry Minister Kari Holm": the run before "and" belongs to the title.
    const next = runs[index + 1];
    // But "chief executive Dean Kimpton and Transport Minister Chris Bishop" names two titled people.
    if (
      next &&
      /^\s+(?:and|&)\s+$/.test(text.slice(run.end, next.start)) &&
      titledName(next) &&
      !titledName(run) &&
      !(nameTail(run.words).length >= 2 && findRoleBefore(text, run.start))
    )
      return;
    // An institution joined by "and" names nobody ("Centre for Volcanology and Geological Hazard
    // Mitigation") unless a title marks a person ("Department of Justice and Attorney General Ana Ruiz").
    // "Organisation of Islamic Cooperation", "University of Ghana": after a body's head noun, the same.
    const head = (run.words[/^(?:The|A|An)$/.test(run.words[0] ?? '') ? 1 : 0] ?? '').toLowerCase();
    const institution = run.words.includes('and') || INSTITUTION_WORDS.has(head);
    // "Bangko Sentral ng Pilipinas Governor Felipe Medalla": before "of" and a titled name, a body is named.
    const titled = titledName(run);
    // "Anika Sorensen of Denmark", "Secretary of State Antony Blinken": a name never spans "of".
    // Whether a day number follows the run: the same for every segment of it.
    const dayFollows = /^\.?\s*\d/.test(text.slice(run.end));
    let from = 0;
    for (let i = 0; i <= run.words.length; i++) {
      if (i < run.words.length && !OF_WORDS.has(run.words[i] ?? '') && run.words[i] !== 'and') continue;
      // "Alan Reece KC", "Sara Lund MP": letters after a name are no part of it.
      let stop = i;
      while (stop - from > 2 && POST_NOMINALS.has(run.words[stop - 1] ?? '')) stop--;
      const segment = run.words.slice(from, stop);
      // "Prime Minister Theresa May said", but "before Jan. 21": a month with no day after it may end a name.
      const dated = stop < run.words.length || dayFollows;
      const whole = withoutHonorifics(nameTail(segment, !dated), segment);
      // "The President of Uganda Yoweri Museveni": after a title's "of", the first word is what it is of.
      const tail =
        from > 0 && whole.length >= 3 && whole.length === segment.length && titleOwns(text, run, from - 1)
          ? whole.slice(1)
          : whole;
      const first = from + (stop - from) - tail.length;
      const start = run.starts[first];
      if (
        (tail.length >= 2 || (tail.length === 1 && isHonorific(segment[segment.length - 2]))) &&
        start !== undefined &&
        !(titled && i < run.words.length) &&
        (!institution || isTitle(segment[segment.length - tail.length - 1]))
      ) {
        const last = run.starts[stop - 1] ?? start;
        const end = stop === run.words.length ? run.end : last + (run.words[stop - 1] ?? '').length;
        names.push({ name: tail.join(' '), start, end });
      }
      from = i + 1;
    }
  });
  return names;
}

/** The "of" at `at` of a run ends a title: a role noun before it in the run, or "Chairman of the" right before the run. */
function titleOwns(text: string, run: NameRun, at: number): boolean {
  if (run.words.slice(0, at).some((w) => isRoleNoun(w))) return true;
  const before = /(\p{L}+)\s+(?:of|for)\s+the\s+$/iu.exec(text.slice(Math.max(0, run.start - 60), run.start));
  return !!before && isRoleNoun(before[1] ?? '');
}

const POST_NOMINALS = new Set(
  'KC QC SC SAN MP MEP MSP MLA MPP MBE OBE CBE KBE DBE PhD Jr Sr Jnr Snr'.split(' '),
);

/** A run that names someone after a title ("Industry Minister Kari Holm"). */
function titledName(run: NameRun): boolean {
  const tail = nameTail(run.words);
  return tail.length >= 2 && run.words.slice(0, run.words.length - tail.length).some((w) => isRoleNoun(w));
}

function isTitle(word: string | undefined): boolean {
  return word !== undefined && (isRoleNoun(word) || ROLE_MODIFIERS.has(word.toLowerCase()));
}

/**
 * A name without the honorifics before it ("Datuk Seri Mohamad Hasan" is "Mohamad Hasan"), and an
 * honorific's one-word name ("Dr Amadou") where the tail alone would be too short.
 */
function withoutHonorifics(tail: string[], segment: string[]): string[] {
  let words = tail.length > 0 ? [...tail] : [];
  // "Tan Sri Joseph Kurup" but "Tan Wei Liang": "Tan" is an honorific only before "Sri".
  while (
    words.length > 2 &&
    isHonorific(words[0]) &&
    !(/^tan$/i.test(words[0] ?? '') && words[1] !== 'Sri')
  ) {
    words.shift();
  }
  // "Wisconsin Gov. Tommy Thompson": an honorific inside the run ends the title before the name.
  const inner = words.findLastIndex((w, at) => at > 0 && at < words.length - 2 && isHonorific(w));
  if (inner > 0 && !/^(?:sri|tan)$/i.test(words[inner] ?? '')) words = words.slice(inner + 1);
  if (words.length > 0) return words;
  // "Dr Amadou", "Mr. Arora": one capitalized word right after an honorific is a name.
  const last = segment[segment.length - 1] ?? '';
  const before = segment[segment.length - 2];
  return segment.length >= 2 && isHonorific(before) && isNameWord(last, false) ? [last] : [];
}

/** True for an honorific word ("Mr", "Dr.", "Ms"), its full stop ignored. */
export function isHonorific(word: string | undefined): boolean {
  return word !== undefined && HONORIFIC_WORDS.has(word.toLowerCase().replace(/\.$/, ''));
}

/** The trailing words of a run that can form a person's name. */
export function nameTail(words: string[], monthLast = false): string[] {
  let i = words.length;
  // "Theresa May", "Wan Saiful Wan Jan": a month after a name word, with no day after it, is a surname.
  if (monthLast && MONTH_SURNAMES.has(words[i - 1] ?? '') && isNameWord(words[i - 2] ?? '', false)) i--;
  // "Foreign Minister Lena Park": after a title, a surname that is also a common word ("Park",
  // "Hall", "Young") is a surname.
  const titledSurname =
    words.length >= 3 &&
    COMMON_SURNAMES.has((words[words.length - 1] ?? '').toLowerCase()) &&
    isNameWord(words[words.length - 2] ?? '', false) &&
    isRoleNoun(words[words.length - 3] ?? '');
  if (titledSurname) i--;
  while (
    i > 0 &&
    (isNameWord(words[i - 1] ?? '', i - 1 < words.length - 1) ||
      (i < words.length && MONTH_GIVEN_NAMES.has(words[i - 1] ?? '')))
  )
    i--;
  let tail = words.slice(i);
  // "Chief Financial Officer Lars Ødegaard": a role noun with two name words after it ends the title.
  const title = tail.findLastIndex((w, at) => at < tail.length - 2 && isRoleNoun(w));
  if (title >= 0) tail = tail.slice(title + 1);
  // "Superintendent Mark Evans": a leading role word is a title, not a first name.
  while (tail.length > 2 && (isRoleNoun(tail[0] ?? '') || ROLE_MODIFIERS.has((tail[0] ?? '').toLowerCase())))
    tail.shift();
  while (tail.length > 0 && !/^\p{Lu}/u.test(tail[0] ?? '')) tail.shift();
  if (tail.length === 1) tail = withFamilyNameFirst(words, tail);
  // "Chief Executive Officer", "Managing Director": a run of title words only names nobody.
  if (tail.every((w) => isRoleNoun(w) || ROLE_MODIFIERS.has(w.toLowerCase()))) return [];
  if (tail.length > 5 || tail.filter((w) => /^\p{Lu}/u.test(w)).length < 2) return [];
  return tail;
}

// A romanized given name with a lowercase hyphenated part ("Ji-hoon", "Geun-hye") after the family name.
const HYPHENATED_GIVEN_NAME = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u;

/** "Park Ji-hoon": a short capitalized word before a hyphenated given name is a family name, even when it is a common noun. */
function withFamilyNameFirst(words: string[], tail: string[]): string[] {
  const given = tail[0] ?? '';
  const family = words[words.length - 2] ?? '';
  if (words[words.length - 1] !== given || !HYPHENATED_GIVEN_NAME.test(given)) return tail;
  return /^\p{Lu}\p{Ll}{1,4}$/u.test(family) && !NAME_STOPS.has(family.toLowerCase())
    ? [family, given]
    : tail;
}
// Months that are also given names: before a surname ("Jan Novák", "June Carter") they are names.
const MONTH_GIVEN_NAMES = new Set(['Jan', 'April', 'June']);
// Months that are also surnames ("Theresa May", "Wan Jan").
const MONTH_SURNAMES = new Set(['Jan', 'May', 'June', 'April']);
// Common words that are also frequent surnames, accepted after a title only.
const COMMON_SURNAMES = new Set(
  'park hall young king church field house bell street bridge rivers lake north west'.split(' '),
);

const NAME_STOPS = new Set(
  'the a an and or but this that these those his her their its our my your at in on of for to by with jan feb mar apr may jun jul aug sep oct nov dec'.split(
    ' ',
  ),
);

function isNameWord(word: string, inside: boolean): boolean {
  if (inside && NAME_PARTICLES.has(word)) return true;
  if (!/^\p{Lu}/u.test(word)) return false;
  // "U.S" is no name word, but "G.Mariam", "A.Parubiy" are: an initial printed against the surname.
  const glued = /^\p{Lu}\.\p{Lu}\p{Ll}{2,}$/u.test(word);
  if (/^\p{Lu}{2,}$/u.test(word) || /\d/.test(word) || (/\.\p{L}/u.test(word) && !glued)) return false;
  // "SpaceX", "NewsRail": a capital inside a word is a brand's, unless a name prefix explains it ("McDonald", "DeSantis").
  if (/\p{Ll}\p{Lu}/u.test(word) && !/^(?:Mc|Mac|O['’]|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)\p{Lu}/u.test(word))
    return false;
  // "North-West", "Franco-German"; the lowercase half of a given name ("Min-jun") is no month.
  const parts = word.split('-').filter((part) => /^\p{Lu}/u.test(part));
  if (word.includes('-') && parts.some((part) => NON_NAME_WORDS.has(part.toLowerCase()))) return false;
  return !NON_NAME_WORDS.has(word.toLowerCase());
}

/** The last word of a full name, used to resolve later mentions by surname. */
export function surnameOf(name: string): string {
  const words = name.split(' ');
  return words[words.length - 1] ?? name;
}

/**
 * Institutions named in full, with a possessive owner written before them:
 * "Indonesia's Centre for Volcanology", "the Harbour Workers Union". A name counts when
 * its first or last word is an institution noun.
 */
export function findInstitutionNames(text: string): string[] {
  const names: string[] = [];
  const runs = findCapitalizedRuns(text);
  runs.forEach((run, i) => {
    const owner = runs[i - 1];
    // "The Harbour Workers Union" at a sentence start: the article is no part of the name.
    const skip = /^(?:The|A|An)$/.test(run.words[0] ?? '') ? 1 : 0;
    const words = run.words.slice(skip);
    if (words.length < 2 || run.possessive) return;
    const ends = [words[0] ?? '', words[words.length - 1] ?? ''];
    if (!ends.some((w) => INSTITUTION_WORDS.has(w.toLowerCase()))) return;
    const owned = skip === 0 && owner?.possessive && owner.end + 1 === run.start;
    names.push(text.slice(owned ? owner.start : (run.starts[skip] ?? run.start), run.end));
  });
  return names;
}
