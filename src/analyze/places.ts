import { NON_NAME_WORDS } from './vocabulary.ts';

// The city is wanted, not the country or region (the gold rule and what a reader can put in a calendar).
/** Country and continent names (lowercase). */
export const COUNTRIES = new Set(
  (
    'afghanistan albania algeria argentina armenia australia austria azerbaijan belarus belgium bolivia bosnia ' +
    'brazil bulgaria canada chile china colombia croatia cuba cyprus czechia denmark ecuador egypt estonia ' +
    'ethiopia finland france georgia germany ghana greece hungary iceland india indonesia iran iraq ireland ' +
    'israel italy japan jordan kazakhstan kenya kosovo latvia lebanon libya lithuania luxembourg macedonia ' +
    'malaysia mexico moldova montenegro morocco netherlands nigeria norway pakistan peru philippines poland ' +
    'portugal qatar romania russia serbia slovakia slovenia somalia spain sudan sweden switzerland syria taiwan ' +
    'thailand tunisia turkey uganda ukraine uruguay venezuela vietnam wales scotland england britain yemen ' +
    'europe asia africa america antarctica arctic oceania guiana korea zealand states kingdom emirates'
  ).split(' '),
);
// Words that make a capitalized phrase a venue or body, not a city ("City Hall", "Wembley Stadium").
const VENUE_WORDS = new Set(
  (
    'hall stadium arena court headquarters center centre building house palace office ministry parliament ' +
    'congress council commission university hospital hotel airport station park square church museum ' +
    'theatre theater chamber library school college institute club'
  ).split(' '),
);

const PLACE =
  /\b(?:in|at|(?:travel|fly|head|go|return|move|come)s?\s+to|visit(?:s|ing)?|leav(?:e|es|ing)|(?:depart|sail)(?:s|ing)?\s+from)\s+(?:the\s+)?(?:(?:[\p{Ll}-]+\s+){0,2}(?:city|town|capital|village|port|areas?|parts|outskirts|suburbs|streets|centre|center)\s+of\s+)?(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|del|da|do|los|las|el|la)){0,3})/gu;

/**
 * The city a clause places something in: "in Geneva", "at Wembley Stadium in London",
 * "in the Argentine city of Mendoza", "travel to Uspallata". Countries, venues without
 * a city, months and organizations are not places.
 */
export function findPlace(clause: string, near = -1): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const match of clause.matchAll(PLACE)) {
    const place = (match[1] ?? '').replace(/['’]s$/, '').replace(/[.]$/, '');
    // "at the Metso library": a name before a venue word names the venue.
    const next = /^\s+([\p{Ll}]+)/u.exec(clause.slice(match.index + match[0].length))?.[1] ?? '';
    if (!isCity(place) || VENUE_WORDS.has(next)) continue;
    // The place written closest to the date is the event's ("wanted in Madrid ... hearing on February 1 ... in London").
    const distance = near < 0 ? match.index : Math.abs(match.index - near);
    if (distance < bestDistance) {
      best = place;
      bestDistance = distance;
    }
  }
  return best;
}

function isCity(place: string): boolean {
  const words = place.split(/\s+/).map((w) => w.toLowerCase());
  if (words.length === 0 || /['’]s\b/.test(place)) return false;
  // "at Portuguese carrier Lusavia": a nationality is no place.
  if (/^\p{Lu}\p{Ll}+(?:ese|ish|ian|ean)$/u.test(place)) return false;
  if (words.some((w) => VENUE_WORDS.has(w))) return false;
  if (COUNTRIES.has(words[words.length - 1] ?? '')) return false;
  if (NON_NAME_WORDS.has(words[words.length - 1] ?? '')) return false;
  return !/^\p{Lu}{2,}$/u.test(place) && !/\d/.test(place);
}
