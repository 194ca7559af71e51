import { ROLE_MODIFIERS, ROLE_NOUNS, SPEECH_VERBS } from './vocabulary.ts';

// Words that end a role phrase when walking back from a name.
const STOPS = new Set(
  (
    'the a an one another his her their its our my your this that these those and or but with by from to in on ' +
    'into during after before since as according when while who which whose where was were is are be been will ' +
    'would has have had not also including like than if then there it he she they we i you ' +
    'comprising featuring involving among between'
  ).split(' '),
);
const HONORIFICS = new Set([
  'professor',
  'prof',
  'dr',
  'doctor',
  'sir',
  'dame',
  'lord',
  'lady',
  'mr',
  'mrs',
  'ms',
]);
// "Commissioner in-charge of Voter Education": "in-charge" links a role to its field like "of".
const COMPLEMENT_LINKS = new Set(['of', 'for', 'at', 'in-charge', 'in charge']);
const MAX_ROLE_WORDS = 10;

/** True when a word names a role ("minister", "Spokeswoman", "analysts"). */
export function isRoleNoun(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  // Endings and compounds only for lowercase words: "Bulgarian" and "Christ" are no roles.
  const open = lower === word.replace(/['’]s$/, '');
  return isRoleWord(lower, open) || (lower.endsWith('s') && isRoleWord(lower.slice(0, -1), open));
}

// Occupations outside the list by their ending: "musicologist", "politician", "librarian".
const ROLE_ENDING = /^\p{Ll}{3,}(?:ologist|ician|arian|ist)$/u;
// "checklist", "playlist" are no roles; "cellist", "novelist", "panelist" are.
const NOT_ROLE_ENDING =
  /(?:sist|(?:check|play|wish|short|black|white|watch|set|track|hit|wait|price|reading)list|twist|wrist|amidst)$/;

function isRoleWord(lower: string, open: boolean): boolean {
  if (ROLE_NOUNS.has(lower)) return true;
  if (!open) return false;
  if (ROLE_ENDING.test(lower) && !NOT_ROLE_ENDING.test(lower)) return true;
  // "schoolteacher", "granddaughter", "geochemist": a compound whose head is a role.
  for (let cut = 3; cut <= lower.length - 6; cut++) if (ROLE_NOUNS.has(lower.slice(cut))) return true;
  // "deputy-mayor", "co-founder", "ex-minister": a hyphenated compound whose last part is a role.
  const head = /-(\p{Ll}+)$/u.exec(lower)?.[1];
  if (head && ROLE_NOUNS.has(head)) return true;
  return false;
}

/** True when the phrase contains a role noun. */
export function hasRoleNoun(phrase: string): boolean {
  return phrase.split(/\s+/).some((w) => isRoleNoun(w.replace(/[^\p{L}'’-]/gu, '')));
}

/**
 * The role written just before a name: "White House spokeswoman Jen Psaki",
 * "the US Secretary of State, Antony Blinken", "Argentina's secretary for water resources, Lucía Montenegro".
 */
export function findRoleBefore(text: string, nameStart: number): string | null {
  // "the union's national secretary, Dr Priya Raman": read the role before the honorific.
  // "Foreign Minister Datuk Seri Mohamad Hasan": every honorific before the name goes too.
  const honorific =
    /(?:\b(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame|Datuk|Dato|Datin|Seri|Tan Sri|Tun|Smt|Shri|Sheikh|Haji|Hon|Rt Hon|Rt\. Hon|Rev|Cllr)\.?\s+)+$/.exec(
      text.slice(Math.max(0, nameStart - 30), nameStart),
    );
  const end = nameStart - (honorific?.[0].length ?? 0);
  const role = withoutAddress(
    singular(definiteRoleWithClause(text.slice(Math.max(0, end - 160), end)) ?? readRoleBefore(text, end)),
  );
  if (honorific) return role;
  // "the study's lead author, Professor Bethan Lloyd": a lone title is an honorific; the role is before it.
  if (role && HONORIFICS.has(role.toLowerCase())) {
    const at = text.lastIndexOf(role, nameStart);
    return at > 0 ? (readRoleBefore(text, at) ?? null) : null;
  }
  return role;
}

// Titles that also serve as a form of address before a name: "Justice Ruth Makoni", "Senator Ana Lim".
const ADDRESS_TITLES = /^(?:Justice|Judge|Senator|Professor)$/;

/** "NEC chairperson Justice", "Senate President Senator": a form of address after the role is no part of it. */
function withoutAddress(role: string | null): string | null {
  const words = role?.split(' ') ?? [];
  const last = words[words.length - 1] ?? '';
  const before = words[words.length - 2] ?? '';
  if (!ADDRESS_TITLES.test(last) || !isRoleNoun(before) || ROLE_MODIFIERS.has(before.toLowerCase()))
    return role;
  return words.slice(0, -1).join(' ');
}

/** "Harbour Party lawmakers Tom Reddy and Jane Pike": each named one is a "Harbour Party lawmaker". */
function singular(role: string | null): string | null {
  const last = /(\p{Ll}+)s$/u.exec(role ?? '');
  return role && last?.[1] && ROLE_NOUNS.has(last[1]) ? role.slice(0, -1) : role;
}

// "the musicologist who authenticated the manuscript, Dr. Aino Kettunen": with "the", the clause identifies the person.
const DEFINITE_CLAUSE_BEFORE =
  /(?:^|[\s(])[Tt]he\s+((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+\s+(?:who|whose|that)\s+[^,.;:!?"“”()]{3,80}),\s*$/u;

function definiteRoleWithClause(prefix: string): string | null {
  const phrase = DEFINITE_CLAUSE_BEFORE.exec(prefix)?.[1];
  return phrase ? roleWithClause(phrase) : null;
}

/** "MP who chairs the committee": a role noun right before "who", "whose" or "that", and a short clause after it. */
function roleWithClause(phrase: string): string | null {
  const match = /^(.+?)\s+((?:who|whose|that)\s+.+)$/.exec(phrase);
  const head = match?.[1] ?? '';
  const clause = (match?.[2] ?? '').replace(CLAUSE_END, '');
  const last = head.split(/\s+/).pop() ?? '';
  if (!isRoleNoun(last) || head.split(/\s+/).length > 5 || clause.split(/\s+/).length > 8) return null;
  return `${head} ${clause}`;
}

function readRoleBefore(text: string, nameStart: number): string | null {
  let prefix = text.slice(Math.max(0, nameStart - 160), nameStart);
  if (/,\s*$/.test(prefix)) prefix = prefix.replace(/,\s*$/, '');
  else if (!/\s$/.test(prefix)) return null;
  const tokens = prefix.trimEnd().split(/\s+/);
  const phrase: string[] = [];
  let found = false;
  let capitalSeen = false;
  for (let i = tokens.length - 1; i >= 0 && phrase.length < MAX_ROLE_WORDS; i--) {
    let token = tokens[i] ?? '';
    // "Minister in charge of Public Works": the two words are one link, like "in-charge".
    if (token === 'charge' && tokens[i - 1] === 'in' && phrase[0] === 'of') {
      token = 'in charge';
      i--;
    }
    // "Chief Justice (CJ) Aamer Farooq": the initials in brackets before the name are no part of the role.
    if (i === tokens.length - 1 && /^\(\p{Lu}{2,6}\)$/u.test(token)) continue;
    const abbreviation = /^(?:\p{Lu}\.){2,}$/u.test(token) || isTitleAbbreviation(token);
    // "United People's Movement (UPM) counsel": a body's initials in brackets inside the role stay in it.
    if (phrase.length > 0 && /^\(\p{Lu}{2,6}\)$/u.test(token) && /^\p{Lu}/u.test(tokens[i - 1] ?? '')) {
      phrase.unshift(token);
      continue;
    }
    if ((/[,.;:!?"“”()\]—–]$/.test(token) && !abbreviation) || /^["“(]/.test(token)) break;
    const lower = token.toLowerCase();
    if (lower === 'the' && /^of$/i.test(tokens[i - 1] ?? '')) {
      phrase.unshift(token);
      continue;
    }
    // "Helvion's founder and chief executive": "and" between two roles joins them.
    // "Trade and Industry Minister": so does "and" inside a title in capitals.
    const before = tokens[i - 1] ?? '';
    const titled =
      isRoleNoun(before) ||
      (capitalSeen && /^\p{Lu}\p{Ll}/u.test(before) && /^\p{Lu}/u.test(tokens[i + 1] ?? ''));
    if (found && (lower === 'and' || lower === '&') && titled) {
      phrase.unshift(token);
      continue;
    }
    // "Reserve Bank of New Zealand Governor": "of" or "for" between capitals belongs to the body's name.
    if (
      found &&
      capitalSeen &&
      (lower === 'of' || lower === 'for' || lower === 'ng') &&
      /^\p{Lu}/u.test(before)
    ) {
      phrase.unshift(token);
      continue;
    }
    // "Voter Education and Publicity": "and" between capitals in the complement, before the role noun.
    if (!found && lower === 'and' && /^\p{Lu}/u.test(before) && /^\p{Lu}/u.test(tokens[i + 1] ?? '')) {
      phrase.unshift(token);
      continue;
    }
    if (STOPS.has(lower) || SPEECH_VERBS.has(lower)) break;
    // A role word followed by more than a complement ("Voter Education") is part of a complement, no head.
    const next = phrase[0];
    const head = next === undefined || COMPLEMENT_LINKS.has(next) || isRoleNoun(next) || found;
    if ((isRoleNoun(token) || isTitleAbbreviation(token)) && head) found = true;
    // "Chairperson of the Electoral Commission of Ghana, NAME": a complement in capitals may run long.
    else if (!found && phrase.length >= 5 && !/^(?:\p{Lu}|of$|for$|the$|in-charge$|in charge$)/u.test(token))
      return null;
    else if (found && !acceptsBeforeRole(token, capitalSeen && !nextToTitle(phrase, token))) break;
    // "you might think coach NAME": a word after a modal is its verb, and ends the role before it.
    else if (found && MODAL.test(tokens[i - 1] ?? '') && /^\p{Ll}/u.test(token)) break;
    if (found && /^\p{Lu}/u.test(token)) capitalSeen = true;
    phrase.unshift(token);
  }
  return validateRole(phrase);
}

// "opposition Legislator NAME": one plain word qualifies a lone title in capitals, unless it says when.
const NOT_QUALIFIERS =
  /^(?:yesterday|today|tonight|tomorrow|now|then|earlier|later|recently|again|once|here|ago)$/i;

function nextToTitle(phrase: readonly string[], token: string): boolean {
  return phrase.length === 1 && /^\p{Lu}\p{Ll}/u.test(phrase[0] ?? '') && !NOT_QUALIFIERS.test(token);
}

const MODAL = /^(?:can|could|may|might|must|shall|should|will|would|do|does|did|to)$/i;

/** Before the role noun: capitalized words and modifiers; a plain lowercase word only right next to it ("transport minister"). */
function acceptsBeforeRole(token: string, capitalSeen: boolean): boolean {
  if (/^\p{Lu}/u.test(token) || ROLE_MODIFIERS.has(token.toLowerCase())) return true;
  return !capitalSeen && /^[\p{Ll}-]{3,}(?:['’]s)?$/u.test(token);
}

// "Oregon Gov. Ellen Marsh", "Sen. Ruiz": a title shortened with a period is a role, not a sentence end.
const TITLE_ABBREVIATION = /^(?:Gov|Sen|Rep|Lt|Gen|Col|Capt|Sgt|Adm|Supt|Insp|Cllr|Amb)\.$/;

function isTitleAbbreviation(token: string): boolean {
  return TITLE_ABBREVIATION.test(token);
}

/** A role that is only a shortened title ("Sen."): the apposition after the name says more, when there is one. */
export function isBareTitle(role: string | null): boolean {
  // "Judge Lex Mphathi, chairman of the hearing": a form of address alone says less than the apposition.
  return role !== null && (isTitleAbbreviation(role) || ADDRESS_TITLES.test(role));
}

function validateRole(words: string[]): string | null {
  // "Ivan Duque, of former President Alvaro Uribe's party": a role opens with no link word.
  const opening = words.findIndex((w) => !COMPLEMENT_LINKS.has(w));
  const phrase = opening > 0 ? words.slice(opening) : words;
  let lastRole = -1;
  phrase.forEach((word, i) => {
    // "Commissioner in-charge of Voter Education": a role word inside the complement is no new head.
    const inComplement = lastRole >= 0 && COMPLEMENT_LINKS.has(phrase[lastRole + 1] ?? '');
    if ((isRoleNoun(word) || isTitleAbbreviation(word)) && !inComplement) lastRole = i;
  });
  if (lastRole < 0) return null;
  // After the role noun only a complement may follow: "Secretary of State", "analyst at X".
  const after = phrase[lastRole + 1];
  if (after !== undefined && !COMPLEMENT_LINKS.has(after)) return null;
  // "father of two at": a complement cut off at the name is no role.
  if (COMPLEMENT_LINKS.has(phrase[phrase.length - 1] ?? '')) return null;
  return phrase.join(' ');
}

// ", 44, a fisherman,": an age before the apposition is skipped.
const APPOSITIVE =
  /^,\s+(?:\d{1,3},\s+)?(?:(the|a|an|one)\s+)?([^,;:!?“”"()—–]{2,160}?)\s*(?=,|;|:|—|–|\.(?:\s|$)|$)/;
// Where an apposition stops being the role: "a retired nurse convicted of ...", "..., who represents".
const APPOSITIVE_STOP =
  /\s+(?:who|which|whose|that|and|but|or|when|where|while|as|after|since|said|says|told|has|have|had|is|was|will|convicted|accused|charged|known|based|speaking)\b/gi;
// Where a relative clause kept in a role stops.
const CLAUSE_END = /\s+(?:and|but|or|when|where|while|as|after|since|said|says|told)\b.*$/i;

/**
 * An apposition up to where it stops being the role; "and" goes on when a second role follows it
 * ("President and Chief Executive Officer of Takeda", "chief executive and co-founder of X").
 */
function cutApposition(whole: string): string {
  for (const match of whole.matchAll(APPOSITIVE_STOP)) {
    const rest = whole.slice(match.index + match[0].length);
    if (/^\s+and$/i.test(match[0]) && joinsRole(rest)) continue;
    return whole.slice(0, match.index);
  }
  return whole;
}

/** True when the words after "and" are a role: modifiers, then a role noun ("Chief Executive Officer"). */
function joinsRole(rest: string): boolean {
  for (const word of rest.trim().split(/\s+/).slice(0, 4)) {
    if (isRoleNoun(word)) return true;
    // "Chief Human Resources Officer and Labor Director": a second title's field in capitals.
    if (!ROLE_MODIFIERS.has(word.toLowerCase()) && !/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  }
  return false;
}

/** The role written after a name as an apposition: "Jen Psaki, the White House press secretary, said". */
export function findRoleAfter(text: string, nameEnd: number): string | null {
  // Abbreviation periods ("St. Vincent's Hospital") do not end the apposition.
  // "Chairperson of the Electoral Commission (EC) of Ghana": an acronym in brackets stays in the role.
  const window = text
    .slice(nameEnd, nameEnd + 240)
    .replace(/\b(St|Dr|Mt|Jr|Sr|No|Co|Inc|Ltd)\./g, '$1\u0000')
    .replace(
      /\s\((\p{Lu}[\p{L}\p{N}.&-]{0,9})\)(?=\s+(?:of|for|in|at|has|have|had|is|was|will|said|says)\s|,)/gu,
      ' \u0001$1\u0002',
    );
  const match = APPOSITIVE.exec(window);
  const whole =
    match?.[2]?.replaceAll('\u0000', '.').replaceAll('\u0001', '(').replaceAll('\u0002', ')').trim() ?? '';
  const definite = match?.[1]?.toLowerCase() === 'the' ? roleWithClause(whole) : null;
  if (definite) return definite;
  const phrase = cutApposition(whole).trim();
  if (!phrase) return null;
  const words = phrase.split(/\s+/);
  const first = (words[0] ?? '').toLowerCase();
  if (words.length > MAX_ROLE_WORDS + 2 || STOPS.has(first) || SPEECH_VERBS.has(first)) return null;
  return hasRoleNoun(phrase) ? phrase : null;
}
