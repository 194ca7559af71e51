import { GENERIC_ACTOR } from './event-actor.ts';
import {
  findMatchUp,
  findObjectName,
  findSubjectName,
  isNameWord,
  MONTH_OR_DAY,
  tidyTitle,
} from './event-naming.ts';

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
    'class masterclass recess earnings campaigning applications closure closures lecture keynote debut'
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
const LEFT_STOP =
  /^(?:the|a|an|and|or|but|of|on|in|at|for|to|with|by|from|will|would|shall|is|are|was|were|be|been|has|have|had|said|says|that|which|who|its|their|his|her|our|as|than|while|also|then|another|other|each|every|such|day|days|week|weeks|later|[a-z]+ed|[a-z]+ing|\p{Ll}+ly)$/u;
// After an event noun, a complement carries on with "of" or "for": "meeting of her cabinet", "Counting of votes".
const COMPLEMENT = /^(?:of|for)$/;
const MAX_TITLE_WORDS = 8;

/** A title and the event noun it was built around (null when none was found). */
export interface EventTitle {
  title: string;
  head: string | null;
}

/**
 * The event's name as a noun phrase: a label line ("Phase 1 voting: April 11", "First Test, Lord's,
 * May 17-20"), else the event noun nearest the date with its modifiers and complement ("46th ASEAN
 * Summit", "meeting of her cabinet", "Counting of votes"), else the subject scheduled ("The Union
 * Budget will be presented"), else the action announced ("will vote on ..." gives "Vote").
 */
export function makeTitle(clause: string, at: number): EventTitle {
  const label = labelTitle(clause, at);
  if (label) return label;
  const { title, head } = nameOccasion(clause, at);
  return { title: tidyTitle(title), head };
}

function nameOccasion(clause: string, at: number): EventTitle {
  const words = tokenize(clause);
  let nearest = nearestEventNoun(words, at);
  // "the annual general meeting (AGM)": the noun spelt out names it, not its acronym.
  const noun = words[nearest];
  if (
    noun &&
    /^\p{Lu}{2,}$/u.test(noun.text) &&
    clause.slice(0, noun.start).trimEnd().endsWith('(') &&
    isEventNoun(words[nearest - 1]?.text)
  )
    nearest--;
  // "The panel will meet on Wednesday to rule on last week's match": the verb that governs the date
  // names the event, not a noun told after it.
  const governing = governingAction(clause.slice(0, at));
  const head = words[nearest];
  if (head && !(governing && head.start > at)) {
    const title = { title: capitalize(phraseAround(words, nearest)), head: headOf(head) };
    return nameKind(title, clause, head);
  }
  if (governing) return governing;
  const fixture = matchUp(clause) ?? findMatchUp(clause);
  if (fixture) return { title: fixture, head: 'match' };
  // "Rival Lumen is due to unveil the Quill S": the named thing acted on before the one scheduling it.
  const action = announcedAction(clause);
  if (action?.named) return action;
  const subject = scheduledSubject(clause);
  if (subject) return { title: capitalize(subject), head: null };
  // "They must do so by this Friday", "Respondents must file by Wednesday": a deadline.
  if (DEADLINE_BY.test(clause.slice(0, at)) && OBLIGATION.test(clause))
    return { title: 'Deadline', head: 'deadline' };
  const acted = action ?? presentAction(clause.slice(0, at)) ?? onSale(clause);
  if (acted) return acted;
  const set = SET_FOR.exec(clause.slice(0, at))?.[1];
  if (set) return { title: capitalize(set), head: null };
  return { title: leadingNounPhrase(words), head: null };
}

// Irregular past tenses, which the "-ed" test of LEFT_STOP misses: "the company set the next attempt".
const PAST_VERB =
  /^(?:set|put|made|held|began|took|gave|met|ran|won|lost|got|saw|came|went|left|kept|cut|hit|told|said|sent|brought|spoke|wrote|rose|fell|chose|drew|broke|stood|sat)$/i;
// "The company set the next attempt for Tuesday", "the court fixed the hearing for": what is set is the event.
const SET_FOR =
  /\b(?:set|fixed|scheduled|rescheduled|moved|pushed|slated|pencilled|penciled)\s+(?:back\s+)?(?:the|a|an|its|their)\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)\s+(?:for|to|on)\b[^;]{0,24}$/u;
