// A numbered part of a larger event is named with the whole: "Stage two" of the story's "Stage one of
// the planned rail strike" is "Rail strike stage two"; "Stage one of the planned dock strike will
// begin on Monday" is "Dock strike stage one". The part alone says which part, not of what.
import { capitalize, isEventNoun } from './event-phrase.ts';

const PART = '(stage|phase|leg|part)';
const NUMBER = '(one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})';
// "Stage one of the planned dock strike": the part, then its whole (an "-ed" word before it is no name).
const PART_OF = new RegExp(
  `\\b${PART}\\s+${NUMBER}\\s+of\\s+(?:the|its|their|a|an)\\s+(?:\\p{Ll}+ed\\s+)?((?:[\\p{L}-]+\\s+){0,2}[\\p{L}-]+)`,
  'giu',
);
const BARE_PART = new RegExp(`^${PART}\\s+${NUMBER}$`, 'iu');

/** The whole a part belongs to, from "PART N of the WHOLE": the words up to its event noun ("dock strike"). */
function wholeOf(phrase: string): string | null {
  const words = phrase.split(/\s+/);
  const noun = words.findIndex((w) => isEventNoun(w));
  return noun >= 0 ? words.slice(0, noun + 1).join(' ') : null;
}

// The same, ending right before the event noun of the whole: "Stage one of the planned dock ".
const PART_BEFORE = new RegExp(
  `\\b${PART}\\s+${NUMBER}\\s+of\\s+(?:the|its|their|a|an)\\s+(?:\\p{Ll}+ed\\s+)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'iu',
);

/**
 * "Dock strike" told as "Stage one of the planned dock strike ..." gives "Dock strike stage one":
 * the part the clause names right before the event noun (`before` ends at that noun).
 */
export function withPartBefore(title: string, before: string): string {
  const part = PART_BEFORE.exec(before);
  const kind = part?.[1]?.toLowerCase() ?? '';
  if (!part || title.toLowerCase().includes(kind)) return title;
  return `${title} ${kind} ${part[2]}`;
}

/** "Stage two" in a story of "Stage one of the planned rail strike" gives "Rail strike stage two". */
export function nameStage(title: string, paragraphs: readonly string[]): string {
  if (!BARE_PART.test(title)) return title;
  for (const paragraph of paragraphs) {
    for (const m of paragraph.matchAll(PART_OF)) {
      const whole = wholeOf(m[3] ?? '');
      if (whole) return `${capitalize(whole)} ${title.toLowerCase()}`;
    }
  }
  return title;
}
