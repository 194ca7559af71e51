import type { DateMention } from './dates.ts';
import { isNameAndDay } from './furniture.ts';
import { isDroppedPlan } from './tense.ts';

// Dated mentions that announce nothing, and the article facts that tell them: called-off plans,
// denials, the speaker's own "tomorrow", page stamps, bare weekdays, the names that speak.

const CANCELLED =
  /\b(?:called off|cancel(?:l)?ed|scrapped|axed|abandoned|shelved|withdrawn|suspended|put off)\b(?![^,;]*\b(?:to|until|till)\s+\S+\s*$)/i;

// "is deferring its earnings announcement, scheduled for May 23": the plan the sentence drops.
const DEFERRED =
  /\b(?:defer(?:s|red|ring)?|postpon(?:e|es|ed|ing)|delay(?:s|ed|ing)?|cancel(?:s|l?ed|l?ing)|scrap(?:s|ped|ping)?|call(?:s|ed|ing)?\s+off)\b[^.;]{0,60}?,?\s+(?:which\s+(?:was|had been)\s+)?(?:originally\s+|previously\s+|initially\s+)?(?:scheduled|set|planned|due|slated)\s+(?:for|on)\s+$/i;

// "from Oct 14 to Dec 12 instead of Oct 7 to Dec 5", "on July 9, not July 2": the day given up;
// "between now and July 27": the end of a wait, no occurrence.
const REPLACED =
  /\b(?:instead\s+of|rather\s+than|in\s+place\s+of|not|between\s+now\s+and)\s+(?:on\s+|from\s+|the\s+)?$/i;

// "The hearing, initially scheduled for April 9, will now ...", "had originally planned to walk out on
// April 7": the adverb says the plan was replaced; its day is no longer the occasion's.
const SUPERSEDED =
  /\b(?:originally|initially|previously)\s+(?:been\s+)?(?:scheduled|set|planned|slated|due|expected|meant|intended|supposed)\b[^.;:,]{0,40}$/i;

const NEGATED = /\b(?:will not|won't|shall not|would not|not be|never)\b[^,;]{0,40}$/i;

const CONDITIONAL_NOT = /\b(?:should|if|unless|were|whether)\b[^,;]{0,40}\bnot\b[^,;]{0,40}$/i;

// Relative words in speech are the speaker's, not an announcement: "I would do it again tomorrow".
const RELATIVE = /\b(?:today|tonight|tomorrow|yesterday)\b/i;

/**
 * A plan the sentence drops or denies: "have called off their planned strike for Monday", "instead of
 * Oct 7", "initially scheduled for April 9", "is deferring
 * its results, scheduled for May 23", "was to be held on", "I will not pass sentence on Tuesday". A
 * condition with "not" is no denial ("should a deal not be struck by Friday").
 */
export function isCalledOff(sentence: string, clauseBefore: string, mention: DateMention): boolean {
  const lead = sentence.slice(0, mention.start);
  if (CANCELLED.test(lead) || DEFERRED.test(lead) || isDroppedPlan(sentence, mention.start)) return true;
  if (REPLACED.test(lead.slice(-40)) || SUPERSEDED.test(lead)) return true;
  return NEGATED.test(clauseBefore) && !CONDITIONAL_NOT.test(clauseBefore);
}

/** "I would do it again tomorrow": in speech, a relative day or a chained one is the speaker's, not an announcement. */
export function isSpeakersOwnDay(sentence: string, mention: DateMention): boolean {
  return mention.chain !== null || RELATIVE.test(sentence.slice(mention.start, mention.end));
}

const BARE_WEEKDAY = /^(?:on\s+)?(?:this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b[^\d]*$/i;
const CLOCK = /\b(?:at\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?(?:\s+on)?\s*/gi;

/** "on Friday night", "4pm Sunday": a weekday without its date. */
export function isBareWeekday(sentence: string, mention: DateMention): boolean {
  const text = sentence.slice(mention.start, mention.end).replace(CLOCK, '').trim();
  return !mention.chain && BARE_WEEKDAY.test(text);
}

// "pic.twitter.com/x - Congress (@INCIndia) January 31, 2020": an embedded post's date.
const POST_HANDLE = /\(@\w{1,30}\)\s*$/;
const WITH_YEAR = /\b(?:19|20)\d\d\b/;

/**
 * The page's own date, not an event: the day of an embedded post, the publication day written
 * with its year at the very start of a paragraph ("June 21, 2020 Elijah Phimbi - Nyasa Times"), or
 * after a byline's name and a comma ("Gamal Essam El-Din, Monday 30 Sep 2019").
 */
export function isPageStamp(sentence: string, mention: DateMention, published: string): boolean {
  if (POST_HANDLE.test(sentence.slice(0, mention.start))) return true;
  if (mention.date === published && isNameAndDay(sentence)) return true;
  const text = sentence.slice(mention.start, mention.end);
  return mention.date === published && !sentence.slice(0, mention.start).trim() && WITH_YEAR.test(text);
}

const SPEAKING_NAME =
  /\b([A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})\s+(?:said|says|told|announced|added|stated)\b/g;

/**
 * The names of two or more words the article has say something ("Royal Mail said"). A one-word
 * name may be a city that speaks for its government ("Ottawa says") and stays a place.
 */
export function findSpeakingNames(paragraphs: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const m of paragraph.matchAll(SPEAKING_NAME)) if (/\s/.test(m[1] ?? '')) names.add(m[1] ?? '');
  }
  return names;
}
