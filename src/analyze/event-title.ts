// An event's title: a label line, the event noun nearest its date with the names that say which one,
// a match-up, the action announced, and never a sentence fragment.
import { announcedAction, governingAction, onSale, presentAction } from './event-actions.ts';
import { deadlineTitle } from './event-deadline.ts';
import {
  findMatchUp,
  findOpponentMatch,
  findSubjectName,
  MAX_TITLE_WORDS,
  MONTH_OR_DAY,
  namesWhich,
  tidyTitle,
} from './event-naming.ts';
import { passiveTitle } from './event-passive.ts';
import {
  COMPLEMENT,
  capitalize,
  type EventTitle,
  headOf,
  isEventNoun,
  isInComplement,
  isTopicOn,
  LEFT_STOP,
  MODAL,
  NUMBERED,
  PRONOUN_WORD,
  phraseAround,
  type Token,
  tokenize,
} from './event-phrase.ts';
import { asDateTitle, premodifiedTitle } from './event-premodified.ts';
import { withPurpose } from './event-purpose.ts';
import { withPartBefore } from './event-stages.ts';
import { nameWork } from './event-works.ts';

/**
 * The event's name as a noun phrase: a label line ("Phase 1 voting: April 11", "First Test, Lord's,
 * May 17-20"), else the event noun nearest the date with its modifiers and complement ("46th ASEAN
 * Summit", "meeting of her cabinet", "Counting of votes"), else the subject scheduled ("The Union
 * Budget will be presented"), else the action announced ("will vote on ..." gives "Vote").
 */
export function makeTitle(clause: string, at: number): EventTitle {
  const label = labelTitle(clause, at);
  if (label) return label;
  // "the August 23 harmonised elections": a noun the date modifies is the occasion.
  const occasion = premodifiedTitle(clause, at) ?? asDateTitle(clause, at) ?? nameOccasion(clause, at);
  const { title, head } = withPurpose(occasion, clause, at);
  return { title: tidyTitle(title), head };
}

function nameOccasion(clause: string, at: number): EventTitle {
  // "The board has until March 18 to rule on the complaint": what must be done by then names it.
  const deadline = deadlineTitle(clause, at);
  if (deadline) return deadline;
  // "The revised list of candidates will be published on Jan 11": what is acted on says which.
  const passive = passiveTitle(clause, at);
  if (passive) return passive;
  const words = tokenize(clause);
  let nearest = nearestEventNoun(words, at, clause);
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
  const head = words[nearest];
  const later = !head || (head.start > at && !isItsForm(clause.slice(at, head.start)));
  const governing = later ? governingAction(clause.slice(0, at)) : null;
  // "Bloemendaal will take on defending cup holders Pinoké": a noun in the description of a side is no event.
  const sides = head ? matchUpAt(clause) : null;
  if (head && sides && head.start > sides.start && head.start < sides.end)
    return { title: sides.title, head: 'match' };
  if (head && !governing) {
    // "Stage one of the planned dock strike": the part says which of the whole.
    const phrase = withPartBefore(capitalize(datedPhrase(words, nearest)), clause.slice(0, head.start));
    return nameWork(nameKind({ title: phrase, head: headOf(head) }, clause, head), clause, head);
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
// "will meet this Sunday in a face-to-face debate": a noun that gives the form of the action is the event;
// "will meet on Wednesday to rule on last week's match": one in a purpose clause is not.
function isItsForm(between: string): boolean {
  return (
    /\b(?:in|at|for|during|with)\s+(?:a|an|the|its|their)\b/i.test(between) &&
    !/\bto\s+\p{Ll}+/u.test(between)
  );
}

const PAST_VERB =
  /^(?:set|put|made|held|began|took|gave|met|ran|won|lost|got|saw|came|went|left|kept|cut|hit|told|said|sent|brought|spoke|wrote|rose|fell|chose|drew|broke|stood|sat)$/i;

// "The company set the next attempt for Tuesday", "the court fixed the hearing for": what is set is the event.
const SET_FOR =
  /\b(?:set|fixed|scheduled|rescheduled|moved|pushed|slated|pencilled|penciled)\s+(?:back\s+)?(?:the|a|an|its|their)\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)\s+(?:for|to|on)\b[^;]{0,24}$/u;

const NUMBER_WORD =
  /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)$/i;

const LINE_LABEL = /^\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})\s*(?:\([^)]*\))?\s*:\s/u;
const MATCH_KIND = /^(?:match|game|fixture|derby|clash|contest|tie|encounter|opening)$/;

const GOES_ON_SALE = /\b(?:on|go|goes|going|went)\s+$/i;

const BODY = /^(?:Council|Committee|Commission|Assembly|Conference|Forum)$/;

/**
 * A kind of event made to say which: a generic match by its two sides ("Harbour City v Rovers"), a
 * named body by what it will do ("Andean Water Council meeting"), a bare noun by the clause's named
 * subject ("the G7+ group ... will hold talks" gives "G7+ group talks").
 */
