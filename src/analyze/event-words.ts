import { findSubjectName, isNameWord, namesWhich } from './event-naming.ts';
import { capitalize, EVENT_NOUNS } from './event-phrase.ts';

// Nouns that name the same kind of occasion. A story may say "walkout" once and "strike" ten times:
// its title should use the story's own word for the thing, the one it uses most.
const SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['strike', 'walkout', 'stoppage'],
  ['polling', 'voting'],
  ['talks', 'negotiations'],
];

/** For each synonym the article uses less, the one of its kind it uses most ("walkout" -> "strike"). */
export function chooseEventWords(paragraphs: readonly string[]): Map<string, string> {
  const text = paragraphs.join(' ').toLowerCase();
  const count = (word: string) => text.match(new RegExp(`\\b${word}(?:s|es)?\\b`, 'g'))?.length ?? 0;
  const choice = new Map<string, string>();
  for (const kind of SYNONYMS) {
    const counts = kind.map((word) => ({ word, n: count(word) }));
    const top = [...counts].sort((a, b) => b.n - a.n)[0];
    if (!top || top.n === 0) continue;
    for (const { word, n } of counts) if (word !== top.word && n < top.n) choice.set(word, top.word);
  }
  return choice;
}

// Words before an event noun that say which one, not what it is ("the next meeting", "its first session").
const NOT_A_KIND = new Set(
  (
    'the a an this that these those its their his her our your my next last first second third fourth final ' +
    'previous upcoming coming new same other every each any some such scheduled planned expected proposed ' +
    'one two three four five day days week weekly annual and or of to in on at for by with from ' +
    'where when which who whom whose than as after before during while until since if because though ' +
    'although whether also only just even still possible potential likely probable hold holds host hosts ' +
    'attend attends call calls stage stages pass passes cancel join schedule plan mark open close start ' +
    'end begin give gives take takes make makes set sets monday tuesday wednesday thursday friday ' +
    'saturday sunday january february march april may june july august september october november december ' +
    'will would shall can could may might must be been being is are was were has have had do does did not ' +
    'also who'
  ).split(' '),
);

/**
 * The story's fuller name for a bare event noun ("Meeting" -> "Board meeting" in a story whose lede
 * names the "board meeting dates"): the word it puts before that noun twice or more, or once in its
 * first two paragraphs; the most frequent, first written on a tie.
 */
export function nameBareEvent(title: string, paragraphs: readonly string[]): string {
  // "the 4 day fest" in a story of "the last Firefly Festival": the short form names the festival.
  const noun = title.toLowerCase() === 'fest' ? 'festival' : title.toLowerCase();
  if (!EVENT_NOUNS.has(noun)) return title;
  const modified = namedModifier(noun, paragraphs);
  if (modified) return modified;
  const named = storySubject(noun, paragraphs);
  if (named) return `${named} ${noun}`;
  const counts = new Map<string, { n: number; lede: boolean; written: string }>();
  // "‘hot strike summer’", "strike dates": a noun that modifies the next one is not the event named.
  const pattern = new RegExp(
    `\\b([A-Za-z][A-Za-z-]{2,})\\s+${noun}s?\\b(?!\\s+(?!${FUNCTION_WORDS}|${MORE_FUNCTION_WORDS})[a-z]{3,})`,
    'gi',
  );
  paragraphs.forEach((paragraph, index) => {
    for (const m of paragraph.matchAll(pattern)) {
      const written = m[1] ?? '';
      const word = written.toLowerCase();
      if (NOT_A_KIND.has(word) || /(?:ed|ing|ly)$/.test(word)) continue;
      const seen = counts.get(word) ?? { n: 0, lede: false, written };
      counts.set(word, { ...seen, n: seen.n + 1, lede: seen.lede || index < LEDE_PARAGRAPHS });
    }
  });
  const best = [...counts.values()].filter((c) => c.n >= 2 || c.lede).sort((a, b) => b.n - a.n)[0];
  if (!best) return title;
  const modifier = /^[a-z]/.test(best.written)
    ? best.written.charAt(0).toUpperCase() + best.written.slice(1)
    : best.written;
  return `${modifier} ${noun}`;
}

const LEDE_PARAGRAPHS = 2;
const MAX_MODIFIER_WORDS = 4;
// More words that may follow the event noun itself ("the ... meeting since the dispute began").
const MORE_FUNCTION_WORDS =
  '(?:since|after|before|between|over|about|under|into|during|until|this|next|last|as|but|when|where|while|could|may|might|should|must|can|said|says|later|earlier|there|because|than|took|began|ended)\\b';

