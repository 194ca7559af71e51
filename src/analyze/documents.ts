import type { PeopleIndex, Person } from './people.ts';
import { findPeopleMentioned } from './people.ts';

/** The last document a person was reported issuing ("X, in a notice sent on Sunday, ordered"). */
export interface DocumentIssuer {
  noun: string;
  person: Person;
}

const DOCUMENT = 'notice|letter|statement|circular|memo|memorandum|directive|notification|message';
// "in a notice", "wrote a letter", "issued a statement": a document someone put out.
const ISSUED = new RegExp(
  `\\b(?:in|issued|sent|wrote|signed|published|released|circulated)\\s+(?:a|an|the|his|her|their)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(${DOCUMENT})\\b`,
  'u',
);
const DOCUMENT_SUBJECT = new RegExp(`^(?:the|that|this)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(${DOCUMENT})$`, 'iu');

/**
 * Who a sentence reports putting out a document: the person it names before "in a notice" or
 * "wrote a letter"; null when the sentence reports a document nobody named issued (a body's).
 * Undefined when it reports none, so that the last issuer stands.
 */
export function documentIssuedIn(sentence: string, people: PeopleIndex): DocumentIssuer | null | undefined {
  const match = ISSUED.exec(sentence);
  if (!match?.[1]) return undefined;
  const head = sentence.slice(0, match.index);
  const first = findPeopleMentioned(head, people)[0];
  // "Whitaker's office said in a statement": the office put it out, not the person who owns it.
  const owner = first && /^[\p{L}\p{M}-]+['’]s\b/u.test(head.slice(first.at));
  return first && !owner ? { noun: match[1].toLowerCase(), person: first.person } : null;
}

/** "the notice stressed" after "X, in a notice, ordered": that document speaks for the one who issued it. */
export function documentSpeaker(subject: string, issuer: DocumentIssuer | null | undefined): Person | null {
  const noun = DOCUMENT_SUBJECT.exec(subject.trim())?.[1]?.toLowerCase();
  return noun && issuer?.noun === noun ? issuer.person : null;
}