function nameKind(title: EventTitle, clause: string, noun: Token): EventTitle {
  if (title.head && MATCH_KIND.test(title.head)) {
    const fixture =
      matchUp(clause) ??
      findOpponentMatch(clause, noun.start, noun.start + noun.text.length, title.title) ??
      findMatchUp(clause, true);
    if (fixture) return { title: fixture, head: 'match' };
  }
  if (BODY.test(noun.text)) {
    const action = announcedAction(clause);
    const kind = action?.head;
    if (kind && !title.title.toLowerCase().includes(kind))
      return { title: `${title.title} ${kind}`, head: kind };
  }
  // "Tenerife (Canary Islands, Spain): two flights per week": the line's label says which.
  const label = LINE_LABEL.exec(clause)?.[1];
  if (label && noun.start > clause.indexOf(':') && !namesWhich(title.title)) {
    const kind = title.title
      .split(/\s+/)
      .filter((w) => !NUMBERED.test(w))
      .join(' ')
      .toLowerCase();
    return { title: `${label} ${kind}`, head: title.head };
  }
  const before = clause.slice(0, noun.start);
  // "Tickets are set to go on sale", "Tickets go on sale for the general public", "will go sale": what
  // goes on sale names the sale, whoever it is for.
  if (title.head === 'sale' && !/\bof\b/i.test(title.title) && GOES_ON_SALE.test(before)) {
    const sold = findSubjectName(before.replace(/\b(?:go|goes|going|went)\s+(?:on\s+)?$/i, ''));
    if (sold?.kind === 'common')
      return {
        title: title.title.replace(/\bsale\b/i, (w) => `${w} of ${sold.text.toLowerCase()}`),
        head: title.head,
      };
  }
  const bare = title.head !== null && title.title.toLowerCase().replace(/s$/, '') === title.head;
  if (!bare) return title;
  const subject = findSubjectName(before);
  if (subject?.kind === 'name' && !subject.text.toLowerCase().includes(title.head ?? ''))
    return { title: `${capitalize(subject.text)} ${title.title.toLowerCase()}`, head: title.head };
  return title;
}

// One date or day: "the meeting dates for 2024" are several meetings' days, no head of their own.
const DATE_NOUN = /^(?:date|day)$/i;

/**
 * "the cut-off date for voters' roll inspection", "the closing date for nominations": an event noun
 * and the date after it are one head, whose complement says what the date is for.
 */
