// A release is named by the work released: "Harbour Lights, the band's third studio album, will be
// released on May 9" is the album Harbour Lights; "his solo album 'Coming Home To You' on March 22"
// the album Coming Home To You. "Third studio album" says what kind, not which.
import { capitalize, type EventTitle, type Token } from './event-phrase.ts';

const WORK = /^(?:album|single|film|movie|ep|lp|documentary|novel|book)s?$/i;
// The name written in quotes after the noun: "album 'Coming Home To You'", "film “The Salt Road”".
const QUOTED_AFTER = /^\s*,?\s*(?:['‘"“]{1,2})([^'‘’"“”]{2,60}?)(?:['’"”]{1,2})(?=[\s,.;:!?)]|$)/u;
// The name in capitals after the noun: "album CALM", "single Northern Wire".
const CAPITALS_AFTER =
  /^\s+((?:\p{Lu}[\p{L}\p{N}'’&-]*)(?:\s+(?:\p{Lu}[\p{L}\p{N}'’&-]*|of|the|to|in|and|a)){0,5}?)(?=\s+(?:\p{Ll}|\d)|[,.;:!?]|$)/u;
// The name opening the clause before its apposition: "Saturn’s Pattern, Weller’s 12th studio album,".
const NAME_BEFORE =
  /^\s*((?:\p{Lu}[\p{L}\p{N}'’&-]*)(?:\s+\p{Lu}[\p{L}\p{N}'’&-]*){0,5}),\s+(?:[^,]{0,60}\s)?$/u;
const DATE_WORD =
  /^(?:on|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/** The name a work noun is given in the clause, or null. */
function workName(clause: string, noun: Token): string | null {
  const after = clause.slice(noun.start + noun.text.length);
  const quoted = QUOTED_AFTER.exec(after)?.[1]?.trim();
  if (quoted) return quoted;
  const capitals = CAPITALS_AFTER.exec(after)?.[1]?.trim();
  if (capitals && !DATE_WORD.test(capitals)) return capitals.replace(/\s+(?:of|the|to|in|and|a)$/, '');
  const before = NAME_BEFORE.exec(clause.slice(0, noun.start))?.[1];
  return before && !DATE_WORD.test(before) ? before : null;
}

/** "Band's third studio album" with "Harbour Lights, the band's third studio album," gives "Album Harbour Lights". */
export function nameWork(title: EventTitle, clause: string, noun: Token): EventTitle {
  if (!WORK.test(noun.text)) return title;
  const name = workName(clause, noun);
  if (!name || title.title.includes(name)) return title;
  return { title: `${capitalize(noun.text.toLowerCase().replace(/s$/, ''))} ${name}`, head: title.head };
}
