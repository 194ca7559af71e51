import { addDays, fromIso, toIso } from './calendar.ts';
import { anchorWords, COUNT_UNIT, countChainDays, DAY_SIDE, EVE } from './chains.ts';
import type { DateMention } from './dates.ts';
import { EVENT_NOUNS } from './event-phrase.ts';

// "on 1 October - the day before the London Marathon", "on Feb. 4, two days after the presidential
// elections", "on January 30, the eve of the vote": a chain set beside a written date tells the day of
// the event it names, counted back from that date.
const APPOSITION = new RegExp(
  [
    '^\\s*(?:,|[–—-])\\s*(?:just\\s+|only\\s+)?',
    `(?:${EVE}|${DAY_SIDE}`,
    `|${COUNT_UNIT}\\s+(?<direction>before|after|ahead\\s+of|prior\\s+to))`,
    '\\s+(?=(?<anchor>[^,;.:!?()]{3,80}))',
  ].join(''),
  'i',
);

/**
 * Adds the day of the event a chain beside a written date names ("the strike on 1 October, the day
 * before the London Marathon" dates the marathon October 2), replacing the chain read from the
 * event just told. Only a chain whose anchor's own words (up to "of", "in", ...) name an event (EVENT_NOUNS) counts.
 */
export function resolveAppositions(sentence: string, mentions: DateMention[]): DateMention[] {
  let out = mentions;
  for (const written of mentions) {
    if (!written.date || written.endDate || written.chain) continue;
    const match = APPOSITION.exec(sentence.slice(written.end));
    const groups = match?.groups;
    if (!match || !groups) continue;
    // The event is the anchor's own noun: "six weeks after the death of the sitting member" names a death.
    // Words set off by dashes are an aside: "the presidential – and legislative – elections".
    const anchor = (groups.anchor ?? '').replace(/\s[–—]\s[^–—]{1,40}\s[–—]\s/g, ' ');
    if (!anchorWords(anchor).some((word) => EVENT_NOUNS.has(word))) continue;
    // The chain counts from the named event to the written date; the event is as many days the other way.
    const days = -countChainDays(groups);
    // The mention takes the comma or dash that sets it beside the date: the date's clause ends before it.
    const start = written.end;
    const end = written.end + match[0].length;
    const date = toIso(addDays(fromIso(written.date), days));
    const mention: DateMention = { start, end, date, endDate: null, time: null, chain: null };
    out = [
      ...out.filter((m) => m === written || m.end <= start || m.start >= end + (groups.anchor ?? '').length),
      mention,
    ];
  }
  return out === mentions ? mentions : out.sort((a, b) => a.start - b.start);
}