function datedPhrase(words: Token[], i: number): string {
  const noun = words[i];
  const next = words[i + 1];
  if (noun && next && DATE_NOUN.test(next.text) && COMPLEMENT.test(words[i + 2]?.text ?? '')) {
    const phrase = phraseAround(words, i + 1);
    return phrase.toLowerCase().includes(noun.text.toLowerCase()) ? phrase : `${noun.text} ${phrase}`;
  }
  const before = words[i - 1];
  if (noun && before && DATE_NOUN.test(noun.text) && isEventNoun(before.text) && !before.broken) {
    const phrase = phraseAround(words, i);
    return phrase.toLowerCase().includes(before.text.toLowerCase()) ? phrase : `${before.text} ${phrase}`;
  }
  return phraseAround(words, i);
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

/** The event noun closest to the date, preferring one before it; of adjacent ones, the last ("final vote"). */
function nearestEventNoun(words: Token[], at: number, clause: string): number {
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
    // "the European Union (Withdrawal) Bill", "the Referendum Act": a word of a law's name is no event.
    if (/^\p{Lu}/u.test(w.text) && LAW.test(words[i + 1]?.text ?? '')) return;
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
    // "is set for March 19, and stage three ...": a noun after the date in the next coordinated clause is another event's.
    if (!before && COORDINATED.test(clause.slice(at, w.start))) return;
    const raw = before ? at - w.start : (w.start - at) * 1.5;
    // Only a noun that may still win is worth the costlier checks below.
    if (raw * (before ? 0.5 : 1) >= bestDistance) return;
    // "said at a press conference", "the report added": the occasion of the saying, not the event.
    if (isAttribution(words, i)) return;
    // "the meeting dates", "strike days": the date of the event named before it.
    if (/^(?:dates?|days?)$/i.test(w.text) && isEventNoun(words[i - 1]?.text)) return;
    // "after two days of committee work": a number of days is a length, not an occasion.
    if (/^days$/i.test(w.text) && NUMBER_WORD.test(words[i - 1]?.text ?? '')) return;
    // "day" and "term" only as heads of a phrase of their own ("day of action", "term of the present Lok Sabha").
    if (
      /^(?:day|term|date|stage|leg|round|test|single)$/i.test(w.text.replace(/s$/, '')) &&
      // "an opposition day", "a members' day": a day named by its kind is one.
      !(/^day$/i.test(w.text) && isDayKind(words[i - 1]?.text ?? '')) &&
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
  while (k > 0 && best - k <= 6 && !opensComplement(words, k) && isInComplement(words[k]?.text ?? '')) k--;
  if (best < 2 || !opensComplement(words, k)) return best;
  if (isEventNoun(words[k - 1]?.text)) return k - 1;
  const plain = /^\p{Ll}+$/u.test(words[k - 1]?.text ?? '') && !LEFT_STOP.test(words[k - 1]?.text ?? '');
  if (plain && COMPLEMENT.test(words[k - 2]?.text ?? '') && isEventNoun(words[k - 3]?.text)) return k - 3;
  // "the vote on the Second Reading of the Budget": the complement's own head may sit in a topic.
  let j = k - 1;
  while (j > 0 && k - j <= 4 && !isTopicOn(words, j) && isInComplement(words[j]?.text ?? '')) j--;
  if (j > 0 && j < k - 1 && isTopicOn(words, j)) return j - 1;
  return best;
}

function opensComplement(words: Token[], k: number): boolean {
  return COMPLEMENT.test(words[k]?.text ?? '') || isTopicOn(words, k);
}

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

// "Leader Galatasaray, based on the European side of Istanbul, will host Fenerbahçe": an apposition
// in lower case may stand between the home side and its verb.
const APPOSITION = ',\\s+\\p{Ll}[^,;]{0,80},';

// "would play Wales", "will face promoted Nasr", "take on defending champions Ireland": a modal of
// report and a description of the opponent in lower case may come before its name; a count ("three
// Tests", "five home Tests") or a function word never does.
const DESCRIPTION =
  '(?:(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|home|away|both|all|several|many|more|the|a|an|of|in|at|on|for|to|and|or|with|from|by|its|their|his|her|our)\\s)\\p{Ll}[\\p{Ll}-]+\\s+){0,3}';

const MATCH_UP = new RegExp(
  `(?:^|[,;]\\s*|\\s)(${SIDE})(?:${APPOSITION})?\\s+(?:will\\s+|would\\s+|are\\s+set\\s+to\\s+|are\\s+due\\s+to\\s+)?(?:also\\s+|then\\s+)?(?:take on|takes on|face|faces|play|plays|host|hosts|meet|meets)\\s+(?:${SIDE}['’]s\\s+)?${DESCRIPTION}(${SIDE})(?![\\p{L}'’.&-])`,
  'u',
);
// After the opponent's name, a word that goes on with a noun phrase ("World Cup pool rivals Georgia")
// shows the capitals were a description, not the side.
const AFTER_SIDE =
  /^\s*(?:$|[,.;:!?)(–—-]|(?:in|at|on|of|off|for|to|and|or|with|from|by|this|next|twice|again|once|first|last|later|then|when|after|before|as|the|a|an|over|under|until|without|behind|despite|if|while|who|which|that|here|there|home|away|tomorrow|tonight|today|v|vs|versus)\b|\p{Lu}|\d)/u;

/** "Riverside will take on Harbour City" gives "Riverside v Harbour City". */
function matchUp(clause: string): string | null {
  return matchUpAt(clause)?.title ?? null;
}

/** The match-up of a clause with where its words end, so a noun inside them ("defending cup holders") is no event. */
function matchUpAt(clause: string): { title: string; start: number; end: number } | null {
  const match = MATCH_UP.exec(clause);
  const home = match?.[1]?.replace(/^(?:The|And|But|Then)\s+/, '');
  const away = match?.[2];
  if (!match || !home || !away || MONTH_OR_DAY.test(away.split(/\s+/)[0] ?? '')) return null;
  const end = match.index + match[0].length;
  if (!AFTER_SIDE.test(clause.slice(end))) return null;
  return { title: `${home} v ${away}`, start: match.index, end };
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

const MEANS = /^(?:via|through|using)$/i;

// Words before "day" that say which day or how it was, not what kind of occasion it is.
const DAY_STOP =
  /^(?:same|next|following|previous|whole|entire|full|half|first|second|third|fourth|fifth|last|final|one|two|three|four|five|every|each|any|some|other|another|big|busy|long|good|bad|great|school|week|normal|typical|single|average|present|recent|early|late|hot|cold|nice|sad|historic|special|particular|given|certain|such|very|new|old|fine|happy|difficult|hard|tough|this|that|what|which|whose|its|their|his|her|our|your|my)$/;

/** "opposition" in "an opposition day", "members'" in "a members' day": a plain noun naming the day's kind. */
function isDayKind(word: string): boolean {
  return (
    /^\p{Ll}[\p{Ll}-]+['’]?$/u.test(word) &&
    !LEFT_STOP.test(word) &&
    !DAY_STOP.test(word) &&
    !isEventNoun(word)
  );
}

const COORDINATED = /,\s*(?:and|but|while|whereas)\s/i;

const ING_COMPOUND_HEAD =
  /^(?:prices?|party|parties|bonus|rights|stations?|booths?|guidelines|remarks|bell|balance|rates?|levels?|figures?|hours|times?|arguments)$/i;

// Words that may follow a noun "ruling": "a ruling on the case", "the ruling is due".
const AFTER_NOUN =
  /^(?:on|in|of|by|from|that|is|was|will|would|against|for|at|to|and|or|could|may|due|expected)$/i;

const SUBJECT_PRONOUN = /^(?:it|they|he|she|we|i|you|who)$/i;

const LAW = /^(?:Bill|Act|Law|Amendment|Ordinance|Regulations?)$/;
