import { findPersonNames } from './names.ts';
import type { PeopleIndex, Person } from './people.ts';
import { findPeopleMentioned, findPersonIn } from './people.ts';
import { hasRoleNoun, isRoleNoun } from './roles.ts';
import { institutionByReference, institutionOf, leadingInstitution, personByRole } from './subjects.ts';
import { SPEECH_VERBS } from './vocabulary.ts';

/** Who said a quote: a person of the article, or an unnamed source with a role. */
export interface Attribution {
  speaker: string | null;
  role: string | null;
}

/** What attribution needs besides the phrase: the people and who spoke last. */
export interface SpeakerContext {
  people: PeopleIndex;
  lastSpeaker: Person | null;
  /** Someone the current paragraph reports as speaking before the quote ("Ferrán said he ..."). */
  paragraphSpeaker: Person | null;
  /** The person the sentence before the quote starts with ("John Smith disagreed. “...,” he said"). */
  sentenceSubject?: Person | null;
  /** Someone the previous paragraph reports as speaking ("Aalto ... said the mission ..."). */
  previousSpeaker: Person | null;
  /** Whom the last sentence of the previous paragraph is about ("Ana Lim, a farmer, fled her village."). */
  previousSubject?: Person | null;
  /** The first person the paragraph names before the quote ("Nowakowska ... she laughed. “...,” she said"). */
  paragraphSubject?: Person | null;
}

const PRONOUN = /^(?:he|she|they|him|her)\b/i;
/** A clause subject that is only a pronoun. */
export const PRONOUN_SUBJECT = /^(?:he|she|they)$/i;

/** The words right before a verb, after the last comma or conjunction: "..., and he" -> "he". */
export function immediateSubject(head: string): string {
  const parts = head.split(/[,;:]|\b(?:and|but|that|while|as|then)\b/i);
  return (parts[parts.length - 1] ?? '').trim();
}
const INDEFINITE = /^(?:a|an|one|another|some)\s+/i;
const DEFINITE = /^(?:the|his|her|their|its)\s+/i;

/** Attributes a quote from the words after its closing mark: `,” said X`, `,” X said`, `,” according to X`. */
export function findAttributionAfter(after: string, ctx: SpeakerContext): Attribution | null {
  const clause = firstClause(after.replace(/^[\s,.;:—–-]+/, ''));
  if (!clause) return null;
  const according = /^according to\s+(.+)$/i.exec(clause);
  if (according?.[1]) return resolveSpeaker(according[1], ctx);
  const words = clause.split(/\s+/);
  const first = (words[0] ?? '').toLowerCase();
  if (SPEECH_VERBS.has(first)) return resolveSpeaker(words.slice(1).join(' '), ctx);
  const verbAt = words.slice(0, 16).findIndex((w) => SPEECH_VERBS.has(w.toLowerCase().replace(/[,.]$/, '')));
  if (verbAt > 0) return resolveSpeaker(words.slice(0, verbAt).join(' '), ctx);
  return null;
}

/** Attributes a quote from the words before its opening mark: `X said:`, `According to X,`, `X said that`. */
export function findAttributionBefore(before: string, ctx: SpeakerContext): Attribution | null {
  const according = /\baccording to\s+([^,;:]{2,80})[,:]?\s*$/i.exec(before);
  if (according?.[1]) return resolveSpeaker(according[1], ctx);
  let verbAt = -1;
  for (const match of before.matchAll(/\p{L}+/gu)) {
    if (SPEECH_VERBS.has(match[0].toLowerCase())) verbAt = match.index;
  }
  if (verbAt < 0) return null;
  const subject = before
    .slice(0, verbAt)
    .replace(/^[\s,;:—–-]+/, '')
    .trim();
  // ”, said Rachel Kim, a lawyer, “but ...: the speaker follows the verb.
  if (!subject) return resolveSpeaker(before.slice(verbAt).replace(/^\p{L}+\s*/u, ''), ctx);
  if (PRONOUN_SUBJECT.test(immediateSubject(subject))) return pronounTarget(ctx);
  return resolveSpeaker(subject, ctx, true);
}

