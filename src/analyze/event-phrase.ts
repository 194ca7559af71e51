// The noun phrase of an event: the event nouns, the words of a phrase around one, and its tokens.
import { isNameWord, MONTH, MONTH_OR_DAY } from './event-naming.ts';
import { pronounWord } from './subject-words.ts';

/** Nouns that name an occurrence or a deadline: what a title is built around. */
export const EVENT_NOUNS = new Set(
  (
    'wedding ' +
    'meeting meetings talks summit conference vote votes voting hearing hearings trial trials match matches ' +
    'launch deadline session sessions sitting briefing ceremony signing election elections referendum visit ' +
    'forum final semi-final semifinal quarter-final quarterfinal race marathon game games debate negotiations ' +
    'dialogue conversation conversations sentencing sentence appeal consultation congress tournament festival ' +
    'fest vigil protest rally strike strikes walkout stoppage inquiry inquest auction opening reopening ' +
    'premiere release flight landing decision ruling verdict judgment judgement draw assembly meet play-off ' +
    'playoff derby review presentation announcement dinner lunch banquet reception gala concert show gig ' +
    'exhibition expo fair parade demonstration shutdown ballot primary caucus runoff by-election poll polls ' +
    'polling inauguration funeral memorial celebration commemoration workshop seminar webinar hackathon ' +
    'convention symposium tour round test fixture leg stage qualifier championship cup kick-off kickoff ' +
    'address speech survey budget phase counting presale sale results dividend payment nominations ' +
    'completion closing notice album single film movie screening listing offering ipo agm egm ' +
    'publication report statement arraignment deposition plenary sittings day term mission date cut-off directions ' +
    'class masterclass recess earnings campaigning applications closure closures lecture keynote debut ' +
    'registration scrutiny withdrawal motion trading campaign'
  ).split(' '),
);

// Words a title never starts or ends with.
const EDGE_STOPS = new Set(
  (
    'a an the this that these those its their his her our my your of on in at for to and or with by from will ' +
    'would shall is are was were be been being has have had also then now which who when where while as than ' +
    'said says after before until till during about into over under'
  ).split(' '),
);

// Words that end a noun phrase on its left: verbs and function words.
export const LEFT_STOP =
  /^(?:the|a|an|and|or|but|of|on|in|at|for|to|with|by|from|will|would|shall|is|are|was|were|be|been|has|have|had|said|says|that|which|who|its|their|his|her|our|as|than|while|also|then|another|other|each|every|such|day|days|week|weeks|later|[a-z]+ed|[a-z]+ing|\p{Ll}+ly)$/u;

// After an event noun, a complement carries on with "of" or "for": "meeting of her cabinet", "Counting of votes".
export const COMPLEMENT = /^(?:of|for)$/;

// Deliberations take what they are about after "on": "the vote on the second reading", "a hearing on the
// bail plea", "a referendum on independence"; "the hearing on Thursday", "talks on the sidelines" are not.
const TOPIC_HEAD =
  /^(?:votes?|voting|debates?|hearings?|referendums?|talks|negotiations|consultations?|rulings?|decisions?|inquiry|inquiries|reviews?|motions?|briefings?)$/i;
const NOT_TOPIC = /^(?:day|days|eve|sidelines|margins|weekend|week|same|following|next|previous|last)$/i;
const ORDINAL_WORD = /^(?:first|second|third|fourth|fifth|final|\d{1,2}(?:st|nd|rd|th))$/i;

/** "on" at `k` opens what the deliberation before it is about ("vote on the third reading"), not a day. */
export function isTopicOn(words: Token[], k: number): boolean {
  if (!/^on$/i.test(words[k]?.text ?? '') || !TOPIC_HEAD.test(words[k - 1]?.text ?? '')) return false;
  let at = /^(?:the|a|an|its|their|his|her)$/i.test(words[k + 1]?.text ?? '') ? k + 2 : k + 1;
  // "on the second reading", not "on the second day".
  if (ORDINAL_WORD.test(words[at]?.text ?? '') && !isDateWordAt(words, at)) at++;
  const after = words[at]?.text ?? '';
  return (
    after !== '' &&
    // "decisions on rejecting or accepting": a gerund opens a clause, not a topic.
    !(at === k + 1 && /ing$/i.test(after)) &&
    !MONTH_OR_DAY.test(after) &&
    !NOT_TOPIC.test(after) &&
    !/^\d/.test(after) &&
    !isComplementEnd(after)
  );
}

/** A title and the event noun it was built around (null when none was found). */
export interface EventTitle {
  title: string;
  head: string | null;
}

