import { findHouse, isHouseBusiness } from './houses.ts';
import { findCourt, findLaunchSites, findPlace, findRoute, isCourtBusiness } from './places.ts';
import { splitSentences } from './sentences.ts';
import { HEADING_NOUNS, SERVICE_NOUNS, writeNounPattern } from './service-nouns.ts';

// A place told once for a story's subject and not again where its date is: "Kenya Airways has launched a
// flight from Nairobi to New York ... the inaugural flight, which is scheduled for October 28"; "The Rouse
// Avenue Court on Monday granted ... Meanwhile, the Court adjourned the hearing till February 17"; "The
// launch will now take place Tuesday ... The Falcon Heavy was rolled out to Launch Complex 39A".

/** The routes, courts and launch sites each paragraph names, by paragraph index (null where it names none). */
export interface ToldPlaces {
  paragraphs: readonly string[];
  routes: Array<string | null>;
  courts: Array<string | null>;
  sites: string[][];
  /** Where the paragraph says people gather for a meeting ("leaders have been arriving in Samoa for a week of meetings"). */
  gatherings: Array<string | null>;
  /** The house of a legislature the paragraph names as a place ("to Parliament", "in the House of Commons"). */
  houses: Array<string | null>;
}

// A sentence about a rocket's launch ("The launch will now take place Tuesday", "a static fire test").
const LAUNCH =
  /\b(?:launch(?:es|ed|ing)?|lift-?off|liftoff|lift(?:s|ed|ing)?\s+off|blast-?off|static\s+fire)\b/i;
const SALE = /\b(?:tickets?|bookings?|sales?|reservations?|pre-?orders?)\b/i;
// A sentence about a service on a route ("the inaugural flight", "will resume a route").
const SERVICE = new RegExp(`\\b(?:${writeNounPattern(SERVICE_NOUNS)})\\b`, 'i');

// "Tenerife (Canary Islands, Spain): two flights per week ... from November 1" under "Flights from
// Paris-Charles de Gaulle": a destination line under the heading of its origin.
const DESTINATION_LINE = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*(?:\([^()]{1,60}\))?\s*:\s/u;
const ORIGIN_HEADING = new RegExp(
  `^(?:(?:${writeNounPattern(HEADING_NOUNS)})\\s+)?from\\s+([^,:.]{2,40}?)\\s*(?:,[^:.]*)?:?$`,
  'i',
);
// A heading stands this many paragraphs above its lines at most (an intro line may come between).
const HEADING_REACH = 4;

/** Reads the routes, courts and launch sites of every paragraph once. */
export function readToldPlaces(paragraphs: readonly string[]): ToldPlaces {
  return {
    paragraphs,
    routes: paragraphs.map((p, i) => listedRoute(paragraphs, i) ?? findRoute(p)),
    courts: paragraphs.map(findCourt),
    sites: paragraphs.map(findLaunchSites),
    gatherings: paragraphs.map(findGathering),
    houses: paragraphs.map((p) => (PICTURE_CREDIT.test(p) ? null : findHouse(p))),
  };
}

// "... at Parliament, Kuala Lumpur on September 2, 2020. ― Picture by Jane Roe", "(Picture: PA)": a photo's
// caption places the picture, not the story's business.
const PICTURE_CREDIT =
  /(?:[―—–-]\s*(?:Picture|Photo|Photograph|Image)\s+by\s+\p{Lu}|\((?:Picture|Photo|Image)s?\s*:\s*[^()]+\)\s*$)/u;

// "Pacific leaders have been arriving in Samoa for a week of regional meetings", "Delegates gathered in
// Bonn for the climate talks": the place a story's meetings are held in, told once before their days.
const GATHER =
  /\b(?:arriv(?:e|es|ed|ing)|gather(?:s|ed|ing)?|converg(?:e|es|ed|ing)|assembl(?:e|es|ed|ing))\s+(?:in|at)\s+\S/i;
// The occasions people gather for: one list for the gathering sentence and the meeting told later.
const MEETING_NOUNS = 'meetings?|summits?|talks|forum|conference|sessions?|congress|retreat|negotiations';
const FOR_MEETING = new RegExp(
  `\\b(?:for|ahead\\s+of)\\s+(?:[\\w'’-]+\\s+){0,6}?(?:${MEETING_NOUNS})\\b`,
  'i',
);
// A meeting of the story is also told by its verb ("will meet") or its opening.
const MEETING = new RegExp(`\\b(?:meet|meets|opening|${MEETING_NOUNS})\\b`, 'i');

/** The place a paragraph's sentence gathers people in for meetings, or null. */
function findGathering(paragraph: string): string | null {
  if (!GATHER.test(paragraph)) return null;
  for (const sentence of splitSentences(paragraph)) {
    if (GATHER.test(sentence.text) && FOR_MEETING.test(sentence.text)) return findPlace(sentence.text);
  }
  return null;
}