const NUMBER_WORD =
  /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)$/i;
const PRONOUN_WORD =
  /^(?:he|she|it|they|we|i|you|there|not|no|after|before|until|since|during|if|unless|although|though|because|whether|citing)$/i;
const MATCH_KIND = /^(?:match|game|fixture|derby|clash|contest|tie|encounter|opening)$/;
const BODY = /^(?:Council|Committee|Commission|Assembly|Conference|Forum)$/;

/**
 * A kind of event made to say which: a generic match by its two sides ("Harbour City v Rovers"), a
 * named body by what it will do ("Andean Water Council meeting"), a bare noun by the clause's named
 * subject ("the G7+ group ... will hold talks" gives "G7+ group talks").
 */
function nameKind(title: EventTitle, clause: string, noun: Token): EventTitle {
  if (title.head && MATCH_KIND.test(title.head)) {
    const fixture = matchUp(clause) ?? findMatchUp(clause);
    if (fixture) return { title: fixture, head: 'match' };
  }
  if (BODY.test(noun.text)) {
    const action = announcedAction(clause);
    const kind = action?.head;
    if (kind && !title.title.toLowerCase().includes(kind))
      return { title: `${title.title} ${kind}`, head: kind };
  }
  const bare = title.head !== null && title.title.toLowerCase().replace(/s$/, '') === title.head;
  if (!bare) return title;
  const subject = findSubjectName(clause.slice(0, noun.start));
  if (subject?.kind === 'name' && !subject.text.toLowerCase().includes(title.head ?? ''))
    return { title: `${capitalize(subject.text)} ${title.title.toLowerCase()}`, head: title.head };
  return title;
}

/** The first noun phrase of a clause that names no event: a short phrase, never the sentence's first words. */
function leadingNounPhrase(words: Token[]): string {
  const phrase: string[] = [];
  for (const { text } of words) {
    const stop =
      LEFT_STOP.test(text.toLowerCase()) ||
      MONTH_OR_DAY.test(text) ||
      PRONOUN_WORD.test(text) ||
      PAST_VERB.test(text);
    // Leading function words are skipped ("with a backup"); the phrase ends at the next one.
    if (phrase.length >= 4 || (stop && phrase.length > 0)) break;
    // "Three days after that the spacecraft": a number alone names nothing.
    if (!stop && !NUMBER_WORD.test(text)) phrase.push(text);
  }
  return phrase.length > 0 ? capitalize(phrase.join(' ')) : 'Event';
}

interface Token {
  text: string;
  start: number;
}

