// An occasion moved to its day: "The new ferry timetable has been pushed back to July 1", "Knutsford
// Express Limited's 2021 audited financials have been delayed to September 13". What is moved is the
// occasion, even when the words are no event noun; a later noun ("after the sea trials") is not.
import { tidyTitle } from './event-naming.ts';
import { type EventTitle, isEventNoun } from './event-phrase.ts';
import { pronounWord, SAYING_VERBS } from './subject-words.ts';

const MOVED =
  /\s+(?:has|have|had|is|are|was|were|will\s+be|would\s+be)\s+(?:now\s+|also\s+|again\s+|since\s+)?(?:been\s+)?(?:postponed|rescheduled|delayed|moved|pushed\s+back|put\s+back|brought\s+forward|deferred|shifted|put\s+off)\s+(?:again\s+)?(?:to|till|until|for)\s+(?:the\s+)?$/i;
// "The case, initially scheduled for October 13, has been rescheduled": an aside before the verb.
const ASIDE = /,[^,]*,\s*$/;
// "The minister said the new timetable has been pushed back": the subject starts after the saying. A
// comma does not start it here (subjectStart's would): a subject after one is part of a list or clause.
const SUBJECT_START = new RegExp(
  `^[\\s\\S]*\\b(?:that|${SAYING_VERBS.join('|')}|confirmed|when|once|because|while)\\s+`,
  'iu',
);
// "Meanwhile, the tender ...": an adverb set off before the subject.
const LEAD_ADVERB = /^\s*\p{Lu}\p{Ll}+(?:\s+\p{Ll}+)?,\s*/u;
const OPENER = /^(?:the|a|an|this|that|these|those|its|their|and|but|while|meanwhile)$/i;
const PRONOUN = pronounWord('this that these those which who all both everything');
const MAX_WORDS = 6;

/** The subject of "has been postponed/delayed/moved to DATE" when it is a plain noun phrase; else null. */
export function movedTitle(clause: string, at: number): EventTitle | null {
  const before = clause.slice(0, at);
  const match = MOVED.exec(before);
  if (!match) return null;
  const lead = before.slice(0, match.index).replace(ASIDE, '');
  const start = SUBJECT_START.exec(lead)?.[0].length ?? 0;
  const subject = lead.slice(start).replace(LEAD_ADVERB, '');
  // "stage 2, affecting the underground and SJ traffic, has been postponed": a list or clause, not a noun phrase.
  if (/[,;:–—]/.test(subject)) return null;
  const words = subject.split(/\s+/).filter(Boolean);
  const first = words.findIndex((w) => !OPENER.test(w));
  const core = first < 0 ? [] : words.slice(first);
  if (
    core.length === 0 ||
    core.length > MAX_WORDS ||
    PRONOUN.test(core[0] ?? '') ||
    // "The hearing has been adjourned": an event noun names it by the rules of the noun phrase.
    core.some((w) => isEventNoun(w)) ||
    core.some((w) => !/^[\p{L}\p{N}][\p{L}\p{N}'’.&-]*$/u.test(w))
  )
    return null;
  // "audited accounts for 2024": the head is the word before the complement.
  const complement = core.findIndex((w) => /^(?:of|for)$/i.test(w));
  const head = (complement > 0 ? core[complement - 1] : core.at(-1)) ?? '';
  return { title: tidyTitle(core.join(' ')), head: head.toLowerCase().replace(/['’]s?$/, '') };
}
