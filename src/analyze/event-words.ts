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

/** The title in the article's own word for its head ("Postal workers walkout" -> "Postal workers strike"). */
export function useEventWord(title: string, choice: ReadonlyMap<string, string>): string {
  return title.replace(/[A-Za-z]+/g, (word) => {
    const chosen = choice.get(word.toLowerCase());
    if (!chosen) return word;
    return /^[A-Z]/.test(word) ? chosen.charAt(0).toUpperCase() + chosen.slice(1) : chosen;
  });
}
