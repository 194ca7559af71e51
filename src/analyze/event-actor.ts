import { NON_NAME_WORDS } from './vocabulary.ts';

// Who holds an event, for a title that names only the kind of event ("Flights" -> "Akasa Air flights").

// "Delta Air Lines is expanding", "Tailwind Air will start": a name in capitals opening a sentence, before its verb.
const LEADING_NAME =
  /^(?:The\s+)?((?:[A-Z][\w&'’.+-]*\s+){0,3}[A-Z][\w&'’.+-]*)\s+(?:will|is|are|has|have|plans?|to|would)\b/;
// "Seaplane operator Tailwind Air is launching", "Indian startup Akasa Air is to": a name after what it is.
const APPOSED_NAME =
  /\b(?:operator|carrier|airline|startup|maker|firm|company|group|band|club|team|side|union|bank|broadcaster|promoter)\s+((?:[A-Z][\w&'’.+-]*\s+){0,3}[A-Z][\w&'’.+-]*)\s+(?:will|is|are|has|have|plans?|to|would)\b/;
// "The airline will offer": a subject that means the one just named.
const GENERIC_NOUNS =
  'airline|carrier|company|firm|operator|group|band|club|team|side|union|bank|startup|association|organisation|organization|alliance|bloc|lender';
const GENERIC_SUBJECT = new RegExp(`^(?:The|Its|Their)\\s+(?:new\\s+)?(?:${GENERIC_NOUNS})\\b`);
/** A common noun that stands for an actor already named ("the group", "the airline"), never a name itself. */
export const GENERIC_ACTOR = new RegExp(`^(?:new\\s+)?(?:${GENERIC_NOUNS})$`, 'i');
const MAX_NAME_WORDS = 4;

/** The name a sentence has act, or `previous` when its subject is a generic noun for one ("The airline will"). */
export function findActor(sentence: string, previous: string | null): string | null {
  const text = sentence.trim();
  const name = APPOSED_NAME.exec(text)?.[1] ?? LEADING_NAME.exec(text)?.[1];
  if (name && isName(name)) return name;
  return GENERIC_SUBJECT.test(text) ? previous : null;
}

function isName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length > MAX_NAME_WORDS) return false;
  const first = words[0] ?? '';
  if (/^(?:he|she|it|they|we|i|you|this|that|there|these|those)$/i.test(first)) return false;
  // One word may be a common word written at a sentence's start ("Lift-off is planned"): only an
  // acronym or a brand's spelling counts ("NASA", "SpaceX", "OPEC+").
  if (words.length === 1) return /^\p{Lu}{2,}|\p{Ll}\p{Lu}|[&+]/u.test(first);
  return !NON_NAME_WORDS.has(first.toLowerCase()) || words.slice(1).every((w) => /^\p{Lu}/u.test(w));
}

/**
 * "Flights" with its actor "Akasa Air" is "Akasa Air flights": only a title that is the bare event noun
 * takes one (the sayer of a sentence is not its event's actor, and a person does not hold a strike).
 */
export function withActor(
  title: string,
  head: string | null,
  actor: string | null,
  isPerson: (name: string) => boolean,
): string {
  const bare = head !== null && title.toLowerCase().replace(/s$/, '') === head;
  if (!actor || !bare || isPerson(actor) || actor.toLowerCase().replace(/s$/, '') === head) return title;
  return `${actor} ${title.toLowerCase()}`;
}