/**
 * The story's named modifier of a noun: "the first CPLP foreign ministers' meeting" gives "CPLP
 * foreign ministers'", the words between the last function word and the noun when a name is among
 * them; the most frequent, twice or more, once in the lede, or once when the story repeats the name
 * alone ("Wairoa Blues began ..."), the longest on a tie. Returned with the noun ("CPLP foreign
 * ministers' meeting", "Lancaster Festival").
 */
function namedModifier(noun: string, paragraphs: readonly string[]): string | null {
  const pattern = new RegExp(
    `((?:[\\p{L}\\p{N}][\\p{L}\\p{N}+&'’-]*\\s+){1,${MAX_MODIFIER_WORDS}})(${noun})s?\\b(?=(?:\\s+(\\p{L}+))?)`,
    'giu',
  );
  const counts = new Map<string, { n: number; lede: boolean; written: string; capital: boolean }>();
  paragraphs.forEach((paragraph, index) => {
    for (const m of paragraph.matchAll(pattern)) {
      // "strike dates": a noun that modifies the next one is not the event named; "the Lancaster
      // Festival announces", a named event in capitals before its verb, is.
      const next = m[3] ?? '';
      const named = /^\p{Lu}/u.test(m[2] ?? '') && /^\p{Ll}/u.test(next);
      if (next.length >= 3 && !isFunctionWord(next) && !named) continue;
      const words = (m[1] ?? '').trim().split(/\s+/);
      let from = words.length;
      while (from > 0 && isKindWord(words[from - 1] ?? '')) from--;
      const kept = words.slice(from);
      // A capital opening the sentence is no name: "Ministers' meeting" at a paragraph's start.
      const opensSentence = from === 0 && (m.index ?? 0) === 0;
      if (!kept.some((w, i) => isNameWord(w) && !(i === 0 && opensSentence && /^\p{Lu}\p{Ll}+$/u.test(w))))
        continue;
      const written = kept.join(' ');
      const key = written.toLowerCase();
      // "the Lancaster Festival": a noun in capitals is part of the name.
      const seen = counts.get(key) ?? { n: 0, lede: false, written, capital: /^\p{Lu}/u.test(m[2] ?? '') };
      counts.set(key, { ...seen, n: seen.n + 1, lede: seen.lede || index < LEDE_PARAGRAPHS });
    }
  });
  // "Wairoa Blues began in a pub car park": a name the story repeats alone is its event's name.
  const text = paragraphs.join('\n');
  const repeated = (written: string) => text.split(written).length - 1 >= NAME_REPEATS;
  const best = [...counts.values()]
    .filter((c) => c.n >= 2 || c.lede || (c.written.includes(' ') && repeated(c.written)))
    .sort((a, b) => b.n - a.n || b.written.length - a.written.length)[0];
  if (!best) return null;
  return `${best.written} ${best.capital ? capitalize(noun) : noun}`;
}

// A name written this many times, with the noun or alone, is the story's own.
const NAME_REPEATS = 2;

