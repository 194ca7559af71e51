import { BETWEEN_NOUNS, OFFER_NOUNS, PAIR_NOUNS, ROUTE_NOUNS, writeNounPattern } from './service-nouns.ts';
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
// Words that make a capitalized phrase a venue ("Wembley Stadium", "Central Hall of Parliament").
const VENUE_WORDS = new Set(
  (
    'hall stadium arena headquarters center centre building house palace palais parliament university hospital ' +
    'hotel airport station park square church cathedral museum theatre theater chamber library school college ' +
    'institute club complex ground grounds field oval court courthouse pavilion auditorium gardens garden ' +
    'racecourse circuit bridge harbour harbor port terminal base stade estadio stadio teatro plaza piazza'
  ).split(' '),
);
/** True when the common nouns after a name (three at most) end in a matter's ("grain tender case"). */
function namesMatter(after: string): boolean {
  const words = /^(?:\s+\p{Ll}+){1,3}/u.exec(after)?.[0].trim().split(/\s+/) ?? [];
  return words.some((w) => MATTER_WORDS.has(w));
}

// Incidents and cases known by their place ("the Delhi riots", "the Mombasa grain tender case").
const MATTER_WORDS = new Set(
  (
    'case cases riot riots attack attacks bombing bombings blast explosion crash fire floods flood scandal ' +
    'massacre killings killing murder murders violence unrest clashes probe inquiry affair tender deal'
  ).split(' '),
);
// Bodies, not places, even after "at" ("at the ministry", "at the council").
const BODY_WORDS = new Set(
  'ministry office council commission congress company agency department'.split(' '),
);

// "the O2 Arena", "the Palais des Nations", "Huis ten Bosch": a digit after the capital, and the particles of
// French, Dutch, German and Italian names, are part of a place's name.
const PARTICLES = 'del|des|der|den|de|du|di|da|do|ten|van|von|los|las|el|la';
// A particle (or "of", "the") left at a place's end belongs to what follows it, not to the place.
const TRAILING_PARTICLE = new RegExp(`\\s+(?:of|the|${PARTICLES})$`);
const NAME =
  "\\p{Lu}[\\p{L}\\p{M}\\d'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}\\d'’.-]*|\\d+\\p{Lu}?|(?:" +
  PARTICLES +
  ')(?=\\s+\\p{Lu})|of(?=\\s+\\p{Lu})|the(?=\\s+\\p{Lu}))){0,5}';
// "launch direct flights to Somalia’s capital, Mogadishu", "a weekly ferry service to the island of Ukerewe":
// a service told by its one end is placed there.
// "at the capital’s Zócalo", "in the town's Old Granary", "at the club's Riverside Ground": a place owned by
// a common noun for a place is the place itself.
const PLACE_OWNER =
  '(?:city|town|capital|village|country|nation|island|state|province|region|county|district|port|borough|suburb|club|team)';
// "in front of the Provincial Capitol", "outside Royal Infirmary Hospital", "on the steps of the State Library": where
// a rally or a vigil stands is told by a compound preposition as often as by "at". "in the northern Italian city
// of Turin", "in the Rift Valley town of Naivasha", "in the Qatari capital, Doha": the city, not its country or region.
// "at the army-owned Air Defence stadium", "at the 60,000-capacity National Stadium", "at the newly built Kasarani
// Stadium": a compound epithet between the article and a venue's name is no part of the name.
const VENUE_EPITHET = '(?:[\\p{Ll}\\d,]+-\\p{Ll}+|(?:newly|recently)\\s+\\p{Ll}+)';
const PLACE = new RegExp(
  `\\b(?:in|at|in\\s+front\\s+of|outside|opposite|next\\s+to|beside|on\\s+the\\s+steps\\s+of|on(?=\\s+the\\s+(?:outskirts|shores|banks|edge|fringes)\\s+of\\s)|across|throughout|(?:(?:travel|fly|head|go|return|move|come)s?|flies|goes)\\s+(?:back\\s+)?to|(?:${writeNounPattern(ROUTE_NOUNS)})\\s+to|visit(?:s|ing)?|leav(?:e|es|ing)|(?:depart|sail)(?:s|ing)?\\s+from|from)\\s+(?:the\\s+(?:${VENUE_EPITHET}\\s+)?)?(?:(?:[\\p{Ll}-]+\\s+){0,2}(?:\\p{Lu}[\\p{L}'’-]*\\s+){0,2}(?:[\\p{Ll}-]+\\s+)?(?:city|town|capital|village|port|resort|areas?|parts|outskirts|suburbs|streets|centre|center|state|province|region|district|county|islands?|shores|banks|edge|fringes)\\s+of\\s+|(?:[\\p{Ll}-]+\\s+)?(?:\\p{Lu}[\\p{L}'’-]*\\s+)?capital,?\\s+|(?:its|their|his|her)\\s+(?:[\\p{Ll}-]+\\s+)?(?:capital|city|hometown)\\s+|(?:[\\p{Ll}-]+\\s+)?${PLACE_OWNER}['’]s\\s+)?(${NAME})`,
  'gu',
);
const PAIRED_VENUES =
  /^\s+and\s+(\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)?)\s+(airports|depots|stations|terminals|stadiums|grounds|venues|hospitals|campuses|plants|factories|ports|mines|bases|branches|offices|sites|courts|markets)\b/u;
