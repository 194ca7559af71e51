import type { PeopleIndex, Person } from './people.ts';
import { findPeopleMentioned } from './people.ts';
import { isRoleNoun } from './roles.ts';
import { ROLE_MODIFIERS } from './vocabulary.ts';

/**
 * Speech verbs in the participle that close a sentence after a comma: "X fired Y, saying ...".
 * "said" would take the last name before it; a participle goes back to the clause's subject.
 */
const PARTICIPLES = new Set(
  'saying adding telling declaring warning insisting arguing noting stressing explaining vowing promising'.split(
    ' ',
  ),
);

/** True when `word`, right after a comma, is a speech participle ("..., saying"). */
export function isSpeechParticiple(word: string, before: string): boolean {
  return PARTICIPLES.has(word.toLowerCase()) && /,\s*$/.test(before);
}

// An opening phrase before the subject: "On Tuesday,", "Addressing the media in Recife,".
const OPENING = /^[^,;:]{1,120},\s*/;

/**
 * Who does what the sentence reports, for "..., saying": the person or pronoun that opens it, after
 * one opening phrase and the titles before the name. Null when the sentence opens with anyone else.
 */
export function participleSubject(sentence: string, people: PeopleIndex): Person | 'he' | 'she' | null {
  const text = sentence.trimStart();
  for (const start of [0, OPENING.exec(text)?.[0].length ?? -1]) {
    if (start < 0) continue;
    const rest = text.slice(start);
    const pronoun = /^(?:He|She)\b/.exec(rest)?.[0];
    if (pronoun) return pronoun.toLowerCase() as 'he' | 'she';
    const first = findPeopleMentioned(rest, people)[0];
    if (first && isTitleOnly(rest.slice(0, first.at))) return first.person;
  }
  return null;
}

/** "", "Prime Minister ", "the transport minister ": nothing before a name but its title. */
function isTitleOnly(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length > 6) return false;
  return words.every(
    (w, i) =>
      /^\p{Lu}[\p{L}.'’-]*$/u.test(w) ||
      isRoleNoun(w) ||
      ROLE_MODIFIERS.has(w.toLowerCase()) ||
      /^(?:of|for|and)$/.test(w) ||
      (i === 0 && /^the$/i.test(w)),
  );
}