/** The text up to the end of its first sentence or the next quote mark. */
function firstClause(text: string): string {
  // A period after a title or abbreviation ("said Mr. Manchin") does not end the attribution.
  const stop =
    /(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Jr|Sr|No|U\.S|U\.N|U\.K|[A-Z]))[.!?](?:\s|$)|["“”«»]/.exec(
      text,
    );
  return (stop ? text.slice(0, stop.index) : text).slice(0, 240).trim();
}

/**
 * Resolves an attribution phrase to a speaker: a full name, a surname introduced
 * elsewhere, a pronoun (the person the paragraph reports speaking, else the last
 * speaker), a role reference ("the head of US diplomacy"), or an unnamed source.
 */
export function resolveSpeaker(phrase: string, ctx: SpeakerContext, lastMention = false): Attribution | null {
  const person = lastMention ? lastPersonIn(phrase, ctx.people) : findPersonIn(phrase, ctx.people);
  if (person) return { speaker: person.name, role: person.role };
  // "A spokesman for the agency, which pays for the mission, said": the clause after the subject is not it.
  const trimmed = phrase
    .trim()
    .replace(/,\s*(?:who|which|whose|where)\b.*$/i, '')
    .replace(/,$/, '');
  const subject = lastMention ? (trimmed.split(/[,;]\s*/).pop() ?? trimmed) : trimmed;
  if (PRONOUN.test(subject) || (lastMention && /\b(?:he|she)\b/i.test(subject))) return pronounTarget(ctx);
  const named = findPersonNames(subject)[0];
  if (named) return { speaker: named.name, role: null };
  const institution =
    institutionByReference(subject, ctx.people) ?? institutionOf(subject) ?? leadingInstitution(subject);
  if (institution) return { speaker: null, role: institution };
  return resolveRoleReference(subject, ctx) ?? (isImpersonal(subject) ? { speaker: null, role: null } : null);
}

const GROUP_NOUNS =
  /^(?:officials|analysts|sources|experts|police|witnesses|residents|critics|organi[sz]ers|investors|diplomats)\b/i;

/** "the Dutch finance ministry", "officials": an institution or group spoke, not a person of the article. */
function isImpersonal(subject: string): boolean {
  const words = subject.split(/\s+/);
  return words.length <= 6 && (/^(?:the|a|an)\s/i.test(subject) || GROUP_NOUNS.test(subject));
}

function lastPersonIn(phrase: string, people: PeopleIndex): Person | null {
  const mentions = findPeopleMentioned(phrase, people);
  return mentions[mentions.length - 1]?.person ?? null;
}

function pronounTarget(ctx: SpeakerContext): Attribution | null {
  const person =
    ctx.paragraphSpeaker ??
    ctx.sentenceSubject ??
    ctx.paragraphSubject ??
    ctx.previousSpeaker ??
    ctx.previousSubject ??
    ctx.lastSpeaker;
  return person ? { speaker: person.name, role: person.role } : null;
}

/** "one Chilean negotiator" -> unnamed source; "the head of US diplomacy" -> the person that fits or spoke last. */
function resolveRoleReference(phrase: string, ctx: SpeakerContext): Attribution | null {
  const role = phrase
    .split(/,|\b(?:who|which|speaking|in a|on a|at a|during)\b/i)[0]
    ?.trim()
    .split(/\s+/)
    .slice(0, 8)
    .join(' ');
  if (!role || !hasRoleNoun(role)) return null;
  if (INDEFINITE.test(role)) return { speaker: null, role: role.replace(INDEFINITE, '') };
  if (!DEFINITE.test(role) && !/^\p{Lu}/u.test(role)) return null;
  const fitting = personByRole(role, ctx.people);
  if (fitting) return { speaker: fitting.name, role: fitting.role };
  const nouns = role
    .split(/\s+/)
    .filter((w) => isRoleNoun(w))
    .map((w) => w.toLowerCase());
  for (const person of ctx.people.byName.values()) {
    const own = person.role?.toLowerCase() ?? '';
    if (nouns.some((noun) => own.split(/\s+/).includes(noun)))
      return { speaker: person.name, role: person.role };
  }
  return ctx.lastSpeaker ? { speaker: ctx.lastSpeaker.name, role: ctx.lastSpeaker.role } : null;
}
