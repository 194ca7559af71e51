/** Lowercase letters and digits only, single-spaced: for comparing paragraphs and titles. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Number of words (runs of letters or digits) in a text. */
export function countWords(text: string): number {
  let count = 0;
  // "Let´s", "donʼt": an acute accent or a modifier letter typed for the apostrophe is inside the word.
  for (const _ of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’´ʼ-]*/gu)) count++;
  return count;
}

/** Removes trailing sentence punctuation and spaces (not "?" or "!", which carry meaning). */
export function trimTrailingPunctuation(text: string): string {
  return text.replace(/[\s.,;:]+$/u, '').replace(/^[\s,;:]+/u, '');
}

/** Collapses runs of whitespace into single spaces. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