// The verbs whose subject holds the event a bare noun names: "X will meet" holds "the meeting".
const VERBS_OF: Record<string, string> = {
  meeting: 'meet|convene|gather',
  vote: 'vote',
  voting: 'vote',
  strike: 'strike|walk out',
  hearing: 'hear',
  sitting: 'sit|reconvene',
};
const DATELINE_START = /^[\p{Lu}][\p{Lu} .,'’-]+(?:\([^)]*\))?\s*[-–—:]\s*/u;
const SUBJECT_END = /^(?:of|for|in|at|on|with|from|by|and|or|who|which|that)$/i;

/**
 * "Foreign Ministers of China, Japan and the ROK will meet ..." names the story's bare "Meeting":
 * the named subject of the first sentence whose verb holds that kind of event.
 */
function storySubject(noun: string, paragraphs: readonly string[]): string | null {
  const verbs = VERBS_OF[noun];
  if (!verbs) return null;
  const pattern = new RegExp(
    `(?:^|[.!?]\\s+)([^.!?]{1,160}?)\\s+(?:will|would|shall|are to|is to|are set to|are due to|to)\\s+(?:also\\s+)?(?:${verbs})\\b`,
    'u',
  );
  for (const paragraph of paragraphs) {
    const sentence = pattern.exec(paragraph.replace(DATELINE_START, ''))?.[1];
    if (!sentence) continue;
    const words: string[] = [];
    for (const word of sentence.trim().split(/\s+/)) {
      if (SUBJECT_END.test(word) || /[,;:()]/.test(word) || words.length > 4) break;
      if (words.length === 0 && /^(?:the|a|an)$/i.test(word)) continue;
      words.push(word);
    }
    // Only a name, or a title in capitals ("Foreign Ministers"), says which; "the two sides" does not,
    // and "Talks will meet" says the kind twice.
    const kind = words.some(
      (w) => EVENT_NOUNS.has(w.toLowerCase().replace(/s$/, '')) || EVENT_NOUNS.has(w.toLowerCase()),
    );
    if (words.length > 0 && words.length <= 4 && !kind && words.every((w) => /^\p{Lu}/u.test(w)))
      return words.join(' ');
    // "Oil producer group OPEC+ will meet": the name in apposition.
    const subject = findSubjectName(sentence);
    if (subject?.kind === 'name') return subject.text;
  }
  return null;
}

/** A word that may stand in a modifier: not a function word, a date or a verb form. */
function isKindWord(word: string): boolean {
  const bare = word.toLowerCase().replace(/['’]s?$/u, '');
  // "this year's Wairoa Blues festival": the time is the date's, not the event's name.
  if (/['’]s?$/u.test(word) && TIME_WORD.test(bare)) return false;
  // "weekly", "planned": an adverb or a participle is no kind; "the Firefly Festival" is a name.
  return bare.length > 0 && !NOT_A_KIND.has(bare) && (/^\p{Lu}/u.test(word) || !/(?:ly|ed|ing)$/.test(bare));
}

/** A word that may follow an event noun without making it a modifier: "meeting on", "strike since". */
function isFunctionWord(word: string): boolean {
  following ??= new RegExp(`^(?:${FUNCTION_WORDS}|${MORE_FUNCTION_WORDS})$`, 'i');
  return following.test(word);
}

// Built once, on first use (the word lists are declared further down).
let following: RegExp | null = null;

const TIME_WORD = /^(?:year|month|week|weekend|today|tomorrow|tonight|season|summer|winter|spring|autumn)$/;
const FUNCTION_WORDS =
  '(?:on|in|at|of|for|will|would|is|are|was|were|to|and|or|the|by|from|with|that|which|has|had|have|held|set|scheduled|due|begins|starts|ends|opens|dates?|days?|schedule)\\b';

/** The title in the article's own word for its head ("Postal workers walkout" -> "Postal workers strike"). */
export function useEventWord(title: string, choice: ReadonlyMap<string, string>): string {
  return title.replace(/[A-Za-z]+/g, (word) => {
    const chosen = choice.get(word.toLowerCase());
    if (!chosen) return word;
    return /^[A-Z]/.test(word) ? chosen.charAt(0).toUpperCase() + chosen.slice(1) : chosen;
  });
}

// Kinds of event that are a product reaching buyers: what reaches them is the story's product.
const PRODUCT_KIND =
  /^(?:delivery|deliveries|release|sale|availability|shipping|shipments?|pre-orders?|presale|pre-sale)$/i;
// A product's name: names with a number or an inner capital ("iPhone 5", "Neon Ultra 2", "Falcon 9").
const PRODUCT =
  /(?<![\p{L}\p{N}])((?:\p{L}*\p{Lu}[\p{L}\p{N}+-]*\s+){0,3}(?:\d{1,4}[A-Za-z+]?|\p{Ll}+\p{Lu}[\p{L}\p{N}+-]*)(?:\s+(?:Plus|Pro|Max|Ultra|Mini|Lite))?)(?![\p{L}\p{N}])/gu;

/**
 * "Pre-orders delivery" in a story about the Neon Ultra 2 is "Neon Ultra 2 delivery": a product kind
 * that names no one takes the name with a number or an inner capital the story writes most (twice or
 * more, or its only one).
 */
export function nameProductEvent(title: string, paragraphs: readonly string[]): string {
  const kind = title.split(/\s+/).at(-1) ?? '';
  if (!PRODUCT_KIND.test(kind) || namesWhich(title)) return title;
  const counts = new Map<string, number>();
  for (const paragraph of paragraphs) {
    for (const m of paragraph.matchAll(PRODUCT)) {
      const name = (m[1] ?? '').trim();
      const words = name.split(/\s+/);
      // A year or a count alone ("2025", "130") is no product; a name must lead ("Falcon 9", "iPhone").
      if (
        !words.some((w) => /\p{L}/u.test(w)) ||
        !isNameWord(words[0] ?? '') ||
        /^\d{4}$/.test(words.at(-1) ?? '')
      )
        continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length);
  const best = ranked[0];
  // Written twice, or the story's only such name.
  return best && (best[1] >= 2 || ranked.length === 1) ? `${best[0]} ${kind.toLowerCase()}` : title;
}