// The words that may follow a place's name without being what it owns ("at Lord's on June 18").
const AFTER_NAME =
  /^(?:on|in|at|for|from|to|and|or|but|with|by|this|next|last|until|till|before|after|since|when|while|during|as|of|is|was|will|would|has|have|had|are|were)$/;
// "a route between Ahmedabad (AMD) and Pune (PNQ)", "flights connecting Manhattan’s Skyport Marina and
// Washington's College Park Airport": a route's two ends, without codes and owners.
// Latin letters only: a Unicode pattern this long costs more to build than the whole clause takes.
const END_NAME =
  "(?:[A-ZÀ-Þ][\\wÀ-ÿ'’-]+['’]s\\s+)?([A-ZÀ-Þ][\\wÀ-ÿ'’-]+(?:\\s+[A-ZÀ-Þ][\\wÀ-ÿ'’-]+){0,3})(?:\\s*\\([A-Z][^()]{1,40}\\))?";
const ROUTE_BETWEEN = new RegExp(
  `\\b(?:${writeNounPattern(BETWEEN_NOUNS, true)})\\s+(?:between|connecting|linking)\\s+${END_NAME}\\s+and\\s+${END_NAME}`,
);
// "a non-stop daily flight from Nairobi to New York": a service's two ends after "from" and "to".
const ROUTE_FROM = new RegExp(
  `\\b(?:${writeNounPattern(ROUTE_NOUNS, true)})\\s+from\\s+(?:the\\s+)?${END_NAME}\\s+to\\s+${END_NAME}`,
);
const MAY_BE_FROM = new RegExp(`\\b(?:${writeNounPattern(ROUTE_NOUNS)})\\s+from\\s`, 'i');
// "flying to Colombo from Chennai": the verb tells a route's ends as its nouns do.
const FLY = 'fl(?:y|ies|ying)';
// "daily flights to Colombo from Chennai", "expanding from Kochi with a new thrice-weekly service to Malé":
// a route whose two ends are told the other way round, or apart.
const ROUTE_TO_FROM = new RegExp(
  `\\b(?:${writeNounPattern(ROUTE_NOUNS, true)}|${FLY})\\s+to\\s+(?:the\\s+)?${END_NAME}\\s+from\\s+(?:the\\s+)?${END_NAME}`,
);
const ROUTE_FROM_WITH = new RegExp(
  `\\bfrom\\s+(?:the\\s+)?${END_NAME}\\s+with\\s+(?:a|an|the)\\s+(?:[\\w-]+\\s+){0,3}(?:${writeNounPattern(OFFER_NOUNS)})\\s+to\\s+(?:the\\s+)?${END_NAME}`,
);
const MAY_BE_TO_FROM = new RegExp(
  `\\b(?:${writeNounPattern(ROUTE_NOUNS)}|${FLY})\\s+to\\s+[^,.;]{2,40}?\\s+from\\s`,
  'i',
);
const MAY_BE_FROM_WITH = new RegExp(
  `\\bfrom\\s+[^,.;]{2,40}?\\s+with\\s+(?:a|an|the)\\s+[^,.;]{0,40}?\\b(?:${writeNounPattern(OFFER_NOUNS)})\\s+to\\s`,
  'i',
);
// "the Hyderabad-Goa (GOX) routes", "its Muscat (MCT)-Salalah (SLL) route": two ends joined by a dash.
// "the Nakuru-Kisumu train", "the Dover–Calais ferry" too.
const ROUTE_PAIR = new RegExp(
  `\\b([A-ZÀ-Þ][\\wÀ-ÿ'’]+)(?:\\s*\\([A-Z]{3}\\))?[-–]([A-ZÀ-Þ][\\wÀ-ÿ'’]+)(?:\\s*\\([A-Z]{3}\\))?\\s+(?:${writeNounPattern(PAIR_NOUNS)})\\b`,
);
const MAY_BE_PAIR = new RegExp(`[-–]\\S*(?:\\s*\\([A-Z]{3}\\))?\\s+(?:${writeNounPattern(PAIR_NOUNS)})\\b`);
// ", Tamil Nadu and Puducherry", " and New South Wales": more places listed after the first.
const MORE_PLACES = /^(?:,\s*[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3}){0,6},?\s+and\s+[A-Z]/;
const VENUE_IN_VENUE =
  /^\s+at\s+(?:the\s+)?(?:[A-Z][\w.&-]*['’]s\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,4})/;
const MAY_BE_ROUTE = /\b(?:between|connecting|linking)\s/;
const MAY_BE_VENUE =
  /\s(?:Stadium|Arena|Oval|Park|Hall|Centre|Center|Theatre|Theater|Airport|Ground|Gardens|Pavilion|Auditorium|Racecourse|Circuit)\b/;
// "the Airdrie to Bathgate line", "Lyon to Porto": a route.
const ROUTE =
  /\b(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s+to\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)(?=\s+(?:line|route|railway|rail|service|flight|flights|road|motorway|ferry|stage|leg|link)\b)/u;

/**
 * Where a clause places something, the most specific place written: a venue with its city
 * ("at Wembley Stadium in London" gives "Wembley Stadium, London"), a venue ("in the Central Hall
 * of Parliament"), a city ("in the Argentine city of Mendoza"), a route ("the Airdrie to Bathgate
 * line"), else a region ("in Edo State"). Countries, months, bodies and nationalities are not places.
 */
export function findPlace(clause: string, near = -1): string | null {
  // A route's two ends are its place, even when one end is a venue.
  const ends = routeEnds(clause);
  if (ends) return ends;
  const route = ROUTE.exec(clause)?.[1]?.replace(/^The\s+/, '');
  let best: { place: string; rank: number; distance: number } | null = apposedVenue(clause, near);
  for (const match of clause.matchAll(PLACE)) {
    // "produced by Nick Raskulinecz (Alice in Chains, Foo Fighters, Deftones)": a list of names holds no place.
    if (inNameList(clause, match.index)) continue;
    // "though it could move to Kings Park Stadium": where the event may go is not where it is.
    if (isHedgedMove(clause.slice(0, match.index + match[0].length - (match[1]?.length ?? 0)))) continue;
    // "at Lord's on June 18": a possessive that owns nothing is the venue's own name.
    const after = clause.slice(match.index + match[0].length);
    // The lower-case word after the name: what a possessive owns, or a venue word.
    const next = /^\s+(\p{Ll}+)/u.exec(after)?.[1] ?? '';
    const owns = next !== '' && !AFTER_NAME.test(next);
    let place = (match[1] ?? '')
      .replace(owns ? /['’]s$/ : /$^/, '')
      .replace(/[.]$/, '')
      .replace(TRAILING_PARTICLE, '');
    // "at the Metso library": a name before a venue word names the venue.
    let end = match.index + match[0].length;
    // "in the Delhi riots conspiracy case": a place that names a matter is not where the event is.
    const prefix = match[0].slice(0, match[0].length - (match[1]?.length ?? 0));
    if (/\bthe\s+$/.test(prefix) && namesMatter(after)) continue;
    if (VENUE_WORDS.has(next)) {
      place = `${place} ${next}`;
      end = clause.indexOf(next, end) + next.length;
    }
    // "from the Glenfield and Swanson depots", "to and from Frankfurt and Munich airports": two names that
    // share one plural venue noun are one place, not a list of two.
    const paired = next === 'and' && placeKind(place) ? PAIRED_VENUES.exec(after) : null;
    if (paired) {
      place = `${place} and ${paired[1]} ${paired[2]}`;
      end += paired[0].length;
    }
    // "at the MCG on Thursday": a short name in capitals after "at the" is a ground or a hall, unless a body's.
    const kind = isGroundInCapitals(place, prefix) ? 'venue' : placeKind(place);
    if (!kind) continue;
    if (kind === 'venue') place = cityLast(place);
    // "four matches in Queensland and New South Wales": two places are none of the event's own; "marches
    // in Lisbon, Porto, Coimbra, Braga and Faro": three or more are all of them.
    const list =
      kind !== 'venue' && MORE_PLACES.test(clause.slice(end, end + 80))
        ? placeList(place, clause.slice(end))
        : undefined;
    if (list === null) continue;
    // The place written closest to the date is the event's ("wanted in Madrid ... hearing on February 1 ... in London").
    const distance = near < 0 ? match.index : Math.abs(match.index - near);
    const full = list ?? withCity(place, kind, clause, end);
    // A venue named with the one it lies in is the most specific place of all.
    const rank =
      kind === 'venue'
        ? VENUE_IN_VENUE.test(clause.slice(end)) && full !== place
          ? 4
          : 3
        : kind === 'city'
          ? 2
          : 1;
    if (!best || rank > best.rank || (rank === best.rank && distance < best.distance)) {
      best = { place: full, rank, distance };
    }
  }
  if (route && (!best || best.rank < 2)) return route;
  const listed = best && best.rank >= 3 ? null : introducedList(clause);
  return (
    listed ??
    best?.place ??
    namedVenue(clause) ??
    namedForPlace(clause) ??
    ellipticPlace(clause) ??
    launchCountry(clause) ??
    exchangePlace(clause) ??
    commonVenue(clause)
  );
}

// "in the media conference room on Thursday", "at the old town hall": a venue told by common
// nouns alone is the place when the clause gives no name.
const COMMON_VENUE =
  /\b(?:in|at|inside)\s+the\s+((?:[\p{Ll}-]+\s+){1,2}(?:room|hall|auditorium|chamber|courtroom|boardroom|stadium|arena|pavilion|square|beach|ballroom|theatre|theater))\b/u;

/** A venue the clause names by common nouns only ("in the media conference room"), or null. */
function commonVenue(clause: string): string | null {
  return COMMON_VENUE.exec(clause)?.[1] ?? null;
}

// "its shares will begin trading on the Nairobi Securities Exchange on June 12", "conditional trading ... is
// expected to commence on the AIX", "to be quoted on the JSE from June 19": shares trade on an exchange,
// the one place a listing has. A short name in capitals is an exchange's only after such a verb.
const EXCHANGE =
  /\b(?:trad(?:e|es|ed|ing)|list(?:s|ed|ing)|debut(?:s|ed)?|quoted|float(?:s|ed)?)\b[^.;!?]{0,100}?\bon\s+(?:the\s+)?(\p{Lu}{2,6}\b(?!['’])|Nasdaq|(?:\p{Lu}[\p{L}&.-]*\s+){1,4}(?:Stock\s+)?(?:Exchange|Bourse)\b)/u;

/** The exchange a clause lists or trades shares on ("trading on the Nairobi Securities Exchange"), or null. */
function exchangePlace(clause: string): string | null {
  if (!/\b(?:trad|list|debut|quoted|float)/.test(clause)) return null;
  const match = EXCHANGE.exec(clause);
  const name = match?.[1];
  if (!match || !name || NON_NAME_WORDS.has(name.toLowerCase())) return null;
  // "a vote on the WTO agenda": capitals before a common noun name what that noun is of, not an exchange.
  const word = /^\s+(\p{Ll}+)/u.exec(clause.slice(match.index + match[0].length))?.[1];
  return word === undefined || AFTER_NAME.test(word) ? name : null;
}

// "will be launched from French Guiana", "is due to lift off from Kazakhstan": a rocket leaves from a
// country's launch site, the one place a launch story gives; a country is otherwise too wide to be a place.
const LAUNCHED_FROM = new RegExp(
  `\\b(?:launch(?:ed|es|ing)?|lift(?:s|ed|ing)?\\s+off|blast(?:s|ed|ing)?\\s+off)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?from\\s+(?:the\\s+)?(${NAME})`,
  'u',
);

/** The country a launch leaves from, when the clause names no launch site ("launched from French Guiana"). */
function launchCountry(clause: string): string | null {
  if (!/\b(?:launch|lift|blast)/.test(clause)) return null;
  const name = LAUNCHED_FROM.exec(clause)?.[1]?.replace(/[.]$/, '');
  return name && COUNTRIES.has(name.toLowerCase().split(/\s+/).at(-1) ?? '') ? name : null;
}

// "the Edo governorship election will hold on September 19, while that of Ondo State will hold October 10":
// "that of" a region stands for the same occasion held there.
const THAT_OF = new RegExp(
  `(?:^[\\s,]*|\\b(?:while|and|but|whereas)\\s+)that\\s+of\\s+(?:the\\s+)?(${NAME})`,
  'u',
);

/** The region or venue "that of" names in a clause ("while that of Ondo State will hold ..."), or null; a person's is none. */
function ellipticPlace(clause: string): string | null {
  if (!/\bthat\s+of\s/.test(clause)) return null;
  const name = THAT_OF.exec(clause)?.[1];
  const kind = name ? placeKind(name) : null;
  return name && (kind === 'region' || kind === 'venue') ? name : null;
}

// "at its seat, the Peace Palace", "at the border town's sports ground, the Kaleb Memorial Field": a venue
// told by a common noun and named after a comma.
const APPOSED = new RegExp(
  `\\b(?:at|in|inside|to)\\s+(?:its|their|his|her|the)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:headquarters|seat|home|ground|grounds|stadium|offices?|base|venue|residence|campus|arena|hall|palace|building|premises)\\s*,\\s+(?:the\\s+)?(${NAME})`,
  'u',
);
const MAY_BE_APPOSED =
  /(?:headquarters|seat|home|grounds?|stadium|offices?|base|venue|residence|campus|arena|hall|palace|building|premises)\s*,\s+(?:the\s+)?\p{Lu}/u;

/** The venue a clause names in apposition to a common noun ("at its seat, the Peace Palace"), as a venue candidate. */
function apposedVenue(
  clause: string,
  near: number,
): { place: string; rank: number; distance: number } | null {
  if (!MAY_BE_APPOSED.test(clause)) return null;
  const match = APPOSED.exec(clause);
  const name = match?.[1]?.replace(/['’]s$/, '').replace(/[.]$/, '');
  if (!match || !name || !placeKind(name)) return null;
  return { place: name, rank: 3, distance: near < 0 ? match.index : Math.abs(match.index - near) };
}

// The items of a list of places: "Cape Town", "Lagos Island", "Évora".
const ITEM = "\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}'’.-]*){0,3}";
const LIST_REST = new RegExp(`^((?:\\s*,\\s*${ITEM}){1,8}),?\\s+and\\s+(${ITEM})`, 'u');

/**
 * The whole list a place opens when it names three places or more ("Lisbon, Porto, Coimbra, Braga and
 * Faro"), or null: two places, or a list that holds a non-place ("in France, Spain and Italy").
 */
function placeList(first: string, rest: string): string | null {
  const match = LIST_REST.exec(rest);
  if (!match) return null;
  const items = [...(match[1] ?? '').split(','), match[2] ?? '']
    .map((item) => item.trim().replace(/[.]$/, ''))
    .filter(Boolean);
  if (!items.every(isListedPlace)) return null;
  return `${first}${match[0]}`.replace(/[.]$/, '').replace(/\s+/g, ' ');
}

/** A list's item is a place when the rules read it so, or when it is a name of two words or more that is no country ("Cape Town"). */
function isListedPlace(item: string): boolean {
  if (placeKind(item) !== null) return true;
  const words = item.toLowerCase().split(/\s+/);
  return (
    words.length >= 2 &&
    !COUNTRIES.has(words[words.length - 1] ?? '') &&
    !BODY_WORDS.has(words[words.length - 1] ?? '')
  );
}

// "in the five divisions of the State – Ikeja, Badagry, Ikorodu, Lagos Island and Epe", "in four regional
// centres: Évora, Viseu, Leiria and Setúbal": the places a plural place noun introduces after a dash or colon.
const LIST_INTRO =
  /\b(?:in|at|across)\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\p{Ll}\d-]+\s+){0,3}?(?:cities|towns|villages|divisions|regions|provinces|states|counties|districts|venues|locations|centres|centers|zones|capitals|campuses)(?:\s+of\s+(?:the\s+)?[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]*){0,2})?\s*[–—:-]\s*/u;
const MAY_BE_INTRO = /(?:ies|ions|ces|tes|ns|ts|res|ers|es)\s+(?:of\s+[^–—:-]{1,40})?[–—:-]\s*\p{Lu}/u;

/** The list of places a plural place noun introduces ("in five cities – Leeds, York, Hull and Bath"), or null. */
function introducedList(clause: string): string | null {
  if (!MAY_BE_INTRO.test(clause)) return null;
  const intro = LIST_INTRO.exec(clause);
  if (!intro) return null;
  const rest = clause.slice(intro.index + intro[0].length);
  const first = new RegExp(`^${ITEM}`, 'u').exec(rest)?.[0];
  if (!first || !placeKind(first)) return null;
  return placeList(first, rest.slice(first.length)) ?? null;
}

// "the Valencia Marathon", "the Edo governorship election", "the Tamil Nadu assembly polls": events
// named after the place they are held in.
const NAMED_FOR_PLACE =
  /\b[Tt]he\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s+(?:(?:governorship|gubernatorial|mayoral|municipal|local|state|provincial|regional|assembly|council|parliamentary)\s+)?(?:[Mm]arathon|[Hh]alf[- ][Mm]arathon|by-elections?|[Ee]lections?|[Pp]olls?|[Gg]rand\s+[Pp]rix)\b/u;

// "The Presidential election", "the Municipal elections": a kind of election written in capitals is no place.
const ELECTION_KINDS = new Set(
  'presidential municipal gubernatorial governorship mayoral parliamentary legislative congressional midterm primary runoff snap'.split(
    ' ',
  ),
);

/** The place an event is named after ("the Valencia Marathon" gives "Valencia"), when it is a city or region. */
function namedForPlace(clause: string): string | null {
  if (!/\b(?:[Mm]arathon|[Ee]lection|[Pp]oll|[Pp]rix)/.test(clause)) return null;
  const name = NAMED_FOR_PLACE.exec(clause)?.[1];
  // "the Kisumu West by-election": a seat is its town and a quarter of it.
  const kind =
    name && !ELECTION_KINDS.has(name.toLowerCase().split(/\s+/).at(-1) ?? '')
      ? placeKind(name.replace(/\s+(?:North|South|East|West|Central)$/, ''))
      : null;
  return name && (kind === 'city' || kind === 'region') && !/\bParty$/.test(name) ? name : null;
}

/** True when `at` lies inside a bracketed list of names ("(Alice in Chains, Foo Fighters, Deftones)"). */
function inNameList(clause: string, at: number): boolean {
  const open = clause.lastIndexOf('(', at);
  const close = clause.indexOf(')', at);
  if (open < 0 || close < 0 || clause.lastIndexOf(')', at) > open) return false;
  const items = clause.slice(open + 1, close).split(',');
  return items.length >= 3 && items.every((item) => /^\s*\p{Lu}\S*(?:\s+\S+){0,3}\s*$/u.test(item));
}

// "Ed Sheeran is due to play Optus Stadium", "playing out of Suncorp Stadium": a venue's own name, without "at".
const VENUE_NAME =
  /\b((?:\p{Lu}[\p{L}'’-]*|\d+)(?:\s+\p{Lu}[\p{L}'’-]*){0,3}\s+(?:Stadium|Arena|Oval|Park|Hall|Centre|Center|Theatre|Theater|Airport|Ground|Gardens|Pavilion|Auditorium|Racecourse|Circuit))\b/u;

/**
 * The venue a clause names as the object of playing or hosting ("is due to play Optus Stadium",
 * "playing out of Suncorp Stadium"), when no preposition placed anything. A venue named otherwise
 * ("the petition challenging the Jomo Kenyatta International Airport deal") is what the story is about.
 */
function namedVenue(clause: string): string | null {
  if (!MAY_BE_VENUE.test(clause)) return null;
  const match = VENUE_NAME.exec(clause);
  if (!match?.[1] || !PLAYED_AT.test(clause.slice(Math.max(0, match.index - 30), match.index))) return null;
  return match[1].replace(/^(?:The|A|An)\s+/, '');
}

const PLAYED_AT =
  /\b(?:play(?:s|ing)?|host(?:s|ing)?|perform(?:s|ing)?|headlin(?:e|es|ing)|out\s+of)\s+(?:the\s+)?$/i;

const VENUE_CITY = new RegExp(`^(?:,?\\s+in\\s+|,\\s*)(${NAME})`, 'u');

/** "at Wembley Stadium in London": the city after a venue goes with it. */
function withCity(place: string, kind: 'venue' | 'city' | 'region', clause: string, end: number): string {
  if (kind !== 'venue') return place;
  // "Launch Complex 39A at NASA's Kennedy Space Center": a venue inside another, without its owner.
  const container = VENUE_IN_VENUE.exec(clause.slice(end))?.[1];
  if (container && placeKind(container) === 'venue') return `${place}, ${container}`;
  // "at Hyde Park in London", "at Eden Gardens, Kolkata, from August 20"; not "at Anfield, Liverpool's manager said".
  const city = VENUE_CITY.exec(clause.slice(end))?.[1]?.replace(/[.]$/, '');
  return city && !/['’]s$/.test(city) && placeKind(city) === 'city' ? `${place}, ${city}` : place;
}

/** "at the SCG", "at the WACA": a name of three to six capitals after "at the" that is no body's ("at the UN"). */
function isGroundInCapitals(place: string, prefix: string): boolean {
  return (
    /^\p{Lu}{3,6}$/u.test(place) && /^at\s+the\s+$/.test(prefix) && !NON_NAME_WORDS.has(place.toLowerCase())
  );
}

/**
 * "Geelong's GMHBA Stadium" gives "GMHBA Stadium, Geelong": a city's venue is written as a venue with its
 * city, as "at Wembley Stadium in London" is; an owner that is no city ("NASA's Kennedy Space Center") stays.
 */
function cityLast(venue: string): string {
  const owned = /^(\p{Lu}[\p{L}\p{M}.-]*(?:\s+\p{Lu}[\p{L}\p{M}.-]*)?)['’]s\s+(\p{Lu}.*)$/u.exec(venue);
  if (!owned?.[1] || !owned[2]) return venue;
  return placeKind(owned[1]) === 'city' && placeKind(owned[2]) === 'venue'
    ? `${owned[2]}, ${owned[1]}`
    : venue;
}

function placeKind(place: string): 'venue' | 'city' | 'region' | null {
  const words = place.split(/\s+/).map((w) => w.toLowerCase());
  const last = words[words.length - 1] ?? '';
  if (words.length === 0 || /^\p{Lu}{2,}$/u.test(place)) return null;
  // "at Portuguese carrier Lusavia": a nationality is no place.
  if (/^\p{Lu}\p{Ll}+(?:ese|ish|ian|ean)$/u.test(place)) return null;
  if (words.some((w) => BODY_WORDS.has(w))) return null;
  // "from The Strypes’ Josh McClorey to ...": what an owner has, named in two words and no venue's, is
  // a person ("London’s Heathrow Airport" is a venue, "King's Lynn" a town).
  const owned = /['’]s?\s+(\p{Lu}\S*\s+\p{Lu}.*)$/u.exec(place)?.[1];
  if (owned && !owned.split(/\s+/).some((w) => VENUE_WORDS.has(w.toLowerCase()))) return null;
  // "in Parliament on Monday": the one house a country's parliament sits in; "at the hotel" is none.
  if (place === 'Parliament') return 'venue';
  // "at the Legislative Assembly", "back to the National Assembly", "in the Senate": a house of parliament sits in it.
  if ((last === 'assembly' && words.length >= 2) || place === 'Senate') return 'venue';
  if (words.some((w) => VENUE_WORDS.has(w))) return words.length >= 2 ? 'venue' : null;
  if (/\d/.test(place) || MONTHS.test(words[0] ?? '')) return null;
  // A country is too wide for a calendar and is most often the story's subject ("conditions in Spain").
  if (COUNTRIES.has(last)) return null;
  // "in the run up to Christmas": a season is no place.
  if (HOLIDAYS.has(last)) return null;
  // "on Sunday in La Liga", "in the Turkish Süper Lig": a league is no place, in whatever language it is named.
  if (words.some((w) => LEAGUES.has(w))) return null;
  if (REGION_WORDS.has(last)) return 'region';
  if (NON_NAME_WORDS.has(last)) return null;
  return 'city';
}

const MONTHS =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/;
const HOLIDAYS = new Set(
  'christmas easter ramadan diwali eid thanksgiving hanukkah halloween lent advent'.split(' '),
);
const LEAGUES = new Set('liga lig ligue serie bundesliga eredivisie superliga premiership'.split(' '));
const REGION_WORDS = new Set('state province region county district territory prefecture oblast'.split(' '));

/**
 * A schedule line's place: "First Test, Lord’s, May 17-20, 2012" gives "Lord’s" (what stands
 * between the line's first part and its date); a line that opens with its date gives what follows
 * it ("20 April - Royal Concert Hall, Nottingham", `end` being where the date ends); null for prose.
 */
export function linePlace(clause: string, at: number, end = -1): string | null {
  if (clause.length > 120 || /\b(?:will|is|are|was|were|has|have|said|says)\b/.test(clause)) return null;
  if (at === 0 && end > 0) return placeAfterDate(clause.slice(end)) ?? placeAfterName(clause.slice(end));
  const parts = clause
    .slice(0, at)
    .split(/\s*,\s*/)
    .filter(Boolean);
  if (parts.length < 2) return null;
  const middle = parts.slice(1).join(', ').trim();
  return isNamesOnly(middle) && middle.split(/\s+/).length <= 6 ? middle : null;
}

/** "- Royal Concert Hall, Nottingham", ": Grand Pavilion (GP), Leeds": the place a dash or colon sets after a date. */
function placeAfterDate(rest: string): string | null {
  const place = /^\s*[–—:-]\s*(.+?)[.;]?\s*$/.exec(rest)?.[1];
  if (!place) return null;
  // A venue's own short name ("(HOTA)") is part of it; an aside ("(sold out)") is not.
  const bare = place.replace(/\s*\((?!\p{Lu}{2,6}\))[^()]*\)/gu, '').trim();
  return isNamesOnly(bare.replace(/[()]/g, '')) && bare.split(/\s+/).length <= 8 ? bare : null;
}

/**
 * ", Seto Culture Week, Setomaa", ", Lantern Parade, Town Hall Square, Tartu": an event guide's line sets the
 * occasion's name after its date and the place after the name, each part a name.
 */
function placeAfterName(rest: string): string | null {
  const parts = /^\s*,\s*([^,]+?)\s*,\s*(\p{Lu}[^,]*(?:,\s*\p{Lu}[^,]*)?)[.;]?\s*$/u.exec(rest);
  if (!parts?.[1] || !parts[2]) return null;
  const place = parts[2].trim();
  return isNamesOnly(parts[1]) && isNamesOnly(place) && !/\d/.test(place) && place.split(/\s+/).length <= 6
    ? place
    : null;
}

/** "Lord’s", "Ellis Park, Johannesburg"; not "VIP, and Super VIP opens" (a list and a verb). */
function isNamesOnly(text: string): boolean {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|the|de|la|du|on|upon|and|&)$/.test(w));
}

// "The Supreme Court Thursday said it would hear on April 8", "sanctioning by the Jersey Court at a
// hearing": a court's business happens at the court.
const COURTS = /\b((?:[A-Z][\w'’-]*\s+){1,3}Courts?(?:\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?)\b/g;
const COURT_BUSINESS =
  /\b(?:hear(?:s|d|ing|ings)?|trial|sentenc\w*|directions|ruling|rule|appeal|verdict|judgment|arraignment)\b/i;

/** The court a clause about a court's business names first, as that business's place. */
export function courtPlace(clause: string): string | null {
  if (!COURT_BUSINESS.test(clause)) return null;
  return findCourt(clause);
}

// "the court adjourned the hearing", "the magistrate fixed November 18 for mention": a court's business
// told without its name.
// "fixed November 18 for mention": a hearing to set the course of a case.
const FOR_MENTION = /\bfor\s+(?:the\s+)?mention\b/i;
const UNNAMED_COURT = /\b(?:court|judge|bench|magistrate|justice)\b/i;

/** True when a sentence tells a court's business without naming the court. */
export function isCourtBusiness(sentence: string): boolean {
  return (COURT_BUSINESS.test(sentence) || FOR_MENTION.test(sentence)) && UNNAMED_COURT.test(sentence);
}

/**
 * The first court a text names ("The Rouse Avenue Court on Monday granted ..."), without its article; a
 * court the business only may move to ("though it may be moved to Birmingham Crown Court") is none.
 */
export function findCourt(text: string): string | null {
  if (!/Court/.test(text)) return null;
  for (const court of text.matchAll(COURTS)) {
    if (!isHedgedMove(text.slice(0, court.index))) return court[1]?.replace(/^(?:The|A|An)\s+/, '') ?? null;
  }
  return null;
}

// "it may be moved to", "could switch to", "might be relocated to": a place the event may yet go to is
// not where it is set.
const HEDGED_MOVE =
  /\b(?:may|might|could|would)\s+(?:(?:also|still|yet|even|instead)\s+)?(?:be\s+)?(?:moved?|switch(?:ed)?|relocated?|transferred|transfer|shift(?:ed)?)\s+(?:(?:back|instead)\s+)?to\s+(?:the\s+)?$/i;

/** True when the text before a place ends in a hedged move ("though it may be moved to "). */
function isHedgedMove(before: string): boolean {
  return HEDGED_MOVE.test(before.slice(-60));
}

/**
 * The route a text names, by any of the forms findPlace reads ("a route between Cartagena (Colombia)
 * and Lima (Peru)", "a flight from Nairobi to New York", "the Airdrie to Bathgate line"), or null.
 */
export function findRoute(text: string): string | null {
  return routeEnds(text) ?? ROUTE.exec(text)?.[1]?.replace(/^The\s+/, '') ?? null;
}

/** A route written by its two ends: between ... and ..., from ... to ..., or two names joined by a dash. */
function routeEnds(text: string): string | null {
  // The Unicode patterns are costly to build and run: only a text that could hold them is tried.
  const ends =
    (MAY_BE_ROUTE.test(text) ? ROUTE_BETWEEN.exec(text) : null) ??
    (MAY_BE_FROM.test(text) ? ROUTE_FROM.exec(text) : null) ??
    (MAY_BE_PAIR.test(text) ? ROUTE_PAIR.exec(text) : null) ??
    (MAY_BE_FROM_WITH.test(text) ? ROUTE_FROM_WITH.exec(text) : null);
  if (ends?.[1] && ends[2]) return `${ends[1]} to ${ends[2]}`;
  const reversed = MAY_BE_TO_FROM.test(text) ? ROUTE_TO_FROM.exec(text) : null;
  return reversed?.[1] && reversed[2] ? `${reversed[2]} to ${reversed[1]}` : null;
}

// "Launch Complex 39A at the Kennedy Space Center", "Space Launch Complex 40", "Pad 39B", "the Vostochny
// Cosmodrome": where a rocket leaves from, with the site it lies in.
// "from pad 2", "the range's launch complex 4": news writes the site in lowercase as often.
const LAUNCH_SITES =
  /\b((?:[Ss]pace\s+)?[Ll]aunch\s+(?:[Cc]omplex|[Pp]ad|[Ss]ite)\s+\d+[A-Z]?|[Pp]ad\s+\d+[A-Z]?|[A-Z][\w-]+\s+(?:Cosmodrome|Spaceport))(?:\s+at\s+(?:the\s+|[A-Z][\w.]*['’]s\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}))?/g;

/** The launch sites a text names, in order ("Launch Complex 39A, Kennedy Space Center"). */
export function findLaunchSites(text: string): string[] {
  if (!/[Ll]aunch\s+(?:[Cc]omplex|[Pp]ad|[Ss]ite)|[Pp]ad\s+\d|Cosmodrome|Spaceport/.test(text)) return [];
  return [...text.matchAll(LAUNCH_SITES)].map((site) =>
    site[2] ? `${site[1]}, ${site[2]}` : (site[1] ?? ''),
  );
}

// "Perth will host the first Test", "with Darwin set to host the opening match", "Hobart will receive the
// consolation prize of staging the play-off": a place that hosts an occasion is where it is held. The
// object must be an occasion ("the first Test", "a summit"), not a guest ("host the Wallabies", "host Biden").
const HOST_SUBJECT = new RegExp(
  `(?:^\\s*|\\bwith\\s+|[;:]\\s+)(?:the\\s+)?(${NAME})\\s+(?:[\\p{Ll}’'-]+\\s+){0,8}?(?:host(?:s|ing)?|stag(?:e|es|ing)|play(?:s|ing)?\\s+host\\s+to)\\s+(?:the|a|an|this|next|its|their)\\s+(?=[\\p{Ll}\\d])`,
  'u',
);

/**
 * The place a clause names as the host of its occasion ("Perth will host the inaugural Test on November
 * 21"), when it is a city, region or venue and `isPerson` does not know it as someone ("Ruto will host a
 * summit").
 */
export function hostPlace(clause: string, isPerson: (name: string) => boolean): string | null {
  if (!/\b(?:host|stag)/.test(clause)) return null;
  const name = HOST_SUBJECT.exec(clause)?.[1]?.replace(/['’]s$/, '');
  if (!name || !placeKind(name) || isPerson(name)) return null;
  return name;
}