/** A pronoun, negation or subordinating word: the left edge of an event's phrase. */
export const PRONOUN_WORD = pronounWord(
  'not no after before until since during if unless although though because whether citing',
);

export interface Token {
  text: string;
  start: number;
  /** A colon, bracket or dash stands between this word and the one before it. */
  broken?: boolean;
}

export function tokenize(clause: string): Token[] {
  let end = 0;
  return [...clause.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.&-]*\+?/gu)].map((m) => {
    const broken = /[:;()[\]–—]/u.test(clause.slice(end, m.index));
    end = m.index + m[0].length;
    return {
      text: m[0].replace(/[.’']+$/u, (tail) => (/^\p{Lu}\.$/u.test(m[0]) ? tail : '')),
      start: m.index,
      broken,
    };
  });
}

export function isEventNoun(word: string | undefined): boolean {
  if (!word) return false;
  // "March" with a capital is the month; "May" is never a noun here.
  if (word === 'March' || word === 'May') return false;
  // A named council or committee is a meeting: "the NATO-Russia Council".
  if (/^(?:Council|Committee|Commission|Assembly|Conference|Forum)$/.test(word)) return true;
  const lower = word.toLowerCase();
  // "pre-sale", "on-sale": a compound is the kind of its last part (not a "pre-match" briefing, an adjective).
  const last = /^(?:pre|on|re)-\p{Ll}+$/u.test(lower) ? lower.slice(lower.indexOf('-') + 1) : lower;
  return EVENT_NOUNS.has(last) || (last.endsWith('s') && EVENT_NOUNS.has(last.slice(0, -1)));
}

export function headOf(token: Token | undefined): string | null {
  return token ? token.text.toLowerCase().replace(/s$/, '') : null;
}

/** Words between "of"/"for" and the noun of its complement: articles, ordinals, names, adjectives ("the 12th Pacific", "the interim"). */
export function isInComplement(word: string): boolean {
  return (
    (/^\p{Ll}+$/u.test(word) && word.length > 3 && !LEFT_STOP.test(word) && !isEventNoun(word)) ||
    /^(?:the|a|an|its|their|this|next|first|second|third|fourth|fifth|final|last|\d{1,3}(?:st|nd|rd|th))$/i.test(
      word,
    ) ||
    isNameWord(word)
  );
}

/** The noun at `i` with up to three modifiers before it and an "of"/"for" complement after. */
export function phraseAround(words: Token[], i: number): string {
  const noun = words[i];
  if (!noun) return '';
  // A name in capitals holding the noun is the title: "ASEAN-GCC-China Summit", "Rugby Championship".
  if (/^\p{Lu}/u.test(noun.text)) {
    let from = i;
    while (
      from > 0 &&
      !words[from]?.broken &&
      /^[\p{Lu}\p{N}]/u.test(words[from - 1]?.text ?? '') &&
      !isDateWordAt(words, from - 1) &&
      !EDGE_STOPS.has((words[from - 1]?.text ?? '').toLowerCase()) &&
      i - from < 5
    )
      from--;
    if (from < i)
      return words
        .slice(from, i + 1)
        .map((w) => w.text)
        .join(' ');
  }
  // "snap (special) elections": a gloss in brackets between a modifier and its noun is passed over.
  if (isGlossAt(words, i - 1))
    return phraseAround([...words.slice(0, i - 1), { ...noun, broken: false }, ...words.slice(i + 1)], i - 1);
  let from = i;
  // "Tenerife (Canary Islands, Spain): two flights": modifiers do not reach over a colon or a bracket.
  while (from > 0 && i - from < 3 && !words[from]?.broken && isModifierAt(words, from - 1)) from--;
  let to = i;
  const stage = STAGE_AFTER.exec(
    words
      .slice(i + 1, i + 5)
      .map((w) => w.text)
      .join(' '),
  );
  if (NUMBERED.test(words[i + 1]?.text ?? '')) to = i + 1;
  // "Voting in the second phase": a numbered stage after the noun says which.
  else if (stage) to = i + stage[0].split(' ').length;
  else if (COMPLEMENT.test(words[i + 1]?.text ?? '') || isTopicOn(words, i + 1)) {
    to = i + 1;
    while (
      to + 1 < words.length &&
      to - i < 7 &&
      !isComplementEndAt(words, to + 1) &&
      // "job action adding escalation": a participle after the complement's noun opens a clause of its
      // own; right after "for" it is the complement ("the last date for filing of appeals").
      // "the second reading": after an ordinal it is a noun.
      !(
        to > i + 1 &&
        /^\p{Ll}+ing$/u.test(words[to + 1]?.text ?? '') &&
        !ORDINAL_WORD.test(words[to]?.text ?? '')
      )
    ) {
      to++;
      // "of the vote", "for the first phase": the complement ends on its own event noun.
      if (isEventNoun(words[to]?.text) && !isNameWord(words[to + 1]?.text ?? '')) break;
    }
    // "... of the Appropriation Bill": a name the length cut in two is finished.
    for (let n = 0; n < 2 && to - i >= 7 && isNameWord(words[to]?.text ?? ''); n++) {
      if (!isNameWord(words[to + 1]?.text ?? '') || words[to + 1]?.broken) break;
      to++;
    }
    while (to > i && EDGE_STOPS.has((words[to]?.text ?? '').toLowerCase())) to--;
  }
  return words
    .slice(from, to + 1)
    .map((w) => w.text)
    .join(' ');
}

/** One lower-case word set off on both sides ("snap (special) elections") after a modifier of the noun. */
function isGlossAt(words: Token[], k: number): boolean {
  const gloss = words[k];
  return (
    k > 0 &&
    gloss?.broken === true &&
    words[k + 1]?.broken === true &&
    /^\p{Ll}+$/u.test(gloss.text) &&
    !words[k - 1]?.broken &&
    isModifierAt(words, k - 1)
  );
}

/** A word of a date at `k`: "9th" beside a month is one, "the 9th session" is not. */
export function isDateWordAt(words: Token[], k: number): boolean {
  const word = words[k]?.text ?? '';
  if (!MONTH_OR_DAY.test(word)) return false;
  if (!/^\d{1,3}(?:st|nd|rd|th)$/i.test(word)) return true;
  return [words[k - 1]?.text, words[k + 1]?.text].some((w) => MONTH.test(w ?? '') || /^of$/i.test(w ?? ''));
}

/** A modifier at `k`, before the noun: not a verb after a modal ("will give employers notice"), not a date. */
function isModifierAt(words: Token[], k: number): boolean {
  const word = words[k]?.text ?? '';
  if (MODAL.test(words[k - 1]?.text ?? '')) return false;
  // "the opening session", "the closing ceremony": the first or last of a kind, told before its noun.
  if (/^(?:opening|closing)$/i.test(word) && isEventNoun(words[k + 1]?.text)) return true;
  if (/^\d{1,3}(?:st|nd|rd|th)$/i.test(word)) return !isDateWordAt(words, k);
  return isModifier(word);
}

// "a majority vote on the issue this week": the time of the saying ends the complement.
const TIME_UNIT = /^(?:week|weekend|month|year|morning|afternoon|evening|season|term|session)$/i;

function isComplementEndAt(words: Token[], k: number): boolean {
  const word = words[k]?.text ?? '';
  if (/^(?:this|next|last)$/i.test(word) && TIME_UNIT.test(words[k + 1]?.text ?? '')) return true;
  return /^\d{1,3}(?:st|nd|rd|th)$/i.test(word) ? isDateWordAt(words, k) : isComplementEnd(word);
}

function isModifier(word: string): boolean {
  if (ADJECTIVE_LY.test(word)) return true;
  return (
    word.length > 0 && !LEFT_STOP.test(word.toLowerCase()) && !MONTH_OR_DAY.test(word) && !/^\d+$/.test(word)
  );
}

// Adjectives that end like adverbs and say which kind of event ("early voting", "a friendly match",
// "quarterly results"), where the "-ly" words LEFT_STOP stops at say how. A frequency ("daily flights")
// says how often, not which: it stays out, so "Flights" can still take who flies them.
const ADJECTIVE_LY = /^(?:early|quarterly|friendly)$/i;

function isComplementEnd(word: string): boolean {
  return (
    MONTH_OR_DAY.test(word) ||
    /^(?:on|at|in|from|until|till|by|will|would|is|are|was|were|which|who|that|and|but|when|where|after|before|said|says)$/i.test(
      word,
    )
  );
}

const STAGE_AFTER =
  /^in (?:the )?(?:first|second|third|fourth|fifth|final|last|opening|\d{1,2}(?:st|nd|rd|th)) (?:stage|phase|round|leg|part|session)\b/i;

// "round one", "stage 3", "day two": a numbered part names itself.
export const NUMBERED = /^(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i;

export const MODAL = /^(?:will|would|shall|to|must|can|could|may|might)$/i;

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
