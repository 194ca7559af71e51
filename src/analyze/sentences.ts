/** One sentence and where it sits in its paragraph. */
export interface Sentence {
  text: string;
  /** Offset of the first character in the paragraph. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

// Words that end with a period without ending the sentence (compared lowercased).
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr prof sen rep reps gov gen col lt sgt capt cmdr adm maj cpl pvt st ste jr sr inc co corp ltd ' +
    'llc plc bros vs v jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'no nos mt ft ave blvd rd approx dept univ est fig vol pp op rev hon pres atty supt det insp messrs mme mlle ' +
    'gov’t cf al ca'
  ).split(' '),
);
// After "U.S." or "a.m." a sentence ends only if a typical sentence opener follows.
const OPENERS = new Set(
  (
    'the a an he she it they we i you this that these those there his her their its our but and so yet in on at ' +
    'for from with after before when while as if however meanwhile still also then now today yesterday tomorrow'
  ).split(' '),
);

const MAX_SENTENCE_CHARS = 1_500;
const BOUNDARY = /[.!?…]+["”’»)\]]*(?=\s)|[.!?…]+["”’»)\]]*$/g;

/**
 * Splits a paragraph into sentences. Periods after abbreviations (Mr., Jan., St.),
 * initials (J. K.), and inside numbers (3.5) do not end a sentence; closing quote marks
 * and brackets stay with the sentence they close. Runaway sentences are cut so later
 * steps stay bounded.
 */
export function splitSentences(paragraph: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = skipSpaces(paragraph, 0);
  for (const match of paragraph.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (end <= start || !endsSentence(paragraph, match.index, match[0], end)) continue;
    pushSentence(sentences, paragraph, start, end);
    start = skipSpaces(paragraph, end);
  }
  if (start < paragraph.length) pushSentence(sentences, paragraph, start, paragraph.length);
  return mergeFragments(sentences, paragraph);
}

/** A short piece made only of capitalized words ("Russian, Sergei Riabkov.") is a stray period's doing: rejoin it. */
function mergeFragments(sentences: Sentence[], paragraph: string): Sentence[] {
  const merged: Sentence[] = [];
  for (const sentence of sentences) {
    const previous = merged[merged.length - 1];
    const words = sentence.text.split(/\s+/);
    const fragment = words.length <= 4 && words.every((w) => /^[^\p{Ll}]*\p{Lu}/u.test(w));
    if (previous && fragment && !/[?!]["”’]?$/.test(sentence.text) && !/["“”]/.test(sentence.text)) {
      previous.end = sentence.end;
      previous.text = paragraph.slice(previous.start, sentence.end);
    } else merged.push({ ...sentence });
  }
  return merged;
}

function endsSentence(text: string, at: number, punct: string, end: number): boolean {
  const next = text.slice(end).trimStart();
  if (next === '') return true;
  const nextChar = next[0] ?? '';
  if (!/[\p{Lu}\p{N}"“‘'«([¿¡—–-]/u.test(nextChar)) return false;
  if (!punct.startsWith('.') || punct.startsWith('..')) return true;
  const word = /([\p{L}\p{N}.’']+)$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1] ?? '';
  if (word === '') return true;
  if (/^\p{Lu}$/u.test(word)) return false;
  const lower = word.toLowerCase();
  // "No. 10" is an abbreviation; "she would vote no. Whitaker's office" ends a sentence.
  if ((lower === 'no' || lower === 'nos') && !/^\p{N}/u.test(nextChar)) return true;
  if (ABBREVIATIONS.has(lower))
    return /^[\p{Lu}]/u.test(nextChar) && OPENERS.has(firstWord(next)) && !isTitle(lower);
  if (word.includes('.')) return OPENERS.has(firstWord(next));
  return true;
}

/** Titles before a name never end a sentence, even before "The". */
function isTitle(word: string): boolean {
  return /^(?:mr|mrs|ms|mx|dr|prof|sen|rep|gov|gen|col|lt|sgt|capt|st|messrs|mme|mlle|hon|rev|pres)$/.test(
    word,
  );
}

function firstWord(text: string): string {
  return (/^["“‘'«(]*([\p{L}]+)/u.exec(text)?.[1] ?? '').toLowerCase();
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

function pushSentence(out: Sentence[], text: string, start: number, end: number): void {
  let from = start;
  while (end - from > MAX_SENTENCE_CHARS) {
    const cut = text.lastIndexOf(' ', from + MAX_SENTENCE_CHARS);
    const stop = cut > from ? cut : from + MAX_SENTENCE_CHARS;
    out.push({ text: text.slice(from, stop), start: from, end: stop });
    from = skipSpaces(text, stop);
  }
  const slice = text.slice(from, end).trimEnd();
  if (slice) out.push({ text: slice, start: from, end: from + slice.length });
}
