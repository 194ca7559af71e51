// A deadline named by what must be done by then: "has until March 18 to rule on the complaint" gives
// "Deadline to rule on the complaint", "hospitals must submit their staffing plans by March 20"
// gives "Deadline for hospitals to submit their staffing plans". "Deadline" alone says not which.
import { isNameWord, MAX_TITLE_WORDS, MONTH_OR_DAY } from './event-naming.ts';
import type { EventTitle } from './event-phrase.ts';
import { pronounWord, subjectStart } from './subject-words.ts';

// "X has until", "has given the union until", "will have up to": a time limit ending at the date.
const HAS_UNTIL =
  /\b(?:has|have|had|having|given|gave|give|gives|giving)\s+(?:(\S+(?:\s+\S+){0,5}?)\s+)?(?:until|till|up\s+to)\s+(?:\S+\s+){0,3}$/i;
// What is to be done by then, after the date: "Friday to accept the revised offer".
const TO_ACT = /^\S+(?:\s+\S+){0,4}?\s+to\s+(\p{Ll}+)\b((?:[^,;.!?]|,(?=\d{3}))*)/u;
// "must submit their staffing plans by", "needs to enact measures ... by": an obligation met by the date.
const MUST_BY =
  /\b(?:must|need\s+to|needs\s+to|has\s+to|have\s+to|had\s+to|(?:is|are)\s+(?:required|obliged)\s+to)\s+(\p{Ll}+)\b([^.;!?]{0,80}?)\s+(?:by|before)\s+(?:this\s+|next\s+)?$/u;
// Where the subject of the obligation starts: besides the saying verbs, the verbs of belief and
// warning that report an obligation ("insists the government must").
const SUBJECT_START = subjectStart({
  words: 'and while say adds warned warns insisted insists believe believes expect expects noted notes',
});

// Verbs that say nothing of what is to be done ("must do so", "has until Friday to be").
const EMPTY_VERB = /^(?:do|be|get|go|make|have|come|act|decide|respond|reply|answer|comply)$/;
// The particle of a phrasal verb stays with it ("call off its ban").
const PARTICLE = /^(?:off|out|up|down|back|in|over)$/i;
// A preposition right after the verb is its complement ("rule on the complaint"), later one ends the object.
const COMPLEMENT_PREPOSITION = /^(?:on|for|with|against|to|from|into)$/i;
const OBJECT_END =
  /^(?:at|in|on|by|before|after|with|from|of|for|to|or|and|but|so|such|as|if|when|while|which|who|than|until|till|during|including|under|over|because|else|otherwise|between|among|across|about|through|into|within|without|amid|around|near|towards?)$/i;
// An object pronoun ends a deadline's object too ("to rule on it").
const PRONOUN = pronounWord('who which one him them us me');
const MAX_OBJECT_WORDS = 5;
const MAX_SUBJECT_WORDS = 3;

/** "to accept the revised offer, or ..." gives "accept the revised offer": the verb with its object. */
export function actionPhrase(verb: string, rest: string): string | null {
  if (EMPTY_VERB.test(verb)) return null;
  const words = [verb];
  const written = rest.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < written.length && words.length <= MAX_OBJECT_WORDS; i++) {
    const raw = written[i] ?? '';
    const text = raw.replace(/[,;:.!?)"”’]+$/u, '');
    if (i === 0 && (PARTICLE.test(text) || COMPLEMENT_PREPOSITION.test(text))) {
      words.push(text);
      continue;
    }
    const date = MONTH_OR_DAY.test(text);
    if (!text || OBJECT_END.test(text) || PRONOUN.test(text) || date) break;
    words.push(text);
    // "2,140 valid signatures, the number needed": a comma ends the object.
    if (text !== raw) break;
  }
  while (words.length > 1 && TRAILING.test(words.at(-1) ?? '')) words.pop();
  return words.join(' ');
}

const TRAILING = /^(?:the|a|an|its|their|his|her|our|that|this|on|for|with|to|off|out|up)$/i;

/** Who must act, when it is a short noun phrase ("the defense", "Greece"), else null. */
function subjectOf(lead: string): string | null {
  const opening = SUBJECT_START.exec(lead)?.[0] ?? '';
  const words = lead
    .slice(opening.length)
    .split(/\s+/)
    .filter(Boolean)
    .filter((w, i) => !(i === 0 && /^(?:all|now)$/i.test(w)));
  while (words.length > 0 && /^(?:now|also|still|only)$/i.test(words.at(-1) ?? '')) words.pop();
  if (words.length === 0 || words.length > MAX_SUBJECT_WORDS || PRONOUN.test(words[0] ?? '')) return null;
  if (/^(?:this|that)$/i.test(words[0] ?? '')) return null;
  if (words.some((w) => !/^[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.test(w))) return null;
  // "Health Minister Darren Pike": a person's name is who speaks, not whom a deadline is set for.
  if (words.length > 1 && words.every((w) => isNameWord(w))) return null;
  // A sentence's capital is no name's: "The respondents", "Delegations have until".
  const [first = '', ...rest] = words;
  const opensSentence = opening.trim() === '' && lead.trim().startsWith(first);
  const common =
    /^the$/i.test(first) || (opensSentence && /^\p{Lu}\p{Ll}+[^s]s$/u.test(first) && rest.length === 0);
  return [common ? first.toLowerCase() : first, ...rest].join(' ');
}

/** The title "Deadline for WHO to DO WHAT", shortened to "Deadline to DO WHAT" when too long. */
function deadlineOf(action: string, who: string | null): EventTitle {
  const full = who ? `Deadline for ${who} to ${action}` : '';
  const title = full && full.split(/\s+/).length <= MAX_TITLE_WORDS ? full : `Deadline to ${action}`;
  return { title, head: 'deadline' };
}

/**
 * The deadline a clause sets at its date: a time limit ("the board has until March 18 to rule on
 * the complaint") or an obligation ("hospitals must submit their plans by March 20"), named by
 * what is to be done; null when the clause sets none or says nothing of what ("must do so by").
 */
export function deadlineTitle(clause: string, at: number): EventTitle | null {
  const before = clause.slice(0, at);
  const limit = HAS_UNTIL.exec(before);
  if (limit) {
    const act = TO_ACT.exec(clause.slice(at));
    const action = act ? actionPhrase(act[1] ?? '', act[2] ?? '') : null;
    if (!action) return null;
    // "has given the union until": the one given the time; "the board ... has until": the subject.
    const given = /^(?:given|gave|give|gives|giving)$/i.test(limit[0].trim().split(/\s+/)[0] ?? '');
    const who = given ? subjectOf(limit[1] ?? '') : subjectOf(before.slice(0, limit.index));
    return deadlineOf(action, who);
  }
  const must = MUST_BY.exec(before);
  if (!must) return null;
  const action = actionPhrase(must[1] ?? '', must[2] ?? '');
  return action ? deadlineOf(action, subjectOf(before.slice(0, must.index))) : null;
}
