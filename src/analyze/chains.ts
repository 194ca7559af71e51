import type { DateMention } from './dates.ts';
import { EVENT_NOUNS } from './event-phrase.ts';

/** Number words as counts: "two days later", "a 48-hour strike", "for three days". */
export const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

// The event a chain counts from: "the hearing", "launch", "the ministers meet".
const ANCHOR = '(?:(?:the|its|his|her|their)\\s+)?[a-z-]+(?:\\s+[a-z-]+){0,2}';
const PART_OF_DAY = '(?:day|morning|evening|night)';
/** "the evening before", "the day after": a part of a day on one side of the anchor (group `side`). */
export const DAY_SIDE = `the\\s+${PART_OF_DAY}\\s+(?<side>before|after)`;
/** "the eve of": the day before the anchor (group `eve`). */
export const EVE = 'the\\s+(?<eve>eve)\\s+of';
/** "two days", "a week": a count of days or weeks (groups `count`, `unit`), before its direction. */
export const COUNT_UNIT = '(?<count>a|an|one|two|three|four|five|six|seven|\\d)\\s+(?<unit>days?|weeks?)';
const CHAIN_FORMS = [
  // "The list of candidates will be published the same day": the day of the event just told.
  `(?<same>(?:on\\s+)?(?:the\\s+|that\\s+)?same\\s+day(?!\\s+as\\b))`,
  `(?:on\\s+)?the\\s+(?:following|next)\\s+${PART_OF_DAY}`,
  `(?:on\\s+)?${DAY_SIDE}(?:\\s+(?<sideAnchor>${ANCHOR}))?`,
  `(?:on\\s+)?${EVE}\\s+(?<eveAnchor>${ANCHOR})`,
  `${COUNT_UNIT}\\s+(?<direction>later(?!\\s+than)|afterwards|after\\s+that|before\\s+that|earlier(?!\\s+than)|(?:after|before)(?:\\s+(?<countAnchor>${ANCHOR}))?)`,
];
const CHAIN = new RegExp(`\\b(?:${CHAIN_FORMS.join('|')})`, 'gi');
// "three days after the congress closes": counted from the last day of a range.
const ENDING = /^(?:closes|ends|finishes|concludes|wraps)$/;

/**
 * Finds the chained dates of a sentence: "the following day", "the evening before the
 * first round", "on the eve of the vote", "three days after the congress closes",
 * "two days after launch". Their dates are left to the caller, who knows the events.
 */
export function findChains(sentence: string): DateMention[] {
  const chains: DateMention[] = [];
  for (const match of sentence.matchAll(CHAIN)) {
    const groups = match.groups ?? {};
    const days = countChainDays(groups);
    const anchor = anchorWords(groups.sideAnchor ?? groups.eveAnchor ?? groups.countAnchor ?? '');
    // "a week after Andina cut its forecast" tells when something happened, not a date to count from.
    if (groups.countAnchor && !anchor.some((word) => EVENT_NOUNS.has(word))) continue;
    const fromEnd = anchor.some((word) => ENDING.test(word));
    chains.push({
      start: match.index,
      end: match.index + withoutTrailingStops(match[0]).length,
      date: null,
      endDate: null,
      time: null,
      chain: { days, anchor: anchor.filter((word) => !ENDING.test(word)), fromEnd },
    });
  }
  return chains;
}

/**
 * The days from the anchor to the chain's own day, from the groups of a form built with DAY_SIDE,
 * EVE and COUNT_UNIT (and `same`, `direction`): "the day before" is -1, "two weeks later" 14,
 * "three days ahead of" -3; a form with none of them ("the following day") is the next day.
 */
export function countChainDays(groups: Record<string, string | undefined>): number {
  if (groups.eve) return -1;
  if (groups.side) return groups.side.toLowerCase() === 'before' ? -1 : 1;
  if (groups.count && groups.unit && groups.direction) {
    const n = NUMBERS[groups.count.toLowerCase()] ?? Number(groups.count);
    const sign = /^(?:before|earlier|ahead|prior)/i.test(groups.direction) ? -1 : 1;
    return sign * n * (/week/i.test(groups.unit) ? 7 : 1);
  }
  return groups.same ? 0 : 1;
}

// Words that end the name of the anchor event: "the day after the premiere at the library".
const ANCHOR_STOPS = new Set(
  (
    'at in on to for from with by of and or but that this when where which as is are was were will would ' +
    'he she it they we i you'
  ).split(' '),
);

/** A chain's words up to its anchor's last: "the day before resuming classes on" ends at "classes". */
function withoutTrailingStops(text: string): string {
  let out = text;
  for (let last = /\s+(\S+)$/.exec(out); last && ANCHOR_STOPS.has((last[1] ?? '').toLowerCase()); ) {
    out = out.slice(0, last.index);
    last = /\s+(\S+)$/.exec(out);
  }
  return out;
}

/** "the ministers meet" -> ["ministers", "meet"]: the words naming the event a chain counts from. */
export function anchorWords(phrase: string): string[] {
  const words: string[] = [];
  for (const word of phrase.toLowerCase().split(/\s+/)) {
    if (/^(?:the|its|his|her|their)$/.test(word) && words.length === 0) continue;
    if (!word || ANCHOR_STOPS.has(word)) break;
    words.push(word);
  }
  return words;
}
