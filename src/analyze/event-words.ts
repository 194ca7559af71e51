import { EVENT_NOUNS } from './event-title.ts';

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
  const noun = title.toLowerCase();
  if (!EVENT_NOUNS.has(noun)) return title;
  const counts = new Map<string, { n: number; lede: boolean; written: string }>();
  // "‘hot strike summer’", "strike dates": a noun that modifies the next one is not the event named.
  const pattern = new RegExp(
    `\\b([A-Za-z][A-Za-z-]{2,})\\s+${noun}s?\\b(?!\\s+(?!${FUNCTION_WORDS})[a-z]{3,})`,
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
