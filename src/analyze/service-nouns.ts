// The nouns of a transport service, as regular-expression sources ("flights?" is "flight" or
// "flights"). The route rules of places.ts and event-places.ts build their patterns from these lists,
// so that a noun added for one rule is seen by the rules that share it, and a rule's quick pre-test
// ("MAY_BE_...") is built from the same list as the pattern it guards and never misses what it finds.

const nouns = (text: string): string[] => text.split(' ');

/** The services every route rule reads: "flights", "a new service", "the route", "sailings". */
const SCHEDULED = nouns('flights? services? routes? sailings?');
/** Services by rail and by sea. */
const RAIL_AND_SEA = nouns('trains? ferry ferries');

/** A sentence about a service on a route: "the inaugural flight", "will resume the ferry". */
export const SERVICE_NOUNS: readonly string[] = [...SCHEDULED, ...RAIL_AND_SEA];

/** A service told with its two ends: "flights from Nairobi to New York", "connections to Colombo from Chennai". */
export const ROUTE_NOUNS: readonly string[] = [...SERVICE_NOUNS, 'connections?'];

/** A service a carrier adds at one end: "from Kochi with a new thrice-weekly service to Malé". */
export const OFFER_NOUNS: readonly string[] = [...SCHEDULED, 'links?', 'connections?'];

/** A heading over a list of destinations: "Flights from Paris-Orly", "Departures from Oslo". */
export const HEADING_NOUNS: readonly string[] = [...SCHEDULED, 'departures?'];

/** A route named by its two ends and a dash: "the Hyderabad-Goa routes", "the Nakuru-Kisumu train". */
export const PAIR_NOUNS: readonly string[] = [
  ...SERVICE_NOUNS,
  ...nouns('sectors? rail\\s+line railway line'),
];

/** A route between two ends: "flights between Ahmedabad and Pune", "the ferry linking Dover and Calais". */
export const BETWEEN_NOUNS: readonly string[] = nouns(
  'routes? services? flights? links? ferry ferries lines?',
);

/**
 * The nouns as one alternation for a pattern. `eitherInitial` writes each first letter in both cases
 * ("[Ff]lights?"), for a pattern that cannot take the "i" flag because its names must be capitalized.
 */
export function writeNounPattern(nouns: readonly string[], eitherInitial = false): string {
  const written = eitherInitial
    ? nouns.map((noun) => noun.replace(/^\p{Ll}/u, (letter) => `[${letter.toUpperCase()}${letter}]`))
    : nouns;
  return written.join('|');
}
