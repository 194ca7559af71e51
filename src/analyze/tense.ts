const FUTURE =
  /\b(?:will|would|shall|'ll|is to|are to|to be held|set to|due|(?<!\b(?:a|the|its|their)\s)scheduled|expected|planned|set for|slated|is set|are set|poised|plans? to|intends? to|going to|must|next|upcoming|until|deadline|tomorrow|can|could|may|hopes? to|aims? to|closes|opens|begins|starts|runs|kicks?[- ]off)\b/i;
const PAST =
  /\b(?:was|were|had|did|said|told|announced|held|met|took|fell|rose|won|lost|set|began|came|went|made|gave|saw|left|ran|led|beat|hit|sold|paid|kept|got|became|broke|chose|drew|fought|found|grew|knew|meant|shot|spent|stood|struck|swept|threw|wrote|spoke|sat|flew|fled|sank|rang|sang|drove|rode|woke|wore|tore|froze|stole|bought|brought|caught|taught|thought|sought|felt|dealt|built|sent|lent|shook|forgot|hid|bit|overtook|withdrew|underwent|last|ago|earlier|yesterday|since|[a-z]{3,}ed)\b|\b(?:has|have)\s+(?:not\s+|already\s+|now\s+)?(?:[a-z]{3,}ed|been|cut|put|hit|set|shut|left|lost|won|paid|sold|told|said|made|had|taken|given|seen|done|gone|fallen|risen|broken|spoken|written)\b/i;

// "was postponed to Tuesday": a past verb that announces a future date.
const RESCHEDULED =
  /\b(?:postponed|delayed|moved|rescheduled|pushed back|put off|adjourned|brought forward|deferred)\s+(?:to|until|till|for)\s+$/i;

const TODAY_AT = /^(?:later\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))\b/i;
const REPORTED_FOR_TODAY =
  /\bhad\s+(?:\p{Ll}+ly\s+)?(?:said|confirmed|announced|indicated|told|promised|stated|revealed|disclosed)\b[^.;]*\bwould\b[^.;]*$/iu;
const SPAN_END = /\b(?:until|till)\b/gi;
const PRESENT_COPULA = /\b(?:is|are)\s+(?:now\s+|still\s+)?(?:from|on|for)?\s*$/i;

const REPORTING_AFTER =
  /^(?:said|announced|told|confirmed|reported|revealed|unveiled|published|released|issued|approved|voted|decided|agreed|declared|disclosed|added|stated|wrote|held|met)$/;
// Not "the last date was set as Oct 4" or "the hearing was set for March 20": those announce.
// "which would have affected trains ... from 3pm on Thursday": what would have been, and is not.
const DROPPED_PLAN =
  /\b(?:would\s+have\s+(?!to\b)(?:been\s+)?\p{Ll}+(?:ed|en|un|eld|ld|ne)\b|had\s+been\s+(?:originally\s+|initially\s+)?(?:due|scheduled|set|expected|planned|supposed|meant|slated)|(?:was|were)\s+(?:originally|initially)\s+(?:due|scheduled|set|expected|planned|slated)|(?:was|were)\s+(?:supposed|meant|due)\s+to|(?:was|were)\s+to)\b[^,;.]*$/iu;
