// An event named by the action announced: "will vote" gives "Vote", "will release the Aero 7" gives
// "Aero 7 release", "is opening a new route between Nairobi and Lagos" gives the route's opening.
import { GENERIC_ACTOR } from './event-actor.ts';
import { findObjectName, findSubjectName } from './event-naming.ts';
import {
  capitalize,
  type EventTitle,
  headOf,
  isDateWordAt,
  isEventNoun,
  LEFT_STOP,
  PRONOUN_WORD,
  phraseAround,
  tokenize,
} from './event-phrase.ts';

// Verbs whose action is the event, with the noun that names it.
const NOMINAL: Record<string, string> = {
  vote: 'Vote',
  strike: 'Strike',
  walk: 'Walkout',
  hear: 'Hearing',
  sentence: 'Sentencing',
  meet: 'Meeting',
  launch: 'Launch',
  open: 'Opening',
  reopen: 'Reopening',
  release: 'Release',
  sign: 'Signing',
  visit: 'Visit',
  debate: 'Debate',
  rule: 'Ruling',
  decide: 'Decision',
  announce: 'Announcement',
  publish: 'Publication',
  play: 'Match',
  face: 'Match',
  host: 'Match',
  race: 'Race',
  perform: 'Performance',
  testify: 'Testimony',
  protest: 'Protest',
  march: 'March',
  gather: 'Gathering',
  convene: 'Meeting',
  lift: 'Lift-off',
  report: 'Report',
  pick: 'Selection',
  choose: 'Selection',
  select: 'Selection',
  elect: 'Election',
  nominate: 'Nomination',
  swear: 'Swearing-in',
  unveil: 'Unveiling',
  present: 'Presentation',
  crown: 'Crowning',
  resume: 'Resumption',
  inaugurate: 'Inauguration',
  close: 'Closure',
  count: 'Counting',
  deliver: 'Delivery',
  receive: 'Delivery',
  ship: 'Shipping',
  arrive: 'Arrival',
  depart: 'Departure',
  land: 'Landing',
  start: 'Start',
  begin: 'Start',
  submit: 'Submission',
  file: 'Filing',
  pay: 'Payment',
  expire: 'Expiry',
  return: 'Return',
  premiere: 'Premiere',
  screen: 'Screening',
  broadcast: 'Broadcast',
  air: 'Broadcast',
  debut: 'Debut',
  tour: 'Tour',
  list: 'Listing',
  auction: 'Auction',
  appear: 'Appearance',
  speak: 'Speech',
  address: 'Address',
  reconvene: 'Sitting',
  sit: 'Sitting',
  available: 'Availability',
  allot: 'Allotment',
  allocate: 'Allocation',
  assign: 'Allocation',
};

// Verbs whose object is not the event's name: "meet the minister", "face Japan" (a match-up names those).
const NO_NAMED_OBJECT =
  /^(?:meet|convene|gather|face|play|host|race|vote|strike|walk|hear|rule|decide|elect|pick|choose|select|address|return|receive|pay)$/;

// "go on sale", "take effect", "kick off": a verb and its particle name the event together.
const PHRASAL: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:go|goes|going|went)\s+on\s+(?:general\s+|public\s+)?sale\b/i, 'Sale'],
  [/^(?:become|becomes|be)\s+available\b/i, 'Availability'],
  [/^(?:take|takes|come|comes)\s+(?:into\s+)?(?:effect|force)\b/i, 'Entry into force'],
  [/^(?:kick|kicks)\s+off\b/i, 'Kick-off'],
];

const FUTURE_ACTION =
  /\b(?:will|would|shall|to|must|plans? to|set to|due to|expected to|is to|are to)\s+(?:also\s+|now\s+|not\s+|next\s+|again\s+|formally\s+|officially\s+)?(?:be\s+)?(\p{Ll}+)(?:\s+(\p{L}+(?:\s+\p{L}+){0,5}))?/u;

// "hold a meeting of her cabinet", "host the summit", "will have an opposition day": the object is the event.
const HOLDING = /^(?:hold|host|stage|convene|organi[sz]e|call|begin|start|launch|give|deliver|have)$/;

/** An announced action; `named` when its title names the thing acted on or who acts ("Aero 7 release"). */
interface Action extends EventTitle {
  named: boolean;
}

/**
 * "will vote on ..." gives "Vote"; "will hold a meeting of her cabinet" the object's phrase; "will
 * release the Aero 7" the thing released ("Aero 7 release"); "the G7+ group ... will meet" its named
 * subject ("G7+ group meeting"); "is opening a new route" the progressive's action.
 */
