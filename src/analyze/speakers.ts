import { type DocumentIssuer, documentSpeaker } from './documents.ts';
import { findPersonNames } from './names.ts';
import { isSpeechParticiple, participleSubject } from './participle-subject.ts';
import type { PeopleIndex, Person } from './people.ts';
import { findPeopleMentioned, findPersonIn } from './people.ts';
import { hasRoleNoun, isRoleNoun } from './roles.ts';
import { institutionByReference, institutionOf, leadingInstitution, personByRole } from './subjects.ts';
import { SPEECH_VERBS } from './vocabulary.ts';

/** Who said a quote: a person of the article, an organisation, or an unnamed source as a phrase ("juror"). */
export interface Attribution {
  speaker: string | null;
  role: string | null;
  /** What the speaker is: "it said" may only mean an organisation, "he said" only a person. */
  kind?: SpeakerKind;
}

/** A person named in the article, an organisation, or someone the text does not name. */
export type SpeakerKind = 'person' | 'organisation' | 'unnamed';

/** What attribution needs besides the phrase: the people and who spoke last. */
export interface SpeakerContext {
  people: PeopleIndex;
  lastSpeaker: Person | null;
  /** Someone the current paragraph reports as speaking before the quote ("Ferrán said he ..."). */
  paragraphSpeaker: Person | null;
  /** The person the sentence before the quote starts with ("John Smith disagreed. “...,” he said"). */
  sentenceSubject?: Person | null;
  /** Someone the previous paragraph reports as speaking ("Aalto ... said the mission ..."). */
  previousSpeaker: Person | null;
  /** The one the previous paragraph quoted: "he said" goes on in that voice before anyone it merely named. */
  previousQuoteSpeaker?: Person | null;
  /** Whom the last sentence of the previous paragraph is about ("Ana Lim, a farmer, fled her village."). */
  previousSubject?: Person | null;
  /** The first person the paragraph names before the quote ("Nowakowska ... she laughed. “...,” she said"). */
  paragraphSubject?: Person | null;
  /** The organisation that last spoke or acted as a subject ("NASA said ... In a statement it said"). */
  lastOrganisation?: string | null;
  /** An unnamed source the quote's own paragraph opens with: "he said" there is theirs when no person acts. */
  paragraphUnnamed?: string | null;
  /** The source last introduced without a name ("a senior official"): "the official said" is that one. */
  lastUnnamed?: string | null;
  /** The person last reported putting out a document: "the notice said" is theirs. */
  lastIssuer?: DocumentIssuer | null;
  /** The people last spoken of as a group ("locals have been left wondering. One said:"). */
  lastGroup?: string | null;
  /** The person the story last reported speaking or acting, in any earlier paragraph. */
  recentPerson?: Person | null;
}

const PRONOUN = /^(?:he|she|they|him|her)\b/i;
const THING_PRONOUN = /^(?:it|they)$/i;
/** A clause subject that is only a pronoun. */
export const PRONOUN_SUBJECT = /^(?:he|she|they)$/i;

/** The words right before a verb, after the last comma or conjunction: "..., and he" -> "he". */
export function immediateSubject(head: string): string {
  const parts = head.split(/[,;:]|\b(?:and|but|that|while|as|then)\b/i);
  return (parts[parts.length - 1] ?? '').trim();
}
const INDEFINITE = /^(?:a|an|one|another|some)\s+/i;
const DEFINITE = /^(?:the|his|her|their|its)\s+/i;

