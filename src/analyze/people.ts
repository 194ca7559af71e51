import { addEpithetRoles } from './epithets.ts';
import {
  findCapitalizedRuns,
  findInstitutionNames,
  findPersonNames,
  isHonorific,
  type NameMention,
  surnameOf,
} from './names.ts';
import { judgePersonhood } from './personhood.ts';
import { findQuoteSpans } from './quote-spans.ts';
import { findRoleAfter, findRoleBefore, hasRoleNoun, isBareTitle, isRoleNoun } from './roles.ts';
import { NAME_PARTICLES, NON_NAME_WORDS } from './vocabulary.ts';

/** A person named in the article, with the role the text first gives them. */
export interface Person {
  name: string;
  role: string | null;
  /** The article's wording shows a person (a role, an honorific, the surname alone): a pronoun may mean them. */
  sure?: boolean;
  /** The age the text gives ("Menon, 31," or "31-year-old Menon"), for "the 31-year-old said". */
  age?: number;
}

/** Everyone the article names in full, reachable by full name or surname. */
export interface PeopleIndex {
  byName: Map<string, Person>;
  bySurname: Map<string, Person>;
  /** First names that belong to one person only ("Xi" of "Xi Jinping"), null when shared. */
  byFirstName: Map<string, Person | null>;
  /** Surnames two people named in full share ("Denise Broussard", "Earl Broussard"). */
  sharedSurnames: Set<string>;
  /** Institutions named in full, with their owner ("Indonesia's Centre for Volcanology"), for "the centre said". */
  institutions: string[];
  /** Names read as a person's at first that the article's wording shows are not ("Network Rail"). */
  dropped?: Set<string>;
  /** The one name of the article whose initials an acronym spells ("LSK" -> "Law Society of Kenya"), else null. */
  expandAcronym?: (acronym: string) => string | null;
  /** The one longer name of the article a body's short name is part of ("the Bank" -> "Reserve Bank of Malawi"), else null. */
  expandShortName?: (name: string) => string | null;
  /** The pronoun a person goes by where the text shows it (genders.ts): "she said" is not a man's. */
  pronouns?: Map<string, 'he' | 'she'>;
}

/**
 * Collects the people the article names in full ("Antony Blinken") with their roles,
 * so that a later or earlier "Blinken" or "the US Secretary of State" finds them.
 */
export function buildPeopleIndex(paragraphs: string[]): PeopleIndex {
  const index: PeopleIndex = {
    byName: new Map(),
    bySurname: new Map(),
    byFirstName: new Map(),
    sharedSurnames: new Set(),
    institutions: [],
  };
  // Read only when a speaker is an acronym: most articles never ask.
  let acronyms: Map<string, string | null> | null = null;
  index.expandAcronym = (acronym) => {
    acronyms ??= collectAcronyms(paragraphs);
    return acronyms.get(acronym) ?? null;
  };
  let runs: string[][] | null = null;
  index.expandShortName = (name) => {
    runs ??= paragraphs.flatMap((text) => findCapitalizedRuns(text).map((run) => run.words));
    return fullerNameOf(name, runs);
  };
  for (const text of paragraphs) {
    for (const name of [...findInstitutionNames(text), ...findLowercaseInstitutions(text)]) {
      if (!index.institutions.includes(name)) index.institutions.push(name);
    }
    const mentions = findPersonNames(text);
    for (const mention of mentions) {
      const before = ownRole(findRoleBefore(text, mention.start), text, mention, mentions);
      const role = isBareTitle(before)
        ? (findRoleAfter(text, mention.end) ?? before)
        : (before ?? findRoleAfter(text, mention.end));
      const surname = surnameOf(mention.name);
      const namesake = index.bySurname.get(surname);
      const known =
        index.byName.get(mention.name) ??
        (namesake && isSamePerson(namesake.name, mention.name) ? namesake : null) ??
        familyNameFirst(index, mention.name) ??
        shortenedName(index, mention.name);
      const age = ageAt(text, mention.start, mention.end);
      if (known) {
        if (role && (!known.role || role.split(' ').length > known.role.split(' ').length)) known.role = role;
        if (age !== undefined) known.age ??= age;
        continue;
      }
      const person: Person = { name: mention.name, role, ...(age === undefined ? {} : { age }) };
      index.byName.set(person.name, person);
      if (namesake) index.sharedSurnames.add(surname);
      else index.bySurname.set(surname, person);
      const first = person.name.split(' ')[0] ?? '';
      index.byFirstName.set(first, index.byFirstName.has(first) ? null : person);
    }
  }
  addInnerNames(
    addKinNamedOnce(mergeQuotedEpithets(dropNonPeople(index, paragraphs), paragraphs), paragraphs),
  );
  addEpithetRoles(paragraphs, (sentence) => {
    const first = findPeopleMentioned(sentence, index)[0];
    return first && first.at === 0 ? first.person : null;
  });
  return index;
}

