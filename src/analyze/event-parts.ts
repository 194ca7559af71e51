import { findCapitalizedRuns, nameTail } from './names.ts';
import type { PeopleIndex } from './people.ts';
import { findPeopleMentioned, findPersonIn } from './people.ts';
import { COUNTRIES } from './places.ts';
import { isRoleNoun } from './roles.ts';
import { NON_NAME_WORDS, ROLE_MODIFIERS } from './vocabulary.ts';

// Acronyms that are time zones or too vague to be a participant.
const NOT_PARTICIPANTS = new Set([
  'US',
  'UK',
  'ET',
  'EST',
  'EDT',
  'CT',
  'PT',
  'PST',
  'PDT',
  'GMT',
  'UTC',
  'BST',
  'CET',
  'CEST',
  'AM',
  'PM',
]);
/** Last words of names that are a place, a venue, an event or a document: not a party to it. */
const NOT_A_PARTY = new Set(
  (
    'Hall Stadium Centre Center Cathedral Church Arena Theatre Theater Park Square Palace Airport Station ' +
    'Hotel Museum Bridge Street Road Avenue Building Tower Campus Harbour Harbor ' +
    'Island Islands Sea Ocean Valley Desert Province County Region Peninsula Mountains Coast ' +
    'Classic Tour Marathon Conference Masters Summit Cup Games Championship Championships Open ' +
    'Forum Expo Fair Week Premiere Olympics Race Rally Show Congress Symposium ' +
    'Agreement Treaty Act Accord Convention Protocol Bill Plan Report Law'
  ).split(' '),
);
/** First words of names of places ("Lake Ohrid", "Mount Tamporok"). */
const PLACE_HEADS = new Set(['Lake', 'Mount', 'Mt', 'River', 'Gulf', 'Cape', 'Isle']);
/** Last words of names of bodies that meet, rule or act: parties even "at" or "in" them. */
const BODY_NOUNS =
  'Administration|Agency|Assembly|Association|Authority|Board|Bureau|Cabinet|Commission|Committee|Council|' +
  'Court|Department|Federation|Government|Ministry|Office|Parliament|Senate|Service|Tribunal|Union';
const BODY_END = new RegExp(`^(?:${BODY_NOUNS})$`);
/** "Food and Drug Administration": one body, though "and" splits the capitalized run. */
const JOINED_BODY = new RegExp(`\\p{Lu}[\\p{L}'’-]* and (?:\\p{Lu}[\\p{L}'’-]* )*(?:${BODY_NOUNS})\\b`, 'gu');
/** A name right after these is where something happens ("in Spain", "at City Hall"). */
const LOCATIVE_BEFORE = /\b(?:in|at|from|near|outside|inside|across|around|via|to)\s+(?:the\s+)?$/i;
const MONTHS_AND_DAYS =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)/i;

/** Organizations named by several capitalized words, reachable by their first word ("Andina" -> "Andina Resources"). */
export function buildOrganizationIndex(paragraphs: string[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const text of paragraphs) {
    for (const run of findCapitalizedRuns(text)) {
      const words = run.words.filter((w) => w !== 'of' && w !== 'for');
      const first = words[0] ?? '';
      if (words.length < 2 || NON_NAME_WORDS.has(first.toLowerCase()) || nameTail(run.words).length > 0)
        continue;
      if (!index.has(first)) index.set(first, run.words.join(' '));
    }
  }
  return index;
}

/** People and organizations a clause names, as written in full elsewhere in the article. */
export function findParticipants(
  clause: string,
  people: PeopleIndex,
  organizations: Map<string, string>,
  exclude: string | null,
): string[] {
  // "a conversation ... between X and Y": the people between are the participants, not the subject.
  const between = /\bbetween\s/i.exec(clause);
  const text = between ? clause.slice(between.index) : clause;
  const acronyms = [...text.matchAll(/\((\p{Lu}{2,8})\)/gu)];
  const joined = [...text.matchAll(JOINED_BODY)].map((m) => ({
    name: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const found = new Set<string>();
  for (const run of findCapitalizedRuns(text)) {
    // "Organization for Security and Cooperation in Europe (OSCE)": the acronym names it.
    if (acronyms.some((a) => a.index > run.start && a.index - run.start < 100)) continue;
    const words = run.words.join(' ');
    if (findPersonIn(words, people)) {
      // Two capitalized words read as a name may be an event or a venue ("Valencia Marathon").
      for (const { person } of findPeopleMentioned(words, people))
        if (isParty(person.name)) found.add(person.name);
      continue;
    }
    const body = joined.find((j) => run.start >= j.start && run.start < j.end);
    if (body) {
      found.add(body.name);
      continue;
    }
    const last = run.words.at(-1) ?? '';
    if (!isParty(words) || PLACE_HEADS.has(run.words[0] ?? '')) continue;
    // "in Spain", "at Geneva": a place. "Shareholders in Velora Systems": a company, kept.
    const place = run.words.length === 1 || COUNTRIES.has(words.toLowerCase());
    if (
      place &&
      !BODY_END.test(last) &&
      LOCATIVE_BEFORE.test(text.slice(Math.max(0, run.start - 16), run.start))
    )
      continue;
    const org = participantName(run.words, organizations);
    // "Tampere" may stand for "Tampere Hall" elsewhere in the article: judge the full name too.
    // "Eden Gardens, Kolkata": each part of a venue told with its city is the place, no party.
    if (org && !exclude?.split(/\s*,\s*/).includes(org) && isParty(org)) found.add(org);
  }
  for (const acronym of acronyms) found.add(acronym[1] ?? '');
  return [...found].filter(Boolean);
}

/** False for a name that ends like a place, a venue, an event or a document. */
function isParty(name: string): boolean {
  return !NOT_A_PARTY.has(name.split(' ').at(-1) ?? '');
}

function participantName(words: string[], organizations: Map<string, string>): string | null {
  const trimmed = [...words];
  while (
    trimmed.length > 0 &&
    NON_NAME_WORDS.has((trimmed[0] ?? '').toLowerCase()) &&
    !/^\p{Lu}{2,}/u.test(trimmed[0] ?? '')
  ) {
    if (
      trimmed.length === 1 ||
      !/^(?:the|a|an|on|in|at|by|and|but|after|before|under|if|when|while|as|since|once|until)$/i.test(
        trimmed[0] ?? '',
      )
    )
      break;
    trimmed.shift();
  }
  if (trimmed.length === 0 || trimmed.some((w) => MONTHS_AND_DAYS.test(w))) return null;
  // A bare role ("Deputy Foreign Minister") is nobody in particular.
  if (trimmed.every((w) => isRoleNoun(w) || ROLE_MODIFIERS.has(w.toLowerCase()))) return null;
  if (trimmed.length === 1) {
    const word = trimmed[0] ?? '';
    if (organizations.has(word)) return organizations.get(word) ?? null;
    if (COUNTRIES.has(word.toLowerCase())) return word;
    return /^\p{Lu}{2,8}$/u.test(word) && !NOT_PARTICIPANTS.has(word) ? word : null;
  }
  return trimmed.join(' ');
}