// "On Wednesday (June 21), the singer unveiled ...": a day opening the sentence takes the main verb's tense.
const OPENING_DAY = /^\s*(?:on|by|at|in|from)?\s*(?:\p{Lu}\p{Ll}+day\s*\(\s*)?$/iu;
const MAIN_PAST =
  /^[^,]{0,40},\s+(?:[\p{L}'’-]+\s+){1,4}?(said|announced|told|confirmed|unveiled|revealed|published|released|reported|issued|approved|decided|agreed|held|met|stated)\b/u;

// "The court on Thursday put off the hearing", "The High Court today fixed new dates": a day between
// the subject and its verb, the verb in the past (a plan's participle, "scheduled", is no such verb).
const SUBJECT_DAY =
  /^(?:on\s+)?(?:today|tonight|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*(?:\s+\d{4})?)(?:\s+(?:morning|afternoon|evening|night))?(?:\s*\([^()]{1,30}\))?\s+(?!(?:scheduled|expected|planned|slated|proposed|set\s+(?:for|to))\b)(?:[a-z]{3,}ed|put|set|cut|shut|hit|let|quit|held|met|took|gave|made|sent|told|won|lost|ran|began|fell|rose|struck|broke|kept|sought|brought|heard|found|chose|left|paid|sold|laid)\b/i;
// "Speaking to reporters on Friday, the minister said", "Addressing the House today, 19th July 2024, she
// disclosed": a day in an opening participle takes the tense of the main verb after it.
const PARTICIPLE_OPENING = /^\s*(?:while\s+|when\s+|after\s+)?\p{Lu}\p{Ll}+ing\b[^,;:]*$/u;
const MAIN_VERB_PAST =
  /^[^;:]{0,60}?,\s+(?:[\p{L}'’.-]+,?\s+){1,10}?(?:said|told|announced|confirmed|disclosed|revealed|stated|added|noted|explained|insisted|warned|urged|argued|promised|pledged|vowed|declared|[a-z]{3,}ed)\b(?!\s*,\s*(?:will|would|shall|is|are|was)\b)/u;
// "At the Conciliation Board sitting on Monday, the Chairman ... said", "During talks in Oslo on Friday,
// the ministers agreed": a day in an opening phrase of place or occasion takes the main verb's tense.
const OPENING_ADJUNCT =
  /^\s*(?:at|during|in|after|following)\s+(?!(?:the\s+)?(?:next|coming|upcoming|following)\b)[^,;:()]{0,60}?\s(?:(?:on|last)\s+)?$/iu;

/** The main clause after an opening phrase is in the past, with no word of a plan before its verb. */
function isMainVerbPast(after: string): boolean {
  const main = MAIN_VERB_PAST.exec(after)?.[0];
  return main !== undefined && !FUTURE.test(main);
}
const MODAL_BEFORE = /\b(?:will|would|shall|must|can|could|may|might|to|is|are|be)\s+(?:on\s+)?$/i;

// "failed to form a government in the 42 days given to him until Wednesday midnight": a wait told in the
// past, unless a plan is told with it or the day is a deadline to act ("until Friday to decide").
const UNTIL_BEFORE = /\b(?:until|till)\s+$/i;
const PLAN_WORD =
  /\b(?:will|would|shall|'ll|is to|are to|set to|due|scheduled|expected|planned|plans? to|going to|must|next|upcoming|tomorrow|can|could|may|has|have)\b/i;
const TO_ACT_AFTER = /^[^,;.]{0,30}?\s+to\s+\p{Ll}+/u;

function isPastWait(before: string, after: string): boolean {
  return PAST.test(before) && !PLAN_WORD.test(before) && !TO_ACT_AFTER.test(after);
}

const PRESENT_REASON =
  /\b(?:as|because|since)\s+(?:he|she|it|they|we|i|you|the\s+\p{L}+|\p{Lu}\p{L}+)\s+(?:has|have|is|are|faces?|holds?|plays?|meets?)\b[^,;]*$/u;
const PAST_PURPOSE =
  /\b(?:was|were)\s+(?!(?:set|due|expected|scheduled|going|about|poised|ready|slated|planning|hoping|supposed|meant|to)\b)(?:[\p{L}-]+\s+){1,3}to\s+\p{Ll}+\s+(?:in|on|at|for)\s+$/u;
const INFINITIVE_BEFORE = /\bto\s+[a-z]+\s+(?:in|on|at|for)\s+$/i;
const VERB_RIGHT_BEFORE =
  /\b(?:[a-z]{3,}ed|began|begun|met|held|took place|lasted|ran|came|went|fell|rose|won|lost|sat|spoke|broke|struck)\s+(?:on\s+|until\s+|till\s+|since\s+)?$/i;
// "is scheduled Tuesday", "will be released on Friday", "expected on Monday": the participle of a plan.

const PLANNED_PARTICIPLE =
  /\b(?:(?:is|are|be|been|being|'s)\s+(?:[a-z]+ly\s+)?[a-z]+|scheduled|expected|planned|slated|set|due|postponed|delayed|moved|rescheduled|deferred|adjourned|pushed back|brought forward)\s+(?:on\s+|until\s+|till\s+|since\s+)?$/i;
/** "Alex Salmond was to complete a tour tomorrow", "had been due to hold the vote": a plan that no longer stands. */
export function isDroppedPlan(sentence: string, at: number): boolean {
  return DROPPED_PLAN.test(sentence.slice(0, at));
}

// "Adelaide United hosts Sydney FC", "President Kais Saied", "the Associated Press": a capitalised
// word ending in -ed after the sentence's first word is a name, not a past verb.
const NAME_IN_ED = /(?<=[\p{L}\p{N},;:'’)]\s+)(\p{Lu}\p{Ll}+)ed\b/gu;

/** The text with the "ed" of each such name blanked, offsets kept. */
function maskNamesInEd(text: string): string {
  return text.replace(NAME_IN_ED, (_all, stem: string) => `${stem}  `);
}

/**
 * Whether the words around a position speak of the past ("said on Monday", "collapsed on
 * February 21"): the clause decides first, then the whole sentence. Future wording wins.
 */
export function isPastTense(text: string, at: number): boolean {
  const sentence = maskNamesInEd(text);
  const before = sentence.slice(0, at);
  // "The Supreme Court Thursday said", "but on Monday announced": the verb right after the day tells.
  const next =
    /^[\p{L}\p{N} .,]{0,24}?(?:\s*\([^()]{1,30}\),?)?\s(\p{Ll}+)/u.exec(sentence.slice(at))?.[1] ?? '';
  if (REPORTING_AFTER.test(next)) return true;
  if (SUBJECT_DAY.test(sentence.slice(at)) && !MODAL_BEFORE.test(before)) return true;
  if (OPENING_DAY.test(before) && MAIN_PAST.test(sentence.slice(at))) return true;
  if (PARTICIPLE_OPENING.test(before) && MAIN_VERB_PAST.test(sentence.slice(at))) return true;
  if (OPENING_ADJUNCT.test(before) && isMainVerbPast(sentence.slice(at))) return true;
  // "had been due to hold the vote later on Tuesday": a plan that was, and was dropped.
  if (DROPPED_PLAN.test(before)) return true;
  // "Earlier in the day, the commissioner had confirmed the schedule would be announced tonight": what
  // a past report said of today has happened by the time the story tells it.
  if (TODAY_AT.test(sentence.slice(at)) && REPORTED_FOR_TODAY.test(before)) return true;
  // The verb right before the date decides first: "insisted on Friday", "had been scheduled for".
  // Four words reach past an adverb: "was originally scheduled for".
  const left = /(?:\S+\s+){0,4}$/.exec(before.slice(-48))?.[0].split(/[,;—]/).pop() ?? '';
  if (RESCHEDULED.test(left)) return false;
  // "The new dates added today are from May 4 to 6", "the deadline set last week is March 3": the
  // present copula right before the day says what the day is, whatever was done before.
  if (PRESENT_COPULA.test(left)) return false;
  // "was given until Friday to decide": a deadline to act is still to come.
  if (UNTIL_BEFORE.test(left) && TO_ACT_AFTER.test(sentence.slice(at))) return false;
  // "services that began Tuesday": a past verb right before the day dates what happened.
  if (VERB_RIGHT_BEFORE.test(left) && !PLANNED_PARTICIPLE.test(left)) return true;
  if (/\b(?:had|was|were|did)\b/i.test(left)) return true;
  if (UNTIL_BEFORE.test(left) && isPastWait(before, sentence.slice(at))) return true;
  if (FUTURE.test(left)) return false;
  const clauseFrom = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('—')) + 1;
  // "must submit proposed jury instructions the day before": a modal earlier in the clause makes "proposed" no verb.
  if (/\b(?:will|shall|must)\b/i.test(before.slice(clauseFrom))) return false;
  if (PAST.test(left)) return true;
  const clauseBefore = before.slice(clauseFrom);
  // "requested an adjournment as he has a hearing before another bench today": a reason in the present.
  if (PRESENT_REASON.test(clauseBefore) && !PAST.test(PRESENT_REASON.exec(clauseBefore)?.[0] ?? ''))
    return false;
  // "The band, who were home to perform in Sunday's fundraiser": a purpose told in the past.
  if (PAST_PURPOSE.test(clauseBefore)) return true;
  // "the right to vote in Tuesday's election": an infinitive right before the day looks ahead,
  // whatever the narrator's verb of saying.
  if (INFINITIVE_BEFORE.test(left)) return false;
  const afterCut = sentence.slice(at).search(/[,;—]/);
  // "went berserk ... from Sunday noon until evening": an "until" after the day ends its span, and
  // says nothing of what is to come.
  const spanned = sentence.slice(0, at) + sentence.slice(at).replace(SPAN_END, (w) => ' '.repeat(w.length));
  const clause = spanned.slice(clauseFrom, afterCut >= 0 ? at + afterCut : sentence.length);
  if (FUTURE.test(clause)) return false;
  if (PAST.test(clause)) return true;
  // "Jean Mensa, who made this disclosure at a press briefing in Accra, dubbed ..., on August 17, 2023,
  // indicated that ... would end": the relative clause the day is in tells, not the sentence's future.
  const relative =
    /\b(?:who|which)\s+(?!(?:will|would|shall|is|are|has|have)\b)\p{Ll}+\b(?:(?!\b(?:who|which)\b)[^;])*$/u.exec(
      before,
    );
  if (relative && PAST.test(relative[0]) && !FUTURE.test(relative[0])) return true;
  if (FUTURE.test(spanned)) return false;
  return PAST.test(sentence);
}
