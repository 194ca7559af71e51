import { findCourt, findPlace, findRoute, isCourtBusiness } from './places.ts';

// A place told once for a story's subject and not again where its date is: "Kenya Airways has launched a
// flight from Nairobi to New York ... the inaugural flight, which is scheduled for October 28"; "The Rouse
// Avenue Court on Monday granted ... Meanwhile, the Court adjourned the hearing till February 17".

/** The routes and courts each paragraph names, by paragraph index (null where it names none). */
export interface ToldPlaces {
  paragraphs: readonly string[];
  routes: Array<string | null>;
  courts: Array<string | null>;
}

// A sentence about a service on a route ("the inaugural flight", "will resume a route").
const SERVICE = /\b(?:flights?|routes?|services?|trains?|ferry|ferries|sailings?)\b/i;

/** Reads the routes and courts of every paragraph once. */
export function readToldPlaces(paragraphs: readonly string[]): ToldPlaces {
  return { paragraphs, routes: paragraphs.map(findRoute), courts: paragraphs.map(findCourt) };
}

/**
 * The place a sentence of paragraph `index` means without writing it: the route its paragraph, else the
 * story so far, last named, for a sentence about a service; the court named so, for a court's business.
 */
export function toldPlace(told: ToldPlaces, index: number, sentence: string): string | null {
  if (index < 0) return null;
  if (SERVICE.test(sentence)) return told.routes[index] ?? storyRoute(told, index);
  if (isCourtBusiness(sentence)) return lastNamed(told.courts, index);
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
  const named = new Set(told.routes.slice(0, index).filter((name) => name !== null));
  if (named.size !== 1 || findPlace(told.paragraphs[index] ?? '') !== null) return null;
  return [...named][0] ?? null;
}
