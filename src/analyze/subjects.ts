import { findInstitutionNames } from './names.ts';
import type { PeopleIndex, Person } from './people.ts';
import { findPeopleMentioned } from './people.ts';
import { isRoleNoun } from './roles.ts';
import { INSTITUTION_WORDS, ROLE_MODIFIERS } from './vocabulary.ts';

// Words after which a name is an object, not the one speaking: "commissioned by Smith", "met with Jones".
const OBJECT_LINK =
  /\b(?:by|to|with|from|for|against|about|of|on|at|in|into|than|between|and|or|met|told|asked|called|thanked)\s*$/i;

/** A text without the capitalized title words, honorifics and their "of" it ends in ("Prime Minister Datuk Seri "). */
function withoutTrailingTitle(text: string): string {
  const words = text.trimEnd().split(/\s+/);
  let keep = words.length;
  // A word loop, not a regex: a long run of capitals must not make the search backtrack.
  while (
    keep > 0 &&
    words.length - keep < 12 &&
    /^(?:\p{Lu}[\p{L}.'’-]*|of|for|the)$/u.test(words[keep - 1] ?? '')
  )
    keep--;
  return words.slice(0, keep).join(' ');
}

/** "the chief executive", "The minister": a definite role reference at the end of a phrase. */
const ROLE_REFERENCE = /(?:^|\s)(?:the|The)\s+((?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+)\s*$/u;

/**
 * The person a role reference points to: the one whose role holds every role word of
 * the reference ("the chief executive" is the "Chief Executive", not the "Chief
 * Financial Officer"). Null when nobody or several people fit.
 */
export function personByRole(phrase: string, people: PeopleIndex): Person | null {
  const initials = ROLE_INITIALS.exec(phrase.trim())?.[1];
  if (initials) return personByRoleInitials(initials, people);
  const words = (ROLE_REFERENCE.exec(phrase.trim())?.[1] ?? '').toLowerCase().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (!isRoleNoun(last) || !words.every((w) => isRoleNoun(w) || ROLE_MODIFIERS.has(w))) return null;
  const wanted = words.filter((w) => isRoleNoun(w) && !ROLE_MODIFIERS.has(w));
  const roleWords = wanted.length > 0 ? wanted : [last];
  const fits = [...people.byName.values()].filter((person) => {
    const own = (person.role ?? '').toLowerCase().split(/[\s-]+/);
    return roleWords.every((w) => own.includes(w));
  });
  return fits.length === 1 ? (fits[0] ?? null) : null;
}

const SUBORDINATE_OPENING =
  /^(?:When|Whenever|As|After|Before|While|If|Although|Though|Once|Since|Because|Until|Unless)\s/;

// "the CJ", "The PM": a role called by its initials.
const ROLE_INITIALS = /(?:^|\s)(?:the|The)\s+(\p{Lu}{2,4})$/u;

/** The one person whose role in capitals has those initials ("CJ": "Chief Justice"), else null. */
function personByRoleInitials(initials: string, people: PeopleIndex): Person | null {
  const fits = [...people.byName.values()].filter((person) => {
    const capitals = (person.role ?? '').split(/\s+/).filter((w) => /^\p{Lu}\p{Ll}/u.test(w));
    const own = capitals.map((w) => w[0]).join('');
    return own === initials && capitals.some((w) => isRoleNoun(w) || ROLE_MODIFIERS.has(w.toLowerCase()));
  });
  return fits.length === 1 ? (fits[0] ?? null) : null;
}

/**
 * Who a stretch of a sentence is about: the first person it names who is not the
 * object of a preposition or verb and not a possessive ("Smith's lawyer"), else a
 * role reference that opens it ("the minister"). Used for quotes introduced without a
 * speech verb: `X called it “...”`, `X was more cautious: “...”`.
 */
export function actorOf(text: string, people: PeopleIndex): Person | null {
  // "When Sibal mentioned the matter, Justice Trivedi shot it down": the leading clause's subject acts in it only.
  const clauseEnd = SUBORDINATE_OPENING.test(text.trim()) ? text.indexOf(',') : -1;
  for (const { person, at } of findPeopleMentioned(text, people)) {
    if (at < clauseEnd) continue;
    const word = /^[\p{L}\p{M}'’-]+/u.exec(text.slice(at))?.[0] ?? '';
    // "agreed upon by Prime Minister Datuk Seri Anwar Ibrahim": the title between the link and the name goes too.
    const lead = withoutTrailingTitle(text.slice(Math.max(0, at - 200), at));
    if (/['’]s$/.test(word) || OBJECT_LINK.test(text.slice(0, at)) || OBJECT_LINK.test(lead)) continue;
    return person;
  }
  const opening =
    /^(?:[^,]*,\s*)?((?:the|The)\s+(?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)\s+(?:was|is|had|has|said|says|added|told|\p{Ll}+ed)\b/u.exec(
      text.trim(),
    );
  return opening?.[1] ? personByRole(opening[1], people) : null;
}

// Last words that make a speaker an institution: "Vietnam's foreign ministry", "the city council".
const INSTITUTION =
  /\b(?:ministry|department|government|office|company|agency|council|committee|commission|union|court|police|army|embassy|authority|authorities|board|administration|spokesperson's office)$/i;

/** The institution a subject names, as its role: "Vietnam's foreign ministry"; null for people and groups. */
export function institutionOf(subject: string): string | null {
  const phrase = subject.trim().replace(/^(?:the|a|an)\s+/i, '');
  if (!INSTITUTION.test(phrase) || phrase.split(/\s+/).length > 6) return null;
  return phrase;
}

/** "Indonesia's Centre for Volcanology ... raised the alert and described": an institution named in full opens the subject. */
export function leadingInstitution(subject: string): string | null {
  const text = subject.trim().replace(/^the\s+/i, '');
  const first = findInstitutionNames(text)[0];
  return first && text.startsWith(first) ? first : null;
}

/** "the centre said": the one institution of the article whose name holds that noun. */
export function institutionByReference(subject: string, people: PeopleIndex): string | null {
  // "the centre", "the space agency": every word of the reference is a word of the name.
  const words = /^[Tt]he\s+((?:\p{Ll}+\s+){0,2}\p{Ll}+)$/u.exec(subject.trim())?.[1]?.split(/\s+/) ?? [];
  const noun = words[words.length - 1] ?? '';
  if (!INSTITUTION_WORDS.has(noun)) return null;
  const fits = people.institutions.filter((name) => {
    const own = name.toLowerCase().split(/\s+/);
    return words.every((w) => own.includes(w));
  });
  // "Electoral Commission" and "the South Africa Electoral Commission" are one body: the fullest name.
  const fullest = [...fits].sort((a, b) => b.length - a.length)[0];
  const one = fullest && fits.every((name) => fullest.includes(name.replace(/^(?:the|The)\s+/, '')));
  return one ? fullest : null;
}