export function announcedAction(clause: string, from = 0): Action | null {
  const tail = clause.slice(from);
  const found = FUTURE_ACTION.exec(tail) ?? PROGRESSIVE.exec(tail);
  const match = found ? Object.assign(found, { index: found.index + from }) : null;
  const verb = match?.[1] ?? '';
  const object = match?.[2] ?? '';
  if (HOLDING.test(verb) && object) {
    const words = tokenize(object);
    const noun = words.findIndex((w) => isEventNoun(w.text));
    // "will have an opposition day", not "will have a chance to meet": what one has is the event only as its head.
    const had =
      verb !== 'have' || (noun >= 0 && noun <= 2 && words.slice(0, noun).every((w) => !/^to$/i.test(w.text)));
    if (noun >= 0 && had)
      return { title: capitalize(phraseAround(words, noun)), head: headOf(words[noun]), named: false };
    // "The company will hold a call": what is held is the event, whatever its noun.
    const held = /^(?:hold|host|stage|convene|organi[sz]e)$/.test(verb) ? commonObject(object) : null;
    if (held)
      return { title: capitalize(held), head: held.toLowerCase().split(' ').at(-1) ?? null, named: false };
  }
  const phrasal = PHRASAL.find(([pattern]) => pattern.test(`${verb} ${object}`))?.[1];
  const stem = NOMINAL[verb]
    ? verb
    : [verb.replace(/e?s$/, ''), stemOfParticiple(verb), stemOfGerund(verb)].find((v) => NOMINAL[v]);
  // "Ed Sheeran is due to play Optus Stadium": who plays a venue gives a show, not a match.
  const show =
    stem === 'play' && VENUE.test(tail.slice((found?.index ?? 0) + (found?.[0].length ?? 0) - object.length));
  const noun = phrasal ?? (show ? 'Show' : stem ? NOMINAL[stem] : undefined);
  if (!noun || !match) return null;
  // The object as written, digits and signs kept ("the Aero 7", "the G7+ summit").
  const rest = match[2] === undefined ? '' : clause.slice(match.index + match[0].length - match[2].length);
  const thing = phrasal || NO_NAMED_OBJECT.test(stem ?? '') ? null : findObjectName(rest);
  // "will next appear in Court": where one appears names the appearance.
  if (stem === 'appear' && COURT.test(rest))
    return { title: 'Court appearance', head: 'appearance', named: true };
  if (thing) return { title: `${thing} ${noun.toLowerCase()}`, head: noun.toLowerCase(), named: true };
  // "The statistics agency will release inflation data on February 7": what is published names it.
  const before = clause.slice(0, match.index);
  const subject = findSubjectName(before);
  // "Andina will present details": a named presenter says more than what it presents.
  const published = PUBLISHING.test(stem ?? '') && subject?.kind !== 'name' ? commonObject(rest) : null;
  if (published)
    return { title: `${capitalize(published)} ${noun.toLowerCase()}`, head: noun.toLowerCase(), named: true };
  // "The board will meet" gives "Board meeting"; "The union will strike", "Union strike".
  // A common subject only when it is all the clause has before the verb ("The board will meet").
  const common = ACTOR.exec(before)?.[1];
  // "The group will meet again": the group is the one named before, whose name the event takes later.
  const actor =
    subject && subject.kind !== 'common'
      ? subject.text
      : common && !GENERIC_ACTOR.test(common) && !NOT_AN_ACTOR.test(common)
        ? common
        : null;
  // "is opening a new route between Nairobi and Lagos": the route names the opening.
  const route = ROUTE.exec(rest);
  const what = route ? `${route[2]}-${route[3]} ${route[1]} ${noun.toLowerCase()}` : noun.toLowerCase();
  // "Tickets are set to go on sale": what goes on sale names the sale ("Sale of tickets").
  if (phrasal === 'Sale' && !actor && subject?.kind === 'common')
    return { title: `Sale of ${subject.text.toLowerCase()}`, head: 'sale', named: false };
  const title = actor ? `${capitalize(actor)} ${what}` : capitalize(what);
  return { title, head: noun.toLowerCase(), named: subject?.kind === 'name' };
}

// "she is expected to announce": a pronoun or an auxiliary is no one's name.
const NOT_AN_ACTOR = /^(?:he|she|it|they|we|i|you|there|this|that)\b|\b(?:is|are|was|were|has|have|had|be)$/i;
const PLACE_NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,2}";

const ROUTE = new RegExp(
  `^(?:(?:a|an|the|its|their)\\s+)?(?:\\p{Ll}+\\s+){0,3}?(route|service|link|flights?|connection|line)\\s+(?:between|from)\\s+(${PLACE_NAME})(?:\\s*\\([^)]*\\))?\\s+(?:and|to)\\s+(${PLACE_NAME})`,
  'u',
);

const PUBLISHING = /^(?:release|publish|present|unveil|announce)$/;

