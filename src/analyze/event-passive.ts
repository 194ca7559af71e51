// An event told in the passive: "The revised list of candidates will be published on Jan 11" is the
// publication of that list, "election symbols will be allotted on Jan 13" their allotment. What is
// acted on is the subject, and it says which occasion; the action alone ("Publication") does not.
import { nominalOf } from './event-actions.ts';
import { isNameWord } from './event-naming.ts';
import { type EventTitle, isEventNoun } from './event-phrase.ts';
import { pronounWord, subjectStart } from './subject-words.ts';

// "X will be published", "X would be allocated", "X is to be debated", "X to be released".
const PASSIVE =
  /\s+(will|would|shall|is\s+to|are\s+to|(?:is|are)\s+(?:due|set|expected|scheduled)\s+to|to)\s+(?:also\s+|now\s+|then\s+|only\s+|formally\s+)?be\s+(\p{Ll}+)\b([^,;:.!?]*)$/u;
// Where a subject starts: the clause's start, a comma or dash, a conjunction, a saying verb; a passive
// often follows a subordinating "when" or "once", and a bulleted line's dash.
const SUBJECT_START = subjectStart({
  words: 'and while whereas when once if confirmed',
  leadingDash: true,
});
const MAX_SUBJECT_WORDS = 8;

// The participle may be followed by whom it is done for before the date ("to political parties on").
const MAX_WORDS_TO_DATE = 5;

// Words that open a subject without being its head.
const DETERMINER = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|all|both)$/i;
// "A significant amount will be delivered": a quantity says how much, not which.
const QUANTITY = /^(?:amount|number|lot|lots|majority|minority|rest|part|share|half|bulk|portion|percent)$/i;
// Pronouns, and the quantifiers that stand alone as one ("many will be released").
const NOT_A_SUBJECT = pronounWord('this that which who what one some all each both many most more others?');
// "A symphony that was believed lost": a subject holding a verb of its own is a clause, not a noun phrase.
const VERB_WORD =
  /^(?:is|are|was|were|be|been|being|has|have|had|will|would|shall|can|could|may|might|must|do|does|did|which|who|whose)$/i;
// Verbs whose patient is better told after "on": "Debate on the bill", "Vote on the motion".
const ON_VERBS = /^(?:debate|vote|rule|decide)$/;
// Verbs whose passive subject is a side or a venue, never the occasion's object: "the match will be played".
const NOT_AN_OBJECT =
  /^(?:play|face|host|race|meet|convene|gather|strike|walk|sit|reconvene|start|begin|return)$/;

/**
 * "The final list of approved candidates will be released on March 17" gives "Release of the final
 * list of approved candidates": a passive scheduling verb whose subject is a plain noun phrase (no
 * event noun at its head, no name) names the event by the action and what it is done to. Null when
 * the subject is an event already ("The hearing will be held"), a name, a pronoun or a clause.
 */
export function passiveTitle(clause: string, at: number): EventTitle | null {
  const before = clause.slice(0, at);
  const match = PASSIVE.exec(before);
  if (!match) return null;
  const [, modal = '', participle = '', between = ''] = match;
  if (between.trim().split(/\s+/).filter(Boolean).length > MAX_WORDS_TO_DATE) return null;
  const found = nominalOf(participle, true);
  if (!found || NOT_AN_OBJECT.test(found.stem)) return null;
  const lead = before.slice(0, match.index);
  const opening = SUBJECT_START.exec(lead)?.[0] ?? '';
  const words = lead.slice(opening.length).split(/\s+/).filter(Boolean);
  const first = words.findIndex((w) => !DETERMINER.test(w));
  const core = first < 0 ? [] : words.slice(first);
  if (
    // "The bridge will be closed": a one-word subject is told before the action ("Bridge closure").
    core.length < 2 ||
    words.length > MAX_SUBJECT_WORDS ||
    NOT_A_SUBJECT.test(core[0] ?? '') ||
    core.some((w) => !/^[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u.test(w) || VERB_WORD.test(w)) ||
    // "The petition challenging the deal": a participle opens a clause inside the subject.
    core.some((w, i) => i > 0 && /^\p{Ll}+ing$/u.test(w))
  )
    return null;
  // "The list of nominated candidates": the head is the word before the complement.
  const complement = core.findIndex((w) => /^(?:of|for)$/i.test(w));
  const head = complement > 0 ? core[complement - 1] : core.at(-1);
  // "The motion will be debated", "the appeal will be decided": what is debated or decided is another
  // occasion than the debate, even when it is an event noun itself.
  const occasion = isEventNoun(head) && !ON_VERBS.test(found.stem);
  if (!head || !/^\p{Ll}[\p{Ll}'’-]*$/u.test(head) || occasion || QUANTITY.test(head)) return null;
  // "agreements, and contracts is to be heard": a plural head with "is" is the end of a longer subject.
  const plural = /[^s]s$/.test(head);
  if ((/^is\b/.test(modal) && plural) || (/^are\b/.test(modal) && !plural)) return null;
  // "The Union Budget will be presented", "the JKIA – Adani deal": a name is the event's own; only the
  // capital of a sentence's or a line's first word is no name ("Electoral symbols will be allotted").
  const opensLine = first === 0 && /^\s*(?:[-–—•]\s*)?$/.test(opening);
  const named = core
    .slice(0, complement > 0 ? complement : core.length)
    .some((w, i) => isNameWord(w) && !(i === 0 && opensLine && /^\p{Lu}\p{Ll}+$/u.test(w)));
  if (named) return null;
  const article = first > 0 && /^the$/i.test(words[first - 1] ?? '') ? 'the ' : '';
  const preposition = ON_VERBS.test(found.stem) ? 'on' : 'of';
  return {
    title: `${found.noun} ${preposition} ${article}${lowerFirst(core.join(' '))}`,
    head: found.noun.toLowerCase(),
  };
}

/** The phrase with its first letter lowered unless it is an acronym ("Electoral symbols" opening a line). */
function lowerFirst(phrase: string): string {
  return /^\p{Lu}\p{Ll}/u.test(phrase) ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
}