/** A destination line's route, from the origin its heading names ("Flights from Paris-Orly"), or null. */
function listedRoute(paragraphs: readonly string[], index: number): string | null {
  const line = paragraphs[index] ?? '';
  const destination = DESTINATION_LINE.exec(line)?.[1];
  if (!destination || !SERVICE.test(line)) return null;
  // The other destination lines of the run stand between a heading and its line without counting.
  let reach = HEADING_REACH;
  for (let k = index - 1; k >= 0 && reach > 0; k--) {
    const above = (paragraphs[k] ?? '').trim();
    const origin = ORIGIN_HEADING.exec(above)?.[1];
    if (origin) return `${origin} to ${destination}`;
    if (!(DESTINATION_LINE.test(above) && SERVICE.test(above))) reach -= 1;
  }
  return null;
}

/**
 * The place a sentence of paragraph `index` means without writing it: the route its paragraph, else the
 * story so far, last named, for a sentence about a service; the court named so, for a court's business.
 */
export function toldPlace(
  told: ToldPlaces,
  index: number,
  sentence: string,
  clause = sentence,
  at = -1,
): string | null {
  // "On Thursday, the carrier began selling tickets for the inaugural flight": a sale happens nowhere in particular.
  if (index < 0 || (at >= 0 && SALE.test(dateSegment(clause, at)))) return null;
  const site = LAUNCH.test(sentence)
    ? (onlyNamed(findLaunchSites(sentence)) ??
      onlyNamed(told.sites[index] ?? []) ??
      onlyNamed(told.sites.flat()))
    : null;
  if (site) return site;
  // "The new daily flight will launch on May 8": a service may launch too.
  if (SERVICE.test(sentence)) return told.routes[index] ?? storyRoute(told, index);
  if (isCourtBusiness(sentence)) return lastNamed(told.courts, index);
  // "will present the review to Parliament on Thursday"; "The debate on the review will open on July 28"
  // after it: a house's business happens in the house the story named.
  const house = findHouse(clause) ?? (isHouseBusiness(clause) ? lastNamed(told.houses, index) : null);
  if (house) return house;
  // "Today the Small Island States Leaders will meet": a meeting of the story is where it gathered them.
  if (MEETING.test(sentence)) return lastNamed(told.gatherings, index);
  return null;
}

function lastNamed(names: Array<string | null>, index: number): string | null {
  for (let k = Math.min(index, names.length - 1); k >= 0; k--) {
    const name = names[k];
    if (name) return name;
  }
  return null;
}

/**
 * The one route the story told before, for a paragraph that names no place of its own: in a digest of
 * routes ("Delta is expanding from Louisville with a new service to Boston") a paragraph is its own story.
 */
function storyRoute(told: ToldPlaces, index: number): string | null {
  if (findPlace(told.paragraphs[index] ?? '') !== null) return null;
  return onlyNamed(told.routes.slice(0, index));
}

/** The one name of a list, or null when it has none or several. */
function onlyNamed(names: Array<string | null>): string | null {
  const named = new Set(names.filter((name) => name !== null));
  return named.size === 1 ? ([...named][0] ?? null) : null;
}

/**
 * The part of a clause between commas that holds its date at `at`, with the next part when the date
 * stands alone in front ("On Thursday, the carrier began selling tickets ...").
 */
function dateSegment(clause: string, at: number): string {
  const start = clause.lastIndexOf(',', at) + 1;
  const comma = clause.indexOf(',', at);
  const end = comma < 0 ? clause.length : comma;
  const own = clause.slice(start, end);
  if (comma < 0 || own.trim().split(/\s+/).length > 4) return own;
  const next = clause.indexOf(',', comma + 1);
  return clause.slice(start, next < 0 ? clause.length : next);
}

// "To be held at Parliament House", "It will take place in Apia", "The summit will be held at the Palais":
// a sentence that opens by placing the event just told (a list of places further in places nothing).
const HELD =
  /^(?:To\s+be\s+held|It\s+(?:will|is\s+to)\s+(?:be\s+held|take\s+place)|The\s+(?:[\w-]+\s+){1,3}(?:will|is\s+to)\s+(?:be\s+held|take\s+place)|The\s+venue\s+(?:is|will\s+be))\s/;

/** The place a sentence without a date gives the event just told ("To be held at Parliament House ..."), or null. */
export function heldAt(sentence: string): string | null {
  return HELD.test(sentence.trim()) ? findPlace(sentence) : null;
}

// A venue's last word ("Optus Stadium", "Eden Park", "Royal Albert Hall").
const VENUE_END =
  /\b(?:Stadium|Arena|Oval|Park|Hall|Centre|Center|Theatre|Theater|Ground|Gardens|Pavilion|Auditorium|Racecourse|Circuit)$/;

/**
 * The venue the paragraph before, or this one, gave the same event ("hosts a round three western derby at
 * Optus Stadium" for "The 3.20pm derby timeslot on Sunday, April 2"), or null.
 */
export function sameEventVenue(told: ToldPlaces, index: number, head: string | null): string | null {
  if (!head || index < 0 || head.length < 4) return null;
  const word = new RegExp(`\\b${head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?\\b`, 'i');
  const venues = new Set<string>();
  for (let k = Math.max(0, index - 1); k <= index; k++) {
    const paragraph = told.paragraphs[k] ?? '';
    if (!word.test(paragraph)) continue;
    for (const sentence of splitSentences(paragraph)) {
      const place = word.test(sentence.text) ? findPlace(sentence.text) : null;
      if (place && VENUE_END.test(place)) venues.add(place);
    }
  }
  return venues.size === 1 ? ([...venues][0] ?? null) : null;
}