/** The plain noun phrase an action governs ("inflation data on February 7" gives "inflation data"), or null. */
function commonObject(rest: string): string | null {
  const words: string[] = [];
  for (const { text } of tokenize(rest)) {
    if (words.length === 0 && /^(?:the|a|an|its|their|his|her|our)$/i.test(text)) continue;
    if (
      words.length >= 4 ||
      LEFT_STOP.test(text.toLowerCase()) ||
      isDateWordAt([{ text, start: 0 }], 0) ||
      PRONOUN_WORD.test(text)
    )
      break;
    words.push(text);
  }
  return words.length > 0 && words.length <= 3 ? words.join(' ') : null;
}

const VENUE =
  /^(?:the\s+)?(?:\p{Lu}[\p{L}'’.&-]*\s+){1,3}(?:Stadium|Arena|Park|Hall|Theatre|Theater|Oval|Centre|Center|Dome|Bowl|Amphitheatre)\b/u;

const COURT = /^(?:in|before|at)\s+(?:the\s+)?(?:\p{L}+\s+){0,3}?(?:court|tribunal|magistrates?)\b/iu;

// "would hear on April 8", "will meet again on Monday": a verb right before the date governs it.
const GOVERNING =
  /\b(?:will|would|shall|to|must)\s+(?:also\s+|now\s+)?(?:be\s+)?(\p{Ll}+)(?:\s+again)?\s+(?:on|from|this|next)?\s*$/u;

export function governingAction(before: string): Action | null {
  const governing = GOVERNING.exec(before);
  const verb = governing?.[1] ?? '';
  if (!governing || (!NOMINAL[verb] && !NOMINAL[stemOfParticiple(verb)])) return null;
  // "a committee to set interest rates will meet from Oct. 3": the action at the date, not the first one.
  return announcedAction(before, governing.index);
}

/** "Tickets go on general sale on June 7": a sale told in the present. */
export function onSale(clause: string): EventTitle | null {
  const sale = /\b(?:go|goes)\s+on\s+(general\s+|public\s+)?sale\b/i.exec(clause);
  if (!sale) return null;
  const kind = sale[1] ? `${capitalize(sale[1].trim())} sale` : 'Sale';
  const subject = findSubjectName(clause.slice(0, sale.index));
  return {
    title: subject?.kind === 'common' ? `${kind} of ${subject.text.toLowerCase()}` : kind,
    head: 'sale',
  };
}

/** "opening" -> "open", "releasing" -> "release", "shipping" -> "ship": the verb of a progressive. */
function stemOfGerund(verb: string): string {
  if (!verb.endsWith('ing')) return '';
  const stem = verb.slice(0, -3);
  const candidates = [stem, `${stem}e`, stem.slice(0, -1)];
  return candidates.find((c) => NOMINAL[c]) ?? '';
}

// "Air India is opening a new route": the present progressive of a scheduled action.
const PROGRESSIVE = /\b(?:is|are)\s+(?:also\s+|now\s+)?(\p{Ll}+ing)\b(?:\s+(\p{L}+(?:\s+\p{L}+){0,5}))?/u;

const IRREGULAR_PARTICIPLES: Record<string, string> = { heard: 'hear', sworn: 'swear', chosen: 'choose' };

/** "heard" -> "hear", "debated" -> "debate", "signed" -> "sign": the verb a passive ("will be heard") is of. */
function stemOfParticiple(verb: string): string {
  const irregular = IRREGULAR_PARTICIPLES[verb];
  if (irregular) return irregular;
  if (!verb.endsWith('ed')) return '';
  const stem = verb.slice(0, -2);
  // "allotted" -> "allot": a doubled last consonant.
  const undoubled = /(\p{Ll})\1$/u.test(stem) ? stem.slice(0, -1) : '';
  return [stem, verb.slice(0, -1), undoubled].find((v) => v && NOMINAL[v]) ?? '';
}

/** The noun naming the action of a verb or its participle ("published" gives "Publication"), or null. */
export function nominalOf(verb: string, participle = false): { stem: string; noun: string } | null {
  const stem = participle ? stemOfParticiple(verb) : NOMINAL[verb] ? verb : '';
  const noun = stem ? NOMINAL[stem] : undefined;
  return noun ? { stem, noun } : null;
}

// "when it meets on February 16", "the board votes on Tuesday": the present of a scheduled action.
const PRESENT_ACTION =
  /\b(meets|votes|rules|decides|convenes|reconvenes|debates|sits|strikes)\s+(?:again\s+)?(?:on|at|from|in)?\s*$/i;

export function presentAction(before: string): EventTitle | null {
  const verb = PRESENT_ACTION.exec(before)?.[1]?.toLowerCase().replace(/s$/, '') ?? '';
  const noun = NOMINAL[verb] ?? (verb === 'sit' ? 'Sitting' : verb === 'reconvene' ? 'Sitting' : undefined);
  return noun ? { title: noun, head: noun.toLowerCase() } : null;
}

// A short subject right before the modal: "the board", "Unite's members", "the two sides".
const ACTOR = /(?:^|[,;]\s*)(?:(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa])\s+)?((?:[\p{L}'’-]+\s+){0,1}[\p{L}'’-]+)\s+$/u;