/** Attributes a quote from the words after its closing mark: `,” said X`, `,” X said`, `,” according to X`. */
export function findAttributionAfter(
  after: string,
  ctx: SpeakerContext,
  closedSentence = false,
): Attribution | null {
  // “...”. – Jean Mensa: a name signed after a dash at the end of the paragraph.
  // "— A.Parubiy at the Conciliation Board": an initial's stop is no end of the name.
  const signed = /^[\s,.]*[—–-]\s*(\p{Lu}(?:[^—–"“”,.;:]|(?<=(?:^|\s|\.)\p{Lu})\.){2,60}?)\s*$/u.exec(
    after,
  )?.[1];
  if (signed) {
    const person = findPersonIn(signed, ctx.people);
    if (person) return personAttribution(person);
  }
  const clause = firstClause(after.replace(/^[\s,.;:—–-]+/, ''));
  if (!clause) return null;
  const according = /^according to\s+(.+)$/i.exec(clause);
  if (according?.[1]) return resolveSpeaker(according[1], ctx);
  // “...,” the agency quoted Awan, who ...: the one quoted speaks, not the outlet quoting them.
  const quoted = QUOTED_BY.exec(clause)?.[1];
  const quotedSpeaker = quoted ? resolveSpeaker(quoted, ctx) : null;
  if (quotedSpeaker?.speaker) return quotedSpeaker;
  const words = clause.split(/\s+/);
  const first = (words[0] ?? '').toLowerCase();
  if (SPEECH_VERBS.has(first)) return resolveSpeaker(words.slice(1).join(' '), ctx);
  // After a quote that ended its sentence ("... on Friday.” European leaders have said ..."), a new
  // sentence is an attribution only when short: “We will win.” Smith said.
  // sentence is an attribution only when it opens with its speaker: “We will win.” Smith told reporters.
  const found = words.slice(0, 16).findIndex((w) => SPEECH_VERBS.has(w.toLowerCase().replace(/[,.]$/, '')));
  // “Who pays for it?” Regional Transport Commissioner Lindiwe Dube said.: a longer opening is
  // one when it is a role and the name right before the verb.
  // The person whose name ends the words before the verb, looked up once, when first asked for.
  let ending: Person | null | undefined;
  const endingName = (): Person | null => (ending ??= nameAtEnd(words.slice(0, found), ctx.people));
  const verbAt = closedSentence && found >= 4 && !endingName() ? -1 : found;
  if (
    closedSentence &&
    verbAt > 0 &&
    /^(?:have|has|had|will|would|could|may|might)$/i.test(words[verbAt - 1] ?? '')
  )
    return null;
  if (verbAt <= 0) return null;
  const head = words.slice(0, verbAt).join(' ');
  // “...” and Banda at State House, the presidency said: the words after the last comma speak.
  const near = immediateSubject(head);
  // “...” during talks with Kazlauskiene, he said: the pronoun speaks, not a name in the phrase before it.
  if (near !== head && PRONOUN_SUBJECT.test(near)) {
    const own = pronounTarget(ctx, near);
    if (own?.speaker) return own;
  }
  // Only where the sentence goes on ("and ..."): "Ana Ruiz, the spokesperson, said" is one speaker.
  const goesOn = /^\p{Ll}/u.test(head) && !/^(?:the|a|an|its|their)\s/i.test(head);
  if (goesOn && near && near !== head && /^(?:the|its|their)\s/i.test(near)) {
    const own = resolveSpeaker(near, ctx, true);
    if (own?.speaker) return own;
  }
  // “...,” Cricket Australia’s chief executive Nick Hockley said: the owner of the role is not the one speaking.
  const named = /['’]s\s/.test(head) ? endingName() : null;
  if (named) return personAttribution(named);
  return resolveSpeaker(head, ctx);
}

/** The person named last when the words are a role and a name, the name last ("Transport Workers Union regional secretary Sipho Mthembu"); else null. */
function nameAtEnd(words: readonly string[], people: PeopleIndex): Person | null {
  const head = words.join(' ');
  if (words.length > 8 || /[,;:]/.test(head)) return null;
  const last = findPeopleMentioned(head, people).at(-1);
  return last?.person.name.split(' ').includes(words[words.length - 1] ?? '') ? last.person : null;
}

/** "Iceland's fisheries minister" of "Iceland's fisheries minister made clear ...": a role the clause opens with. */
function openingRole(clause: string): string | null {
  const words = clause.trim().split(/\s+/);
  if (!/^(?:\p{Lu}[\p{L}.-]*['’]s|[Tt]he)$/u.test(words[0] ?? '')) return null;
  for (let i = 1; i < Math.min(words.length - 1, 5); i++) {
    const word = words[i] ?? '';
    if (!/^[\p{Ll}-]+$/u.test(word)) return null;
    if (isRoleNoun(word) && !isRoleNoun(words[i + 1] ?? '')) return words.slice(0, i + 1).join(' ');
  }
  return null;
}

const QUOTED_BY = /^(?:[\p{L}\p{N}'’.-]+\s+){1,5}?quoted\s+(.+?)(?:\s+as\s+(?:saying|telling|adding)\b.*)?$/u;

/** Attributes a quote from the words before its opening mark: `X said:`, `According to X,`, `X said that`. */
export function findAttributionBefore(before: string, ctx: SpeakerContext): Attribution | null {
  const according = /\baccording to\s+([^,;:]{2,80})[,:]?\s*$/i.exec(before);
  if (according?.[1]) return resolveSpeaker(according[1], ctx);
  // "As Marková put it:", "In the words of the minister,": the one named is the speaker.
  const wording = PUT_IT.exec(before);
  const worded = wording?.[1] ?? wording?.[2];
  if (worded) return resolveSpeaker(worded, ctx);
  let verbAt = -1;
  let participle = false;
  for (const match of before.matchAll(/\p{L}+/gu)) {
    const ing = isSpeechParticiple(match[0], before.slice(0, match.index));
    if (!SPEECH_VERBS.has(match[0].toLowerCase()) && !ing) continue;
    verbAt = match.index;
    participle = ing;
    // "LSK says that the court condemned ... the ‘...’": what follows "says that" is reported, the sayer speaks.
    if (/^\s+that\b/i.test(before.slice(match.index + match[0].length))) break;
  }
  // "According to a report in the Gazette, the plant may close, “...”": the source the sentence opens with speaks.
  if (verbAt < 0) {
    const leading = /^\s*according to\s+([^,;:]{2,80}),/i.exec(before)?.[1];
    return leading ? resolveSpeaker(leading, ctx) : null;
  }
  const subject = before
    .slice(0, verbAt)
    .replace(/^[\s,;:—–-]+/, '')
    .replace(ASIDE, '')
    .trim();
  // "Ana fired the manager, Paul Reis, saying ...": the participle's speaker is the clause's subject.
  if (participle) {
    const own = participleSubject(subject, ctx.people);
    if (own === 'he' || own === 'she') return pronounTarget(withoutNamedIn(subject, ctx), own);
    if (own) return personAttribution(own);
    // "Iceland's fisheries minister made clear ..., saying": a role that opens the clause speaks.
    const described = openingRole(subject);
    const byRole = described ? resolveRoleReference(described, ctx) : null;
    if (byRole?.speaker) return byRole;
  }
  // ”, said Rachel Kim, a lawyer, “but ...: the speaker follows the verb.
  if (!subject) return resolveSpeaker(before.slice(verbAt).replace(/^\p{L}+\s*/u, ''), ctx);
  const near = immediateSubject(subject);
  if (PRONOUN_SUBJECT.test(near)) return pronounTarget(ctx, near);
  // "Regarding measures under U.S. President-elect Donald Trump, the BOJ chief said,": the words
  // right before the verb name the speaker; a name earlier in the sentence is what they spoke of.
  if (near && near !== subject && /^(?:the|its|their)\s/i.test(near)) {
    const own = resolveSpeaker(near, ctx, true);
    if (own?.speaker) return own;
  }
  return resolveSpeaker(subject, ctx, true);
}

// "The central bank, for its part, said", "McQueen, meanwhile, said": an aside between commas is no subject.
const ASIDE =
  /,\s*(?:meanwhile|however|though|too|also|in turn|in response|in reply|by contrast|in contrast|on the other hand|for (?:his|her|its|their|our) part)\s*,?\s*$/i;

const PUT_IT =
  /(?:^|[.!?]\s+|,\s*)(?:[Aa]s\s+([^,;:]{2,80}?)\s+(?:put it|puts it|phrased it|says|said)|[Ii]n the words of\s+([^,;:]{2,80}))[,:]?\s*$/;

/** The text up to the end of its first sentence or the next quote mark. */
function firstClause(text: string): string {
  // A period after a title or abbreviation ("said Mr. Manchin") does not end the attribution.
  const stop =
    /(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Jr|Sr|No|Hon|Rev|Rt|U\.S|U\.N|U\.K|[A-Z]))[.!?](?:\s|$)|["“”«»]/.exec(
      text,
    );
  return (stop ? text.slice(0, stop.index) : text).slice(0, 240).trim();
}

// "The Auditor’s Office also stated", "the ministry later said": an adverb before the verb is no part of the speaker.
const TRAILING_ADVERBS =
  /(?:\s+(?:also|further|later|then|again|earlier|previously|separately|additionally|subsequently|repeatedly|publicly|recently|once|too|has|have|had|would|will))+$/i;

/**
 * Resolves an attribution phrase to a speaker: a full name, a surname introduced
 * elsewhere, a pronoun (the person the paragraph reports speaking, else the last
 * speaker), a role reference ("the head of US diplomacy"), or an unnamed source.
 */
export function resolveSpeaker(phrase: string, ctx: SpeakerContext, lastMention = false): Attribution | null {
  const person = lastMention ? lastPersonIn(phrase, ctx.people) : findPersonIn(phrase, ctx.people);
  if (person) return personAttribution(person);
  // "A spokesman for the agency, which pays for the mission, said": the clause after the subject is not it.
  const trimmed = phrase
    .trim()
    .replace(/,\s*(?:who|which|whose|where)\b.*$/i, '')
    .replace(/\s+[—–-]+\s+(?:who|which)\b.*$/i, '')
    .replace(/,$/, '')
    .replace(TRAILING_ADVERBS, '');
  const subject = lastMention ? (trimmed.split(/[,;]\s*/).pop() ?? trimmed) : trimmed;
  // "In a statement it said": an organisation spoke; "they" is one too when an organisation did last.
  const lastWord = lastMention ? (/(\p{L}+)$/u.exec(subject)?.[1] ?? '') : subject;
  if (THING_PRONOUN.test(lastWord) && ctx.lastOrganisation) return organisation(ctx.lastOrganisation);
  if (PRONOUN.test(subject) || (lastMention && /\b(?:he|she)\b/i.test(subject)))
    return pronounTarget(ctx, /\b(?:he|she|they|him|her)\b/i.exec(subject)?.[0] ?? '');
  if (/^one(?:\s+of\s+(?:them|th[eo]se(?:\s+\p{Ll}+)?))?$/iu.test(subject) && ctx.lastGroup)
    return unnamed(ctx.lastGroup, null);
  const issuer = documentSpeaker(subject, ctx.lastIssuer);
  if (issuer) return personAttribution(issuer);
  const spokesperson = spokespersonOf(subject, ctx);
  if (spokesperson) return spokesperson;
  const statement = statementOf(subject, ctx);
  if (statement) return statement;
  const named = findPersonNames(subject)[0];
  if (named && !isDroppedName(named.name, ctx)) return { speaker: named.name, role: null, kind: 'person' };
  // "the agency said" after "the federal waterways agency said": the body last named with that noun.
  if (/^the\s+\p{Ll}/iu.test(subject) && INSTITUTION_NOUN.test(subject)) {
    const fuller = fullerOrganisation(subject, ctx);
    if (fuller !== subject) return organisation(fuller);
  }
  // "the company said": the organisation the story is about, when the article names none by that noun.
  // "the bank said" where the article names one "... Bank of ...": that one, before the body that spoke last.
  const noun = GENERIC_BODY.test(subject) ? subject.replace(/^the\s+/i, '') : '';
  const ofKind = noun ? ctx.people.expandShortName?.(noun[0]?.toUpperCase() + noun.slice(1)) : null;
  if (ofKind) return organisation(ofKind);
  // A body last known only by a common noun ("company") is no name for another noun ("the bank").
  const lastNamed =
    ctx.lastOrganisation && /^\p{Lu}/u.test(ctx.lastOrganisation) ? ctx.lastOrganisation : null;
  if (GENERIC_BODY.test(subject) && !institutionByReference(subject, ctx.people) && lastNamed) {
    return organisation(lastNamed);
  }
  const institution =
    institutionByReference(subject, ctx.people) ?? institutionOf(subject) ?? leadingInstitution(subject);
  if (institution)
    return organisation(/^\p{Lu}/u.test(institution) ? expandAcronym(institution, ctx.people) : institution);
  const proper = properName(subject);
  // "Park said" of "Park Ji-hoon", whose surname comes first: a word of a known name is that person.
  const owner = proper
    ? [...ctx.people.byName.values()].find((p) => p.name.split(' ').includes(proper))
    : null;
  if (owner) return personAttribution(owner);
  if (proper) return organisation(expandAcronym(proper, ctx.people));
  return resolveRoleReference(subject, ctx) ?? epithetTarget(subject, ctx) ?? impersonal(subject);
}

// "the 31-year-old", "the traditional ruler", "the veteran": a description of someone already in the story.
const EPITHET = /^the\s+(?:[\p{Ll}-]+\s+){0,2}(?:[\p{Ll}-]+|\p{Lu}\p{Ll}+(?:man|woman))$/u;
// Things that speak for a body in print, which a person's description never is.
const DOCUMENT_NOUNS =
  /\b(?:report|statement|letter|document|newspaper|paper|study|survey|poll|filing|memo|ruling|judgment|order|notice|website|site|post|release|complaint|lawsuit|petition|indictment|note|source|sources|data|figures|budget|plan|bill|law|agreement|deal|text)$/;

/** The person a description refers back to: one of that age, else whom "he said" would mean. */
function epithetTarget(subject: string, ctx: SpeakerContext): Attribution | null {
  const text = subject.trim();
  const age = /^the\s+(\d{1,3})-year-old$/i.exec(text)?.[1];
  if (age) {
    const aged = [...ctx.people.byName.values()].filter((p) => p.age === Number(age));
    if (aged.length === 1 && aged[0]) return personAttribution(aged[0]);
    return pronounTarget(ctx);
  }
  if (!EPITHET.test(text) || DOCUMENT_NOUNS.test(text) || INSTITUTION_NOUN.test(text)) return null;
  return pronounTarget(ctx);
}

const GENERIC_BODY =
  /^(?:the|The)\s+(?:company|firm|carrier|airline|group|operator|club|team|organi[sz]ation|network|lender|bank|retailer|insurer|manufacturer|developer|broadcaster)$/;

/**
 * "LSK" for "the Law Society of Kenya": the one name of the article whose initials spell it; "the Bank"
 * for "the Reserve Bank of Malawi": the one longer name of the article that holds it.
 */
function expandAcronym(name: string, people: PeopleIndex): string {
  if (!/^\p{Lu}{2,6}$/u.test(name)) return people.expandShortName?.(name) ?? name;
  return people.expandAcronym?.(name) ?? name;
}

function personAttribution(person: Person): Attribution {
  return { speaker: person.name, role: person.role, kind: 'person' };
}

function organisation(name: string): Attribution {
  return { speaker: name.replace(/^(?:the|The)\s+/, ''), role: null, kind: 'organisation' };
}

function unnamed(phrase: string, role: string | null): Attribution {
  return { speaker: phrase.replace(/^(?:the|a|an|one|another|some)\s+/i, ''), role, kind: 'unnamed' };
}

/** A two-word name the people index left out as no person's ("Network Rail") speaks as an organisation. */
function isDroppedName(name: string, ctx: SpeakerContext): boolean {
  return ctx.people.dropped?.has(name) ?? false;
}

// "A Network Rail spokesman", "a spokeswoman for Orvane Robotics", "the ministry's press service".
const SPOKES =
  '(?:spokes(?:man|woman|person|people|men|women)|press (?:service|office|secretary)|representatives?)';
const SPOKES_BEFORE = new RegExp(
  `^(?:[Aa]n?|[Tt]he|[Oo]ne)?\\s*(.+?)(?:['’]s)?\\s+(?:\\p{Ll}+\\s+)?(${SPOKES})$`,
  'u',
);
const SPOKES_AFTER = new RegExp(
  `^(?:[Aa]n?|[Tt]he|[Oo]ne)?\\s*(?:\\p{Ll}+\\s+)?(${SPOKES})\\s+(?:for|of|at|from)\\s+(.+)$`,
  'u',
);

/** The organisation a spokesperson speaks for, with "spokesman" as the role; the bare role when none is named. */
function spokespersonOf(subject: string, ctx: SpeakerContext): Attribution | null {
  const before = SPOKES_BEFORE.exec(subject);
  const after = before ? null : SPOKES_AFTER.exec(subject);
  const body = before?.[1] ?? after?.[2];
  const role = before?.[2] ?? after?.[1];
  if (!body || !role) return null;
  const org = institutionByReference(`the ${body.replace(/^(?:the|its|their)\s+/i, '')}`, ctx.people) ?? body;
  if (/^(?:its|their)$/i.test(body) && ctx.lastOrganisation)
    return { ...organisation(ctx.lastOrganisation), role };
  if (!/^\p{Lu}/u.test(org.replace(/^(?:the|its|their)\s+/i, '')) && !INSTITUTION_NOUN.test(org)) return null;
  return { ...organisation(fullerOrganisation(org, ctx)), role };
}

/** "police" after "Essex Police said": a lowercase body the organisation last named contains is that one. */
function fullerOrganisation(body: string, ctx: SpeakerContext): string {
  const words = body.replace(/^(?:the|its|their)\s+/i, '').split(/\s+/);
  const last = ctx.lastOrganisation;
  if (!last || words.some((w) => /^\p{Lu}/u.test(w))) return body;
  const own = last.toLowerCase().split(/\s+/);
  return words.every((w) => own.includes(w)) ? last : body;
}

// "an Apple statement said", "the statement said": a document speaks for the body that issued it.
const STATEMENT =
  /^(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(.+?)(?:['’]s)?\s+)?(?:(?:written|joint|brief|separate|official|press)\s+)?(?:statement|release|communiqu[eé]|notification|notice|circular|bulletin|article|report|story|editorial)$/u;

const STATEMENT_FROM =
  /^(?:[Aa]n?|[Tt]he|[Ii]n\s+a)\s+(?:(?:written|joint|brief|separate|official|press)\s+)?(?:statement|release|communiqu[eé])\s+(?:(?:issued|released|put out|sent)\s+)?(?:from|by|on behalf of)\s+(.+)$/u;
// "an article on OntarioConstructionNews.com", "a report in the Gazette": what a publication printed.
const PRINTED_IN =
  /^(?:[Aa]n?|[Tt]he)\s+(?:recent\s+|new\s+)?(?:article|report|story|editorial|post)\s+(?:on|in|by|from)\s+(.+)$/u;

/** The body a statement is from: the one it names ("an Apple statement"), else the one that last spoke or acted. */
function statementOf(subject: string, ctx: SpeakerContext): Attribution | null {
  // "A statement from the club", "a statement issued by the ministry": the body it is from.
  const said = subject.trim();
  const from = STATEMENT_FROM.exec(said)?.[1] ?? PRINTED_IN.exec(said)?.[1];
  if (from) {
    const body = resolveSpeaker(from, ctx);
    return body?.kind === 'organisation' ? body : null;
  }
  const match = STATEMENT.exec(said);
  if (!match) return null;
  const body = match[1];
  if (body && /^\p{Lu}/u.test(body) && !findPersonIn(body, ctx.people))
    return organisation(expandAcronym(body, ctx.people));
  return !body && ctx.lastOrganisation ? organisation(ctx.lastOrganisation) : null;
}

/** The common nouns that head a body's name ("the finance ministry", "the league"). */
export const INSTITUTION_NOUN =
  /\b(?:ministry|department|government|office|company|agency|council|committee|commission|union|court|police|army|embassy|authority|board|administration|service|firm|group|club|party|presidency|cabinet|parliament|assembly|senate|treasury|regulator|university|hospital|bureau|directorate|secretariat|federation|association|institute|foundation|tribunal|municipality|county|campaign|team|school|church|airport|port|railway|league|alliance|coalition|bloc)$/i;

/**
 * "NASA", "SpaceX", "The Election Commission", "Network Rail": a subject in capitals that no person
 * of the article bears is an organisation speaking (a place speaking is its government).
 */
function properName(subject: string): string | null {
  const text = subject.replace(/^(?:the|The)\s+/, '').trim();
  if (!/^\p{Lu}/u.test(text) || text.split(/\s+/).length > 8) return null;
  const words = text.split(/\s+/);
  const capitalized = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|for|and|the|de|&)$/.test(w));
  if (capitalized.length !== words.length || NON_SPEAKERS.test(text)) return null;
  return text.replace(/['’]s$/, '');
}

const NON_SPEAKERS =
  /^(?:He|She|It|They|We|I|You|This|That|These|Those|There|Here|Asked|Speaking|But|And|Meanwhile|However)\b/;

/** The organisation a subject names, if it names one and no person: "NASA", "the Dutch finance ministry". */
export function organisationNamed(subject: string, people: PeopleIndex): string | null {
  const named = findPersonNames(subject)[0];
  if (named && !people.dropped?.has(named.name)) return null;
  const institution =
    institutionByReference(subject, people) ?? institutionOf(subject) ?? leadingInstitution(subject);
  return (institution ?? properName(subject))?.replace(/^(?:the|The)\s+/, '') ?? null;
}

/** "officials", "analysts", "a juror", "one official": unnamed sources, as the phrase without its article. */
function impersonal(subject: string): Attribution | null {
  const words = subject.split(/\s+/);
  if (words.length > 6) return null;
  if (/^(?:the|a|an|one|another|some)\s/i.test(subject) || GROUP_NOUNS.test(subject))
    return unnamed(subject, null);
  return null;
}

const GROUP_NOUNS =
  /^(?:officials|analysts|sources|experts|police|witnesses|residents|critics|organi[sz]ers|investors|diplomats)\b/i;

function lastPersonIn(phrase: string, people: PeopleIndex): Person | null {
  const mentions = findPeopleMentioned(phrase, people);
  return mentions[mentions.length - 1]?.person ?? null;
}

/**
 * "he said": the person who last spoke or was the subject, among those the text shows to be people,
 * passing over one the text calls by the other pronoun ("Otieno said he ... Wanjiku ... she said").
 */
function pronounTarget(ctx: SpeakerContext, pronoun = ''): Attribution | null {
  const word = pronoun.toLowerCase();
  const wanted = word === 'he' || word === 'him' ? 'he' : word === 'she' || word === 'her' ? 'she' : null;
  const fits = (p: Person) => !wanted || (ctx.people.pronouns?.get(p.name) ?? wanted) === wanted;
  // "One worker, who has been there 31 years, said he feared ... “...,” he said": the unnamed worker.
  if (
    wanted &&
    ctx.paragraphUnnamed &&
    !ctx.paragraphSpeaker &&
    !ctx.sentenceSubject &&
    !ctx.paragraphSubject
  )
    return unnamed(ctx.paragraphUnnamed, null);
  const candidates = [
    ctx.paragraphSpeaker,
    ctx.sentenceSubject,
    ctx.paragraphSubject,
    ctx.previousSpeaker,
    ctx.previousQuoteSpeaker,
    ctx.previousSubject,
    ctx.lastSpeaker,
    ctx.recentPerson,
  ];
  const person = candidates.find((p) => p && fits(p) && (p.sure !== false || p === ctx.lastSpeaker)) ?? null;
  return person ? personAttribution(person) : null;
}

/** The context without the people a sentence names: "He fired Y, saying" is not Y speaking. */
function withoutNamedIn(sentence: string, ctx: SpeakerContext): SpeakerContext {
  const named = new Set(findPeopleMentioned(sentence, ctx.people).map((m) => m.person));
  const keep = (p: Person | null | undefined) => (p && !named.has(p) ? p : null);
  return {
    ...ctx,
    lastSpeaker: keep(ctx.lastSpeaker),
    paragraphSpeaker: keep(ctx.paragraphSpeaker),
    sentenceSubject: keep(ctx.sentenceSubject),
    previousSpeaker: keep(ctx.previousSpeaker),
    previousQuoteSpeaker: keep(ctx.previousQuoteSpeaker),
    previousSubject: keep(ctx.previousSubject),
    paragraphSubject: keep(ctx.paragraphSubject),
    recentPerson: keep(ctx.recentPerson),
  };
}

/** A source's head noun, with the words that name the same kind of source made one ("officer", "official"). */
function sameSource(noun: string): string {
  const lower = noun.toLowerCase();
  if (/^offici?(?:al|er)$/.test(lower)) return 'official';
  if (/^spokes(?:man|woman|person)$/.test(lower)) return 'spokesperson';
  // "the judge said" of "Justice Chacha Mwita".
  if (/^(?:judge|justice)$/.test(lower)) return 'judge';
  return lower;
}

/** "one Chilean negotiator" -> unnamed source; "the head of US diplomacy" -> the person that fits or spoke last. */
function resolveRoleReference(phrase: string, ctx: SpeakerContext): Attribution | null {
  const role = phrase
    .split(/,|\b(?:who|which|speaking|in a|on a|at a|during)\b/i)[0]
    ?.trim()
    .split(/\s+/)
    .slice(0, 8)
    .join(' ');
  if (!role || !hasRoleNoun(role)) return null;
  if (INDEFINITE.test(role)) return unnamed(role, role.replace(INDEFINITE, ''));
  if (!DEFINITE.test(role) && !/^\p{Lu}/u.test(role)) return null;
  const fitting = personByRole(role, ctx.people);
  if (fitting) return personAttribution(fitting);
  const head = sameSource(/(\p{L}+)$/u.exec(role)?.[1] ?? '');
  const introduced = ctx.lastUnnamed ?? '';
  if (DEFINITE.test(role) && head && sameSource(/(\p{L}+)$/u.exec(introduced)?.[1] ?? '') === head)
    return unnamed(introduced, null);
  const nouns = role
    .split(/\s+/)
    .filter((w) => isRoleNoun(w))
    .map(sameSource);
  // "Iceland's fisheries minister" is not "Denmark's minister": a role with an owner fits only that owner's.
  const owner = /^(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*)['’]s\s/u.exec(role)?.[1];
  const holds = (p: Person) =>
    owner && !(p.role ?? '').includes(owner) ? [] : (p.role ?? '').split(/\s+/).map(sameSource);
  // "Justice Kamal Uddin asked ... the judge asked": the one just reported speaking, if the role is theirs.
  const speaking = [ctx.paragraphSpeaker, ctx.previousSpeaker].find(
    (p) => p && nouns.some((noun) => holds(p).includes(noun)),
  );
  if (speaking) return personAttribution(speaking);
  for (const person of ctx.people.byName.values()) {
    if (nouns.some((noun) => holds(person).includes(noun))) return personAttribution(person);
  }
  // "Unifor's national president": a role owned by a body, that nobody named holds, is an unnamed person.
  if (/['’]s\s/.test(role)) return unnamed(role, role.replace(/^.*['’]s\s+/, ''));
  // "Hong Lei said at a briefing ... said the spokesman": the one just reported speaking, if no other role is theirs.
  const reported = [ctx.paragraphSpeaker, ctx.previousSpeaker].find(
    (p) =>
      p &&
      (p.role === null ||
        nouns.some((noun) => p.role?.toLowerCase().includes(noun) || holds(p).includes(noun))),
  );
  if (reported) return personAttribution(reported);
  return ctx.lastSpeaker ? personAttribution(ctx.lastSpeaker) : unnamed(role, null);
}