// "His granddaughter Aoife, who runs the stall,": a role after a possessive, then one given name.
const KIN_NAME =
  /\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)\s+(?:\p{Ll}+\s+)?(\p{Ll}+)\s+(\p{Lu}\p{Ll}{2,})(?=\s*[,.;:]|\s+\p{Ll})/gu;

/** People the article names by one given name after a role ("her son Tom"), who may then speak as "she". */
function addKinNamedOnce(index: PeopleIndex, paragraphs: string[]): PeopleIndex {
  for (const text of paragraphs) {
    for (const match of text.matchAll(KIN_NAME)) {
      const [, role = '', name = ''] = match;
      if (!isRoleNoun(role) || NON_NAME_WORDS.has(name.toLowerCase())) continue;
      if (index.byName.has(name) || index.bySurname.has(name) || index.byFirstName.has(name)) continue;
      const person: Person = { name, role, sure: true };
      index.byName.set(name, person);
      index.bySurname.set(name, person);
    }
  }
  return index;
}

/**
 * "giving Sellout Jagmeet Singh another chance", inside someone's quote, then "NDP Leader Jagmeet
 * Singh" in the story: a word before a name only ever written in quoted speech is the speaker's
 * epithet, and the person is the one the story names.
 */
function mergeQuotedEpithets(index: PeopleIndex, paragraphs: string[]): PeopleIndex {
  for (const person of [...index.byName.values()]) {
    const words = person.name.split(' ');
    if (words.length < 3) continue;
    const plain = index.byName.get(words.slice(1).join(' '));
    if (!plain || !onlyQuoted(person.name, paragraphs)) continue;
    plain.role ??= person.role;
    index.byName.delete(person.name);
    for (const map of [index.bySurname, index.byFirstName]) {
      for (const [key, value] of map) if (value === person) map.set(key, plain);
    }
    index.byFirstName.delete(words[0] ?? '');
    index.sharedSurnames.delete(surnameOf(plain.name));
  }
  return index;
}

/**
 * True when every time a text writes the name, it is inside quoted speech. The spans come from the
 * quote scanner, so a quote whose opening mark is missing or whose mark is the wrong glyph counts
 * as speech here exactly as it does for the quotes themselves.
 */
function onlyQuoted(name: string, paragraphs: string[]): boolean {
  let seen = false;
  for (const [paragraph, text] of paragraphs.entries()) {
    if (!text.includes(name)) continue;
    const spans = findQuoteSpans(text, paragraph);
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      seen = true;
      if (!spans.some((span) => at >= span.start && at + name.length <= span.end)) return false;
    }
  }
  return seen;
}

/**
 * "Lula" of "Luiz Inácio Lula da Silva", "Ruiz" of "Carlos Ruiz Medina": a long name is often cut to a
 * word inside it (a nickname, the first of two surnames). Each such word of one person only finds them.
 */
function addInnerNames(index: PeopleIndex): PeopleIndex {
  const owners = new Map<string, Person | null>();
  for (const person of index.byName.values()) {
    const words = person.name.split(' ');
    for (const word of words.slice(1, -1)) {
      if (!/^\p{Lu}\p{Ll}{2,}$/u.test(word) || NAME_PARTICLES.has(word.toLowerCase())) continue;
      if (NON_NAME_WORDS.has(word.toLowerCase())) continue;
      owners.set(word, owners.has(word) ? null : person);
    }
  }
  for (const [word, person] of owners) {
    if (person && !index.bySurname.has(word) && !index.byFirstName.has(word) && !index.byName.has(word))
      index.bySurname.set(word, person);
  }
  return index;
}

/** The age written right after a name (", 31,") or before it ("31-year-old"), if any. */
function ageAt(text: string, start: number, end: number): number | undefined {
  const after = /^,\s*(\d{1,3})\b(?!\s*(?:%|per|percent|years?\b))/.exec(text.slice(end, end + 8))?.[1];
  const before = /(\d{1,3})-year-old\s+(?:[\p{L}-]+\s+){0,3}$/u.exec(
    text.slice(Math.max(0, start - 60), start),
  )?.[1];
  const age = Number(after ?? before ?? Number.NaN);
  return Number.isInteger(age) && age > 0 && age < 120 ? age : undefined;
}

