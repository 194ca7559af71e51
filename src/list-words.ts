/**
 * Words as a person lists them: `a`, `a or b`, `a, b or c` (`and` with `conjunction`). For
 * messages made from the set a check uses, so the message cannot forget a value.
 */
export function listWords(words: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}