function tokenize(clause: string): Token[] {
  return [...clause.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.&-]*\+?/gu)].map((m) => ({
    text: m[0].replace(/[.’']+$/u, (tail) => (/^\p{Lu}\.$/u.test(m[0]) ? tail : '')),
    start: m.index,
  }));
}

function isEventNoun(word: string | undefined): boolean {
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

function headOf(token: Token | undefined): string | null {
  return token ? token.text.toLowerCase().replace(/s$/, '') : null;
}

/** The event noun closest to the date, preferring one before it; of adjacent ones, the last ("final vote"). */
function nearestEventNoun(words: Token[], at: number): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  words.forEach((w, i) => {
    if (
      !isEventNoun(w.text) ||
      (isEventNoun(words[i + 1]?.text) && !/^(?:dates?|days?)$/i.test(words[i + 1]?.text ?? ''))
    )
      return;
    // "held via video conference", "by phone call": a noun after "via" is the means, not the event.
    if (MEANS.test(words[i - 1]?.text ?? '') || MEANS.test(words[i - 2]?.text ?? '')) return;
    // "the ruling party", "a closing speech": an -ing word before a noun qualifies it.
    if (
      /^ruling$/i.test(w.text) &&
      /^\p{Ll}+$/u.test(words[i + 1]?.text ?? '') &&
      !AFTER_NOUN.test(words[i + 1]?.text ?? '')
    )
      return;
    // "Wednesday's closing price", "voting rights", "a polling station": the -ing word names no event there.
    if (/ing$/i.test(w.text) && ING_COMPOUND_HEAD.test(words[i + 1]?.text ?? '')) return;
    // "a final set of European stops", "the opening weekend", "the pre-match press conference": an
    // adjective before a plain noun.
    if (
      /^(?:final|opening|closing|pre-\p{Ll}+|on-\p{Ll}+)$/iu.test(w.text) &&
      /^\p{Ll}{3,}$/u.test(words[i + 1]?.text ?? '') &&
      !AFTER_NOUN.test(words[i + 1]?.text ?? '') &&
      !isEventNoun(words[i + 1]?.text) &&
      !STARTS_OR_ENDS.test(words[i + 1]?.text ?? '')
    )
      return;
    // "the board will meet", "when it meets": after a modal or a pronoun the word is a verb, named by the action.
    if (MODAL.test(words[i - 1]?.text ?? '') || SUBJECT_PRONOUN.test(words[i - 1]?.text ?? '')) return;
    // "closing out the round", "opening the season": an -ing word with an object is a verb.
    if (/ing$/i.test(w.text) && VERB_OBJECT.test(words[i + 1]?.text ?? '')) return;
    const before = w.start < at;
    const raw = before ? at - w.start : (w.start - at) * 1.5;
    // Only a noun that may still win is worth the costlier checks below.
    if (raw * (before ? 0.5 : 1) >= bestDistance) return;
    // "said at a press conference", "the report added": the occasion of the saying, not the event.
    if (isAttribution(words, i)) return;
    // "the meeting dates", "strike days": the date of the event named before it.
    if (/^(?:dates?|days?)$/i.test(w.text) && isEventNoun(words[i - 1]?.text)) return;
    // "day" and "term" only as heads of a phrase of their own ("day of action", "term of the present Lok Sabha").
    if (
      /^(?:day|term|date|stage|leg|round|test|single)$/i.test(w.text.replace(/s$/, '')) &&
      !COMPLEMENT.test(words[i + 1]?.text ?? '') &&
      !NUMBERED.test(words[i + 1]?.text ?? '') &&
      !/^\p{Lu}/u.test(w.text)
    )
      return;
    // "The Budget Session of Parliament will begin today with an address": what begins or ends is the event.
    const starts =
      before &&
      STARTS_OR_ENDS.test(
        words
          .slice(i + 1, i + 7)
          .map((x) => x.text)
          .join(' '),
      );
    const distance = raw * (starts ? 0.5 : 1);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  // "the last date for appeals", "Nominations for the second phase", "opening of the 12th Pacific
  // Games", "the record date for entitlement of the interim dividend": a noun in another's
  // complement is not the head; the complement may hold one plain noun of its own.
  let k = best - 1;
  while (
    k > 0 &&
    best - k <= 6 &&
    !COMPLEMENT.test(words[k]?.text ?? '') &&
    isInComplement(words[k]?.text ?? '')
  )
    k--;
  if (best < 2 || !COMPLEMENT.test(words[k]?.text ?? '')) return best;
  if (isEventNoun(words[k - 1]?.text)) return k - 1;
  const plain = /^\p{Ll}+$/u.test(words[k - 1]?.text ?? '') && !LEFT_STOP.test(words[k - 1]?.text ?? '');
  if (plain && COMPLEMENT.test(words[k - 2]?.text ?? '') && isEventNoun(words[k - 3]?.text)) return k - 3;
  return best;
}

/** Words between "of"/"for" and the noun of its complement: articles, ordinals, names, adjectives ("the 12th Pacific", "the interim"). */
function isInComplement(word: string): boolean {
  return (
    (/^\p{Ll}+$/u.test(word) && word.length > 3 && !LEFT_STOP.test(word) && !isEventNoun(word)) ||
    /^(?:the|a|an|its|their|this|next|first|second|third|fourth|fifth|final|last|\d{1,3}(?:st|nd|rd|th))$/i.test(
      word,
    ) ||
    isNameWord(word)
  );
}

/** The noun at `i` with up to three modifiers before it and an "of"/"for" complement after. */
function phraseAround(words: Token[], i: number): string {
  const noun = words[i];
  if (!noun) return '';
  // A name in capitals holding the noun is the title: "ASEAN-GCC-China Summit", "Rugby Championship".
  if (/^\p{Lu}/u.test(noun.text)) {
    let from = i;
    while (
      from > 0 &&
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
  let from = i;
  while (from > 0 && i - from < 3 && isModifierAt(words, from - 1)) from--;
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
  else if (COMPLEMENT.test(words[i + 1]?.text ?? '')) {
    to = i + 1;
    while (to + 1 < words.length && to - i < 7 && !isComplementEndAt(words, to + 1)) {
      to++;
      // "of the vote", "for the first phase": the complement ends on its own event noun.
      if (isEventNoun(words[to]?.text) && !isNameWord(words[to + 1]?.text ?? '')) break;
    }
    while (to > i && EDGE_STOPS.has((words[to]?.text ?? '').toLowerCase())) to--;
  }
  return words
    .slice(from, to + 1)
    .map((w) => w.text)
    .join(' ');
}

/** A word of a date at `k`: "9th" beside a month is one, "the 9th session" is not. */
function isDateWordAt(words: Token[], k: number): boolean {
  const word = words[k]?.text ?? '';
  if (!MONTH_OR_DAY.test(word)) return false;
  if (!/^\d{1,3}(?:st|nd|rd|th)$/i.test(word)) return true;
  return [words[k - 1]?.text, words[k + 1]?.text].some((w) => MONTH.test(w ?? '') || /^of$/i.test(w ?? ''));
}

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;

/** A modifier at `k`, before the noun: not a verb after a modal ("will give employers notice"), not a date. */
function isModifierAt(words: Token[], k: number): boolean {
  const word = words[k]?.text ?? '';
  if (MODAL.test(words[k - 1]?.text ?? '')) return false;
  if (/^\d{1,3}(?:st|nd|rd|th)$/i.test(word)) return !isDateWordAt(words, k);
  return isModifier(word);
}

function isComplementEndAt(words: Token[], k: number): boolean {
  const word = words[k]?.text ?? '';
  return /^\d{1,3}(?:st|nd|rd|th)$/i.test(word) ? isDateWordAt(words, k) : isComplementEnd(word);
}

function isModifier(word: string): boolean {
  return (
    word.length > 0 && !LEFT_STOP.test(word.toLowerCase()) && !MONTH_OR_DAY.test(word) && !/^\d+$/.test(word)
  );
}

function isComplementEnd(word: string): boolean {
  return (
    MONTH_OR_DAY.test(word) ||
    // "job action adding escalation": a participle opens a clause of its own.
    /^\p{Ll}+ing$/u.test(word) ||
    /^(?:on|at|in|from|until|till|by|will|would|is|are|was|were|which|who|that|and|but|when|where|after|before|said|says)$/i.test(
      word,
    )
  );
}

const STAGE_AFTER =
  /^in (?:the )?(?:first|second|third|fourth|fifth|final|last|opening|\d{1,2}(?:st|nd|rd|th)) (?:stage|phase|round|leg|part|session)\b/i;

// "Phase 1 voting: April 11 (91 constituencies)", "Closing date for nominations - 14 October".
const LABEL = /^\s*([^:;.!?]{3,70}?)\s*[:–—-]\s*$/;

/** The label of a schedule line: what stands before a colon or dash ahead of the date, or the line's first part. */
function labelTitle(clause: string, at: number): EventTitle | null {
  const before = clause.slice(0, at);
  const label = LABEL.exec(before)?.[1];
  if (label && label.split(/\s+/).length <= MAX_TITLE_WORDS)
    return { title: capitalize(label.trim()), head: headOf(tokenize(label).at(-1)) };
  return null;
}

// "The Union Budget will be presented on Saturday", "Counting of votes will be held on May 23".
const SCHEDULED =
  /^\s*(?:(?:on|from|by)\s+\S+(?:\s+\S+)?,\s*)?((?:[\p{L}\p{N}'’-]+\s+){0,7}?[\p{L}\p{N}'’-]+)\s+(?:will|would|is|are|was|were|shall)\s+(?:now\s+|also\s+|then\s+)?(?:be\s+)?(?:held|hosted|staged|presented|released|published|announced|played|run|conducted|convened|opened|launched|(?:scheduled|set|due|expected|planned|slated|to)\b)/u;

// "West Coast will take on Alastair Clarkson's North Melbourne": two sides named in capitals.
const SIDE = "\\p{Lu}[\\p{L}'’.&-]*(?:\\s+\\p{Lu}[\\p{L}'’.&-]*){0,3}";
const MATCH_UP = new RegExp(
  `(?:^|[,;]\\s*|\\s)(${SIDE})\\s+(?:will\\s+|are\\s+set\\s+to\\s+|are\\s+due\\s+to\\s+)?(?:take on|takes on|face|faces|play|plays|host|hosts|meet|meets)\\s+(?:${SIDE}['’]s\\s+)?(${SIDE})`,
  'u',
);

/** "Riverside will take on Harbour City" gives "Riverside v Harbour City". */
function matchUp(clause: string): string | null {
  const match = MATCH_UP.exec(clause);
  const home = match?.[1]?.replace(/^(?:The|And|But|Then)\s+/, '');
  const away = match?.[2];
  if (!home || !away || MONTH_OR_DAY.test(away.split(/\s+/)[0] ?? '')) return null;
  return `${home} v ${away}`;
}

/** The subject of a scheduling verb, without its article. */
function scheduledSubject(clause: string): string | null {
  const subject = SCHEDULED.exec(clause)?.[1];
  if (!subject) return null;
  const all = subject.split(/\s+/).filter((w) => !/^(?:the|a|an|this|that|its|their)$/i.test(w));
  // "The first buyers in Kenya and Uganda are expected to": where they are is no part of the name.
  const place = all.findIndex((w, i) => i > 0 && /^(?:in|at|on|from|across|around|near|with)$/i.test(w));
  const words = place > 0 ? all.slice(0, place) : all;
  if (words.length === 0 || words.length > 6 || /^(?:it|they|he|she|we|i|you|there)$/i.test(words[0] ?? ''))
    return null;
  return words.join(' ');
}

// Verbs whose action is the event, with the noun that names it.
const NOMINAL: Record<string, string> = {
  vote: 'Vote',
  strike: 'Strike',
  walk: 'Walkout',
  hear: 'Hearing',
  sentence: 'Sentencing',
  meet: 'Meeting',
  launch: 'Launch',
  open: 'Opening',
  reopen: 'Reopening',
  release: 'Release',
  sign: 'Signing',
  visit: 'Visit',
  debate: 'Debate',
  rule: 'Ruling',
  decide: 'Decision',
  announce: 'Announcement',
  publish: 'Publication',
  play: 'Match',
  face: 'Match',
  host: 'Match',
  race: 'Race',
  perform: 'Performance',
  testify: 'Testimony',
  protest: 'Protest',
  march: 'March',
  gather: 'Gathering',
  convene: 'Meeting',
  lift: 'Lift-off',
  report: 'Report',
  pick: 'Selection',
  choose: 'Selection',
  select: 'Selection',
  elect: 'Election',
  nominate: 'Nomination',
  swear: 'Swearing-in',
  unveil: 'Unveiling',
  present: 'Presentation',
  crown: 'Crowning',
  resume: 'Resumption',
  inaugurate: 'Inauguration',
  close: 'Closure',
  count: 'Counting',
  deliver: 'Delivery',
  receive: 'Delivery',
  ship: 'Shipping',
  arrive: 'Arrival',
  depart: 'Departure',
  land: 'Landing',
  start: 'Start',
  begin: 'Start',
  submit: 'Submission',
  file: 'Filing',
  pay: 'Payment',
  expire: 'Expiry',
  return: 'Return',
  premiere: 'Premiere',
  screen: 'Screening',
  broadcast: 'Broadcast',
  air: 'Broadcast',
  debut: 'Debut',
  tour: 'Tour',
  list: 'Listing',
  auction: 'Auction',
  appear: 'Appearance',
  speak: 'Speech',
  address: 'Address',
  reconvene: 'Sitting',
  sit: 'Sitting',
  available: 'Availability',
};
// Verbs whose object is not the event's name: "meet the minister", "face Japan" (a match-up names those).
const NO_NAMED_OBJECT =
  /^(?:meet|convene|gather|face|play|host|race|vote|strike|walk|hear|rule|decide|elect|pick|choose|select|address|return|receive|pay)$/;
// "go on sale", "take effect", "kick off": a verb and its particle name the event together.
const PHRASAL: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:go|goes|going|went)\s+on\s+(?:general\s+|public\s+)?sale\b/i, 'Sale'],
  [/^(?:become|becomes|be)\s+available\b/i, 'Availability'],
  [/^(?:take|takes|come|comes)\s+(?:into\s+)?(?:effect|force)\b/i, 'Entry into force'],
  [/^(?:kick|kicks)\s+off\b/i, 'Kick-off'],
];
const FUTURE_ACTION =
  /\b(?:will|would|shall|to|must|plans? to|set to|due to|expected to|is to|are to)\s+(?:also\s+|now\s+|not\s+|next\s+|again\s+|formally\s+|officially\s+)?(?:be\s+)?(\p{Ll}+)(?:\s+(\p{L}+(?:\s+\p{L}+){0,5}))?/u;
// "hold a meeting of her cabinet", "host the summit": the object is the event.
const HOLDING = /^(?:hold|host|stage|convene|organi[sz]e|call|begin|start|launch|give|deliver)$/;

/** An announced action; `named` when its title names the thing acted on or who acts ("Aero 7 release"). */
interface Action extends EventTitle {
  named: boolean;
}

/**
 * "will vote on ..." gives "Vote"; "will hold a meeting of her cabinet" the object's phrase; "will
 * release the Aero 7" the thing released ("Aero 7 release"); "the G7+ group ... will meet" its named
 * subject ("G7+ group meeting"); "is opening a new route" the progressive's action.
 */
function announcedAction(clause: string, from = 0): Action | null {
  const tail = clause.slice(from);
  const found = FUTURE_ACTION.exec(tail) ?? PROGRESSIVE.exec(tail);
  const match = found ? Object.assign(found, { index: found.index + from }) : null;
  const verb = match?.[1] ?? '';
  const object = match?.[2] ?? '';
  if (HOLDING.test(verb) && object) {
    const words = tokenize(object);
    const noun = words.findIndex((w) => isEventNoun(w.text));
    if (noun >= 0)
      return { title: capitalize(phraseAround(words, noun)), head: headOf(words[noun]), named: false };
    // "The company will hold a call": what is held is the event, whatever its noun.
    const held = /^(?:hold|host|stage|convene|organi[sz]e)$/.test(verb) ? commonObject(object) : null;
    if (held)
      return { title: capitalize(held), head: held.toLowerCase().split(' ').at(-1) ?? null, named: false };
  }
  const phrasal = PHRASAL.find(([pattern]) => pattern.test(`${verb} ${object}`))?.[1];
  const stem = NOMINAL[verb]
    ? verb
    : [verb.replace(/e?s$/, ''), stemOfParticiple(verb), stemOfGerund(verb)].find((v) => NOMINAL[v]);
  // "Ed Sheeran is due to play Optus Stadium": who plays a venue gives a show, not a match.
  const show =
    stem === 'play' && VENUE.test(tail.slice((found?.index ?? 0) + (found?.[0].length ?? 0) - object.length));
  const noun = phrasal ?? (show ? 'Show' : stem ? NOMINAL[stem] : undefined);
  if (!noun || !match) return null;
  // The object as written, digits and signs kept ("the Aero 7", "the G7+ summit").
  const rest = match[2] === undefined ? '' : clause.slice(match.index + match[0].length - match[2].length);
  const thing = phrasal || NO_NAMED_OBJECT.test(stem ?? '') ? null : findObjectName(rest);
  // "will next appear in Court": where one appears names the appearance.
  if (stem === 'appear' && COURT.test(rest))
    return { title: 'Court appearance', head: 'appearance', named: true };
  if (thing) return { title: `${thing} ${noun.toLowerCase()}`, head: noun.toLowerCase(), named: true };
  // "The statistics agency will release inflation data on February 7": what is published names it.
  const before = clause.slice(0, match.index);
  const subject = findSubjectName(before);
  // "Andina will present details": a named presenter says more than what it presents.
  const published = PUBLISHING.test(stem ?? '') && subject?.kind !== 'name' ? commonObject(rest) : null;
  if (published)
    return { title: `${capitalize(published)} ${noun.toLowerCase()}`, head: noun.toLowerCase(), named: true };
  // "The board will meet" gives "Board meeting"; "The union will strike", "Union strike".
  // A common subject only when it is all the clause has before the verb ("The board will meet").
  const common = ACTOR.exec(before)?.[1];
  // "The group will meet again": the group is the one named before, whose name the event takes later.
  const actor =
    subject && subject.kind !== 'common'
      ? subject.text
      : common && !GENERIC_ACTOR.test(common)
        ? common
        : null;
  // "is opening a new route between Nairobi and Lagos": the route names the opening.
  const route = ROUTE.exec(rest);
  const what = route ? `${route[2]}-${route[3]} ${route[1]} ${noun.toLowerCase()}` : noun.toLowerCase();
  const title = actor ? `${capitalize(actor)} ${what}` : capitalize(what);
  return { title, head: noun.toLowerCase(), named: subject?.kind === 'name' };
}

const PLACE_NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,2}";
const ROUTE = new RegExp(
  `^(?:(?:a|an|the|its|their)\\s+)?(?:\\p{Ll}+\\s+){0,3}?(route|service|link|flights?|connection|line)\\s+(?:between|from)\\s+(${PLACE_NAME})(?:\\s*\\([^)]*\\))?\\s+(?:and|to)\\s+(${PLACE_NAME})`,
  'u',
);
const PUBLISHING = /^(?:release|publish|present|unveil|announce)$/;

/** The plain noun phrase an action governs ("inflation data on February 7" gives "inflation data"), or null. */
function commonObject(rest: string): string | null {
  const words: string[] = [];
  for (const { text } of tokenize(rest)) {
    if (words.length === 0 && /^(?:the|a|an|its|their|his|her|our)$/i.test(text)) continue;
    if (
      words.length >= 4 ||
      LEFT_STOP.test(text.toLowerCase()) ||
      isDateWordAt([{ text, start: 0 }], 0) ||
      PRONOUN_WORD.test(text)
    )
      break;
    words.push(text);
  }
  return words.length > 0 && words.length <= 3 ? words.join(' ') : null;
}

const VENUE =
  /^(?:the\s+)?(?:\p{Lu}[\p{L}'’.&-]*\s+){1,3}(?:Stadium|Arena|Park|Hall|Theatre|Theater|Oval|Centre|Center|Dome|Bowl|Amphitheatre)\b/u;
const COURT = /^(?:in|before|at)\s+(?:the\s+)?(?:\p{L}+\s+){0,3}?(?:court|tribunal|magistrates?)\b/iu;

// "would hear on April 8", "will meet again on Monday": a verb right before the date governs it.
const GOVERNING =
  /\b(?:will|would|shall|to|must)\s+(?:also\s+|now\s+)?(?:be\s+)?(\p{Ll}+)(?:\s+again)?\s+(?:on|from|this|next)?\s*$/u;

function governingAction(before: string): Action | null {
  const governing = GOVERNING.exec(before);
  const verb = governing?.[1] ?? '';
  if (!governing || (!NOMINAL[verb] && !NOMINAL[stemOfParticiple(verb)])) return null;
  // "a committee to set interest rates will meet from Oct. 3": the action at the date, not the first one.
  return announcedAction(before, governing.index);
}

/** "Tickets go on general sale on June 7": a sale told in the present. */
function onSale(clause: string): EventTitle | null {
  const sale = /\b(?:go|goes)\s+on\s+(general\s+|public\s+)?sale\b/i.exec(clause);
  if (!sale) return null;
  return { title: sale[1] ? `${capitalize(sale[1].trim())} sale` : 'Sale', head: 'sale' };
}

/** "opening" -> "open", "releasing" -> "release", "shipping" -> "ship": the verb of a progressive. */
function stemOfGerund(verb: string): string {
  if (!verb.endsWith('ing')) return '';
  const stem = verb.slice(0, -3);
  const candidates = [stem, `${stem}e`, stem.slice(0, -1)];
  return candidates.find((c) => NOMINAL[c]) ?? '';
}

// "Air India is opening a new route": the present progressive of a scheduled action.
const PROGRESSIVE = /\b(?:is|are)\s+(?:also\s+|now\s+)?(\p{Ll}+ing)\b(?:\s+(\p{L}+(?:\s+\p{L}+){0,5}))?/u;

const IRREGULAR_PARTICIPLES: Record<string, string> = { heard: 'hear', sworn: 'swear', chosen: 'choose' };

/** "heard" -> "hear", "debated" -> "debate", "signed" -> "sign": the verb a passive ("will be heard") is of. */
function stemOfParticiple(verb: string): string {
  const irregular = IRREGULAR_PARTICIPLES[verb];
  if (irregular) return irregular;
  if (!verb.endsWith('ed')) return '';
  const stem = verb.slice(0, -2);
  return NOMINAL[stem] ? stem : NOMINAL[verb.slice(0, -1)] ? verb.slice(0, -1) : '';
}

// "round one", "stage 3", "day two": a numbered part names itself.
const NUMBERED = /^(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i;
const SAYING_VERB =
  /^(?:said|says|say|added|adds|told|tells|stated|states|read|reads|showed|shows|noted|notes|announced|confirmed)$/i;

const SAID = /^(?:said|says|told|added|announced|spoke)$/i;
const SAID_AT = /^\S+\s+(?:\S+\s+)?(?:at|in|during|to|after)\s+(?:a|an|the|its|their|his|her)\b/i;

/** An event noun that is where or how something was said: "said at a press conference", "an Apple statement said". */
function isAttribution(words: Token[], i: number): boolean {
  if (SAYING_VERB.test(words[i + 1]?.text ?? '')) return true;
  for (let k = Math.max(0, i - 5); k < i; k++) {
    if (!SAID.test(words[k]?.text ?? '')) continue;
    const phrase = words
      .slice(k, i)
      .map((w) => w.text)
      .join(' ');
    if (SAID_AT.test(phrase)) return true;
  }
  return false;
}

const STARTS_OR_ENDS =
  /^(?:of\s+(?:the\s+)?\S+\s+)?(?:will\s+|is\s+(?:set|due|scheduled|expected)\s+to\s+|to\s+)?(?:now\s+|officially\s+)?(?:begin|begins|start|starts|open|opens|commence|commences|conclude|concludes|end|ends|close|closes|resume|resumes)\b/i;
const VERB_OBJECT = /^(?:the|a|an|its|their|his|her|our|out|up|off|down)$/i;
const DEADLINE_BY = /\b(?:by|before)\s+(?:this\s+|next\s+|the\s+end\s+of\s+)?$/i;
const OBLIGATION = /\b(?:must|should|have to|has to|need to|needs to|required|deadline|due)\b/i;
// "when it meets on February 16", "the board votes on Tuesday": the present of a scheduled action.
const PRESENT_ACTION =
  /\b(meets|votes|rules|decides|convenes|reconvenes|debates|sits|strikes)\s+(?:again\s+)?(?:on|at|from|in)?\s*$/i;

function presentAction(before: string): EventTitle | null {
  const verb = PRESENT_ACTION.exec(before)?.[1]?.toLowerCase().replace(/s$/, '') ?? '';
  const noun = NOMINAL[verb] ?? (verb === 'sit' ? 'Sitting' : verb === 'reconvene' ? 'Sitting' : undefined);
  return noun ? { title: noun, head: noun.toLowerCase() } : null;
}

const MEANS = /^(?:via|through|using)$/i;
const ING_COMPOUND_HEAD =
  /^(?:prices?|party|parties|bonus|rights|stations?|booths?|guidelines|remarks|bell|balance|rates?|levels?|figures?|hours|times?|arguments)$/i;
// Words that may follow a noun "ruling": "a ruling on the case", "the ruling is due".
const AFTER_NOUN =
  /^(?:on|in|of|by|from|that|is|was|will|would|against|for|at|to|and|or|could|may|due|expected)$/i;
const SUBJECT_PRONOUN = /^(?:it|they|he|she|we|i|you|who)$/i;
const MODAL = /^(?:will|would|shall|to|must|can|could|may|might)$/i;
// A short subject right before the modal: "the board", "Unite's members", "the two sides".
const ACTOR = /(?:^|[,;]\s*)(?:(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa])\s+)?((?:[\p{L}'’-]+\s+){0,1}[\p{L}'’-]+)\s+$/u;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