/**
 * "Bank" in "the Bank said" is the "Reserve Bank of Malawi" when that is the one name of the article
 * that holds it and goes on with "of" or "for" there: a body's full name ("the Central Bank" or
 * "Commission President Ana Ruiz" are no fuller names of it).
 */
function fullerNameOf(name: string, runs: string[][]): string | null {
  const short = name.split(/\s+/);
  const found = new Set<string>();
  for (const run of runs) {
    const words = /^(?:The|A|An)$/.test(run[0] ?? '') ? run.slice(1) : run;
    for (let at = 0; at + short.length < words.length; at++) {
      const next = words[at + short.length];
      if ((next === 'of' || next === 'for') && short.every((w, i) => words[at + i] === w))
        found.add(words.join(' '));
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** Every name of two or more capitalized words by its initials ("of", "the", "and", "for" skipped). */
function collectAcronyms(paragraphs: string[]): Map<string, string | null> {
  const found = new Map<string, string | null>();
  for (const text of paragraphs) {
    for (const run of findCapitalizedRuns(text)) {
      const words = run.words.filter((w) => /^\p{Lu}/u.test(w) && !/^(?:The|A|An)$/.test(w));
      if (words.length < 2 || words.length > 6) continue;
      const initials = words.map((w) => w[0]).join('');
      const name = run.words.filter((w) => !/^(?:The|A|An)$/.test(w)).join(' ');
      const known = found.get(initials);
      if (known === undefined) found.set(initials, name);
      else if (known !== name) found.set(initials, null);
    }
  }
  return found;
}

/** Takes out the names the article's wording shows to be no person's ("the Budget Session", "in Tamil Nadu"). */
function dropNonPeople(index: PeopleIndex, paragraphs: string[]): PeopleIndex {
  for (const person of [...index.byName.values()]) {
    const verdict = judgePersonhood(person.name, person.role, paragraphs);
    person.sure = verdict === 'person';
    if (verdict !== 'not-person') continue;
    index.byName.delete(person.name);
    index.dropped ??= new Set();
    index.dropped.add(person.name);
    for (const map of [index.bySurname, index.byFirstName]) {
      for (const [key, value] of map) if (value === person) map.delete(key);
    }
  }
  return index;
}

const BODY_HEAD =
  'agency|ministry|department|council|court|commission|union|company|committee|board|authority|office|service|bureau|tribunal|police';
// "the Saudi press agency", "Kenya's high court": a named owner and a common noun that heads a body.
const LOWERCASE_BODY = new RegExp(
  `\\b(?:the\\s+)?((?:\\p{Lu}[\\p{L}'’.-]*\\s+)+(?:\\p{Ll}+\\s+){0,2}(?:${BODY_HEAD}))\\b(?!\\s+\\p{Lu})`,
  'gu',
);

// "Danny Voss while police investigate": a conjunction between the capitals and the noun ends the name.
const CLAUSE_WORDS =
  /\s(?:while|when|as|and|or|but|after|before|if|because|that|who|which|whom|said|says|told|until|since|with|to)\s/;

/** Bodies named by owner and common noun, which "the agency said" means when no capitalized name fits. */
function findLowercaseInstitutions(text: string): string[] {
  return [...text.matchAll(LOWERCASE_BODY)]
    .map((m) => (m[1] ?? '').replace(/^(?:The|A|An|In|At|On|By)\s+/, ''))
    .filter((name) => /\s\p{Ll}/u.test(name) && name.split(/\s+/).length <= 6 && !CLAUSE_WORDS.test(name));
}

/**
 * "Mr Heng" after "Heng Swee Keat", "Ms Kuo" after "Kuo Jia-hui": one word after an honorific that
 * begins the full name of one person only is that person's family name, written first.
 */
function familyNameFirst(index: PeopleIndex, name: string): Person | null {
  if (name.includes(' ')) return null;
  const person = index.byFirstName.get(name);
  return person?.name.includes(' ') ? person : null;
}

/**
 * "Rafiqul Karim" after "Rafiqul Karim Chowdhury": the first words of one person's longer name are
 * that person, written short (as South Asian and Iberian names often are).
 */
function shortenedName(index: PeopleIndex, name: string): Person | null {
  if (!name.includes(' ')) return null;
  const longer = [...index.byName.values()].filter((p) => p.name.startsWith(`${name} `));
  return longer.length === 1 ? (longer[0] ?? null) : null;
}

/** "Teresa Villanueva" is "Teresa M. Villanueva"; "Earl Broussard" is not "Denise Broussard". */
function isSamePerson(known: string, name: string): boolean {
  const a = known.split(' ');
  const b = name.split(' ');
  const first = b[0] ?? '';
  // "Mr. Arora" after "Sunil Arora": the surname alone is the person named in full.
  if (b.length === 1) return true;
  if (isRoleNoun(first) || /^\p{Lu}\.?$/u.test(first)) return true;
  return a[0] === first || (a[0] ?? '').startsWith(first.replace(/\.$/, ''));
}

/**
 * "Sydney Metro chief executive Peter Regan and Transport Minister Jo Haylen": a role before a name
 * that holds another titled person's name and "and" is only the words after them.
 */
function ownRole(
  role: string | null,
  text: string,
  mention: NameMention,
  mentions: readonly NameMention[],
): string | null {
  const from = role ? text.lastIndexOf(role, mention.start) : -1;
  if (!role || from < 0) return role;
  const other = mentions.findLast(
    (m) => m.start >= from && m.end < mention.start && findRoleBefore(text, m.start) !== null,
  );
  const rest = other
    ? /^\s*(?:and|&)\s+(.+)$/su.exec(text.slice(other.end, mention.start))?.[1]?.trim()
    : null;
  return rest && hasRoleNoun(rest) ? rest : role;
}

/**
 * The index as seen from one paragraph: a surname two people share points to the one
 * named in full most recently ("Her husband, Earl Broussard, ..." then "Broussard said").
 */
export function followRecentMentions(people: PeopleIndex, paragraph: string): void {
  if (people.sharedSurnames.size === 0) return;
  for (const mention of findPersonNames(paragraph)) {
    const surname = surnameOf(mention.name);
    const person = people.byName.get(mention.name);
    if (person && people.sharedSurnames.has(surname)) people.bySurname.set(surname, person);
  }
}

/** The first person named in a phrase: by full name, or by the surname of someone named in full elsewhere. */
export function findPersonIn(phrase: string, people: PeopleIndex): Person | null {
  const full = findPersonNames(phrase).find((m) => people.byName.has(m.name));
  const bySurname = findPeopleMentioned(phrase, people)[0];
  // "Saudi investment minister Khalid Al-Falih": a given name alone before a full name is not the speaker.
  const wordAt = bySurname ? (/^[\p{L}\p{M}'’-]+/u.exec(phrase.slice(bySurname.at))?.[0] ?? '') : '';
  // "Mr Wan Saiful" of "Wan Saiful Wan Jan": the first two words of the name are the person written short.
  const shortened = bySurname?.person.name.split(' ').slice(0, 2).join(' ') ?? '';
  const givenOnly =
    bySurname &&
    !phrase.startsWith(surnameOf(bySurname.person.name), bySurname.at) &&
    !(shortened.includes(' ') && phrase.startsWith(shortened, bySurname.at)) &&
    people.bySurname.get(wordAt.replace(/['’]s$/, '')) !== bySurname.person;
  if (full && (!bySurname || full.start <= bySurname.at || givenOnly))
    return people.byName.get(full.name) ?? null;
  return bySurname?.person ?? null;
}

/** Every person mentioned in a text, in order, by full name or known surname. */
export function findPeopleMentioned(
  text: string,
  people: PeopleIndex,
): Array<{ person: Person; at: number }> {
  const found: Array<{ person: Person; at: number }> = [];
  for (const match of text.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*/gu)) {
    const word = match[0].replace(/['’]s$/, '');
    const person = people.bySurname.get(word) ?? people.byFirstName.get(word);
    if (!person) continue;
    // "Park said" after "Park Ji-hoon", but not "Central Park": a surname that is also a common word
    // counts on its own only.
    // "Ms May", "Mr Park": after an honorific the common word is the surname all the same.
    const lead = /(\p{Lu}[\p{L}'’.-]*)\s+$/u.exec(
      text.slice(Math.max(0, match.index - 30), match.index),
    )?.[1];
    const glued = !!lead && !isHonorific(lead);
    if (
      !NON_NAME_WORDS.has(word.toLowerCase()) ||
      (people.bySurname.get(word) === person && !glued && !/^(?:the|a|an|new|old)$/i.test(word))
    )
      found.push({ person, at: match.index });
  }
  return found;
}
