import type { Quote } from '../models/analysis.ts';
import { findPronouns, type Pronoun } from './genders.ts';
import type { PeopleIndex, Person } from './people.ts';
import { findPeopleMentioned } from './people.ts';
import { isRoleNoun } from './roles.ts';
import { splitSentences } from './sentences.ts';
import { normaliseSpeakers } from './speaker-form.ts';
import { countWords } from './text-utils.ts';
import { SPEECH_VERBS } from './vocabulary.ts';

/**
 * The general properties of one candidate speaker of one quote, each in [0, 1]: where the
 * candidate is mentioned relative to the quote, how (kind, full name), and whether the hand rules
 * chose it. No article's words: the learnt chooser (speaker-model.ts) weighs these.
 */
export const SPEAKER_FEATURES = [
  'rules',
  'rulesAttributed',
  'inClauseAfter',
  'inSentenceBefore',
  'verbNextTo',
  'possessive',
  'roleInAttribution',
  'verbAdjacentHere',
  'verbAdjacentPrevious',
  'pronounAgrees',
  'pronounDisagrees',
  'nearBefore',
  'nearAfter',
  'sameParagraph',
  'previousParagraph',
  'mentions',
  'previousQuoteSpeaker',
  'sentenceSubject',
  'fullName',
  'firstPerson',
  'latestMention',
  'latestSpeaking',
  'previousLastSentence',
  'person',
  'surePerson',
  'hasRole',
  'organisation',
  'unnamed',
] as const;

/** A feature's name. */
export type SpeakerFeature = (typeof SPEAKER_FEATURES)[number];

/** One candidate: the speaker in the form the analysis prints, and its features in SPEAKER_FEATURES order. */
export interface SpeakerCandidate {
  speaker: string;
  /** The person's role as the people index has it; null for a body or an unnamed source. */
  role: string | null;
  features: number[];
}

/** A quote's candidates; empty when the quote could not be found in the text (the rules' speaker stays). */
export interface QuoteCandidates {
  candidates: SpeakerCandidate[];
}

// The paragraphs before the quote's own that still lend a speaker ("he said" two paragraphs on).
const WINDOW_BACK = 3;
const MAX_CLAUSE_WORDS = 12;
const VERB_REACH = 3;

interface Mention {
  paragraph: number;
  at: number;
  length: number;
}

interface Site {
  paragraph: number;
  open: number;
  close: number;
}

/** Where a quote's text sits: the first paragraph holding its opening words. */
function locate(quote: Quote, paragraphs: readonly string[]): Site | null {
  const head = quote.text.slice(0, 60);
  for (let i = 0; i < paragraphs.length; i++) {
    const at = (paragraphs[i] ?? '').indexOf(head);
    if (at >= 0) return { paragraph: i, open: at, close: at + quote.text.length };
  }
  return null;
}

/** The words after the quote up to the sentence end or the next quote mark: `,” she said on Friday`. */
function clauseAfter(text: string, close: number): string {
  const rest = text.slice(close).replace(/^[\s,.;:!?"“”'’»—–-]+/, '');
  const stop = /(?<!\b(?:Mr|Mrs|Ms|Dr|St|[A-Z]))[.!?](?:\s|$)|["“”«»]/.exec(rest);
  return (stop ? rest.slice(0, stop.index) : rest).split(/\s+/).slice(0, MAX_CLAUSE_WORDS).join(' ');
}

/** The quote's own sentence before its opening mark: `Smith said:`. */
function sentenceBefore(text: string, open: number): string {
  const before = text.slice(0, open);
  const cut = Math.max(before.search(/[.!?]["”]?\s+[^.!?]*$/), before.lastIndexOf('”'));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

/** "he"/"she" as the subject of the attribution: `,” she said`, `He told reporters: “`. */
function attributionPronoun(clause: string, before: string): Pronoun | null {
  const after = /^(?:\S+\s+){0,2}?(he|she)\b/i.exec(clause)?.[1];
  const own = /\b(he|she)\s+(?:\p{Ll}+\s+)?\p{Ll}+[:,]?\s*["“]?$/iu.exec(before.trim())?.[1];
  const word = (after ?? own)?.toLowerCase();
  return word === 'he' || word === 'she' ? word : null;
}

/** True when a speech verb is within VERB_REACH words of the mention. */
function nearSpeechVerb(text: string, mention: Mention): boolean {
  const words = (s: string) => s.match(/\p{L}+/gu) ?? [];
  const before = words(text.slice(Math.max(0, mention.at - 60), mention.at)).slice(-VERB_REACH);
  const after = words(text.slice(mention.at + mention.length, mention.at + mention.length + 60)).slice(
    0,
    VERB_REACH + 1,
  );
  return [...before, ...after].some((w) => SPEECH_VERBS.has(w.toLowerCase()));
}

/** The text right after a mention's word (a person's mention marks the start of one word of the name). */
function afterMention(text: string, mention: Mention): string {
  const rest = text.slice(mention.at + (mention.length > 1 ? mention.length : 0), mention.at + 120);
  return mention.length > 1 ? rest : rest.replace(/^[\p{L}\p{M}.-]+/u, '');
}

/** `X said`, `X, 45, told` or `said X`: a speech verb within two words after the mention, or right before it. */
function subjectOfVerb(text: string, mention: Mention): boolean {
  const next =
    afterMention(text, mention)
      .match(/\p{L}+/gu)
      ?.slice(0, 2) ?? [];
  const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, mention.at - 30), mention.at))?.[1] ?? '';
  return [...next, before].some((w) => SPEECH_VERBS.has(w.toLowerCase()));
}

/** `Apple's Philip Schiller`: the mention owns what follows it, it is not the one speaking. */
function isPossessive(text: string, mention: Mention): boolean {
  return /^['’]s?\s/u.test(afterMention(text, mention));
}

/** Every occurrence of a phrase, case-insensitive, as a word. */
function findPhrase(text: string, phrase: string): number[] {
  const found: number[] = [];
  const lower = text.toLowerCase();
  const wanted = phrase.toLowerCase();
  if (wanted.length < 2) return found;
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
    const edge = (c: string | undefined) => !c || !/[\p{L}\p{N}]/u.test(c);
    if (edge(lower[at - 1]) && edge(lower[at + wanted.length])) found.push(at);
  }
  return found;
}

/** What a candidate is and where the article mentions it. */
interface Entry {
  speaker: string;
  person: Person | null;
  mentions: Mention[];
}

/** Everything the features of one article need, computed once. */
interface ArticleContext {
  paragraphs: readonly string[];
  people: PeopleIndex;
  pronouns: Map<string, Pronoun>;
  /** Per paragraph, the people it mentions. */
  peopleIn: Array<Array<{ person: Person; at: number }>>;
  /** The printed form of each person of the index (speaker-form.ts). */
  formOf: Map<string, string>;
  firstPerson: Person | null;
  entries: Map<string, Entry>;
}

function buildContext(
  rules: readonly Quote[],
  paragraphs: readonly string[],
  people: PeopleIndex,
): ArticleContext {
  const names = [...people.byName.keys()];
  const forms = normaliseSpeakers(
    names.map((name) => ({ text: '', speaker: name, role: null })),
    paragraphs,
    names,
  );
  const formOf = new Map(names.map((name, i) => [name, forms[i]?.speaker ?? name]));
  const peopleIn = paragraphs.map((p) => findPeopleMentioned(p, people));
  const firstPerson = peopleIn.find((m) => m.length > 0)?.[0]?.person ?? null;
  const ctx: ArticleContext = {
    paragraphs,
    people,
    pronouns: findPronouns(paragraphs, people),
    peopleIn,
    formOf,
    firstPerson,
    entries: new Map(),
  };
  for (const person of people.byName.values()) addPerson(ctx, person);
  for (const quote of rules) if (quote.speaker) addPhrase(ctx, quote.speaker);
  return ctx;
}

function addPerson(ctx: ArticleContext, person: Person): void {
  const speaker = ctx.formOf.get(person.name) ?? person.name;
  if (ctx.entries.has(speaker)) return;
  const mentions: Mention[] = [];
  ctx.peopleIn.forEach((list, paragraph) => {
    for (const m of list) if (m.person === person) mentions.push({ paragraph, at: m.at, length: 1 });
  });
  ctx.entries.set(speaker, { speaker, person, mentions });
}

/** A speaker the rules gave that is no person of the index: an organisation or an unnamed source. */
function addPhrase(ctx: ArticleContext, speaker: string): void {
  if (ctx.entries.has(speaker)) return;
  const head = /(\p{L}{4,})$/u.exec(speaker)?.[1];
  const mentions: Mention[] = [];
  ctx.paragraphs.forEach((text, paragraph) => {
    let found = findPhrase(text, speaker);
    let length = speaker.length;
    if (found.length === 0 && head) {
      found = findPhrase(text, head);
      length = head.length;
    }
    for (const at of found) mentions.push({ paragraph, at, length });
  });
  ctx.entries.set(speaker, { speaker, person: null, mentions });
}

const clamp = (v: number) => Math.max(0, Math.min(1, v));
const closeness = (words: number) => 1 / (1 + words / 10);

/** The feature vector of one candidate for the quote at `site`. */
function featuresOf(
  entry: Entry,
  site: Site,
  ctx: ArticleContext,
  rulesSpeaker: string | null,
  previousSpeaker: string | null,
): number[] {
  const text = ctx.paragraphs[site.paragraph] ?? '';
  const clause = clauseAfter(text, site.close);
  const clauseStart = site.close + Math.max(0, text.slice(site.close).indexOf(clause.slice(0, 8)));
  const before = sentenceBefore(text, site.open);
  const beforeStart = site.open - before.length;
  const here = entry.mentions.filter((m) => m.paragraph === site.paragraph);
  const earlier = entry.mentions.filter(
    (m) => m.paragraph < site.paragraph && m.paragraph >= site.paragraph - WINDOW_BACK,
  );
  const inClause = here.some((m) => m.at >= clauseStart && m.at < clauseStart + clause.length);
  const attributing = here.filter(
    (m) =>
      (m.at >= clauseStart && m.at < clauseStart + clause.length) ||
      (m.at >= beforeStart && m.at < site.open),
  );
  const inBefore = here.some((m) => m.at >= beforeStart && m.at < site.open);
  const lastBefore = [...here.filter((m) => m.at < site.open)].pop();
  let wordsBefore = Number.POSITIVE_INFINITY;
  if (lastBefore) wordsBefore = countWords(text.slice(lastBefore.at, site.open));
  else {
    const last = earlier[earlier.length - 1];
    if (last) {
      const gap = ctx.paragraphs.slice(last.paragraph + 1, site.paragraph).join(' ');
      const tail = (ctx.paragraphs[last.paragraph] ?? '').slice(last.at);
      wordsBefore = countWords(`${tail} ${gap} ${text.slice(0, site.open)}`);
    }
  }
  const firstAfter = here.find((m) => m.at >= site.close);
  const wordsAfter = firstAfter
    ? countWords(text.slice(site.close, firstAfter.at))
    : Number.POSITIVE_INFINITY;
  const pronoun = attributionPronoun(clause, before);
  const own = entry.person ? ctx.pronouns.get(entry.person.name) : undefined;
  const agrees = pronoun !== null && own === pronoun;
  const disagrees = pronoun !== null && (entry.person === null || (own !== undefined && own !== pronoun));
  const previous = ctx.paragraphs[site.paragraph - 1] ?? '';
  const opensSentence = (m: Mention, para: string) =>
    splitSentences(para).some((s) => m.at >= s.start && countWords(para.slice(s.start, m.at)) <= 3);
  const subject =
    here.some((m) => m.at < site.open && opensSentence(m, text)) ||
    entry.mentions.some((m) => m.paragraph === site.paragraph - 1 && opensSentence(m, previous));
  const fullName =
    entry.person !== null &&
    ctx.paragraphs
      .slice(Math.max(0, site.paragraph - WINDOW_BACK), site.paragraph + 1)
      .some((p) => p.includes(entry.person?.name ?? '\u0000'));
  const isRules = rulesSpeaker === entry.speaker;
  const kind = entry.person ? 'person' : /^\p{Lu}/u.test(entry.speaker) ? 'organisation' : 'unnamed';
  const values: Record<SpeakerFeature, number> = {
    rules: isRules ? 1 : 0,
    rulesAttributed: isRules && (inClause || inBefore) ? 1 : 0,
    inClauseAfter: inClause ? 1 : 0,
    inSentenceBefore: inBefore ? 1 : 0,
    verbNextTo: attributing.some((m) => subjectOfVerb(text, m)) ? 1 : 0,
    roleInAttribution: roleNamed(entry.person, `${before} ${clause}`) ? 1 : 0,
    possessive: attributing.length > 0 && attributing.every((m) => isPossessive(text, m)) ? 1 : 0,
    verbAdjacentHere: here.some((m) => nearSpeechVerb(text, m)) ? 1 : 0,
    verbAdjacentPrevious: entry.mentions.some(
      (m) => m.paragraph === site.paragraph - 1 && nearSpeechVerb(previous, m),
    )
      ? 1
      : 0,
    pronounAgrees: agrees ? 1 : 0,
    pronounDisagrees: disagrees ? 1 : 0,
    nearBefore: Number.isFinite(wordsBefore) ? closeness(wordsBefore) : 0,
    nearAfter: Number.isFinite(wordsAfter) ? closeness(wordsAfter) : 0,
    sameParagraph: here.length > 0 ? 1 : 0,
    previousParagraph: entry.mentions.some((m) => m.paragraph === site.paragraph - 1) ? 1 : 0,
    mentions: clamp(Math.log(1 + entry.mentions.length) / Math.log(20)),
    previousQuoteSpeaker: previousSpeaker === entry.speaker ? 1 : 0,
    sentenceSubject: subject ? 1 : 0,
    fullName: fullName ? 1 : 0,
    firstPerson: entry.person !== null && entry.person === ctx.firstPerson ? 1 : 0,
    // Relative to the other candidates: set by rankCandidates.
    latestMention: 0,
    latestSpeaking: 0,
    previousLastSentence: mentionedInLastSentence(entry, site.paragraph - 1, previous) ? 1 : 0,
    person: kind === 'person' ? 1 : 0,
    // The text shows a person (a role, an honorific, the surname alone), not a place or team read as one.
    surePerson: entry.person?.sure ? 1 : 0,
    hasRole: entry.person?.role ? 1 : 0,
    organisation: kind === 'organisation' ? 1 : 0,
    unnamed: kind === 'unnamed' ? 1 : 0,
  };
  return SPEAKER_FEATURES.map((name) => values[name]);
}

/** `,” the minister said` of a person whose role holds "minister": a role noun of theirs in the attribution. */
function roleNamed(person: Person | null, attribution: string): boolean {
  const nouns = (person?.role ?? '').toLowerCase().split(/\s+/).filter(isRoleNoun);
  if (nouns.length === 0) return false;
  const words = attribution.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.some((w) => nouns.includes(w));
}

/** True when the entry is mentioned in the last sentence of paragraph `index` (the one before a quote). */
function mentionedInLastSentence(entry: Entry, index: number, text: string): boolean {
  const last = splitSentences(text).at(-1);
  return !!last && entry.mentions.some((m) => m.paragraph === index && m.at >= last.start);
}

/** Where the entry was last mentioned before the quote (any mention, or one speaking), as one comparable number. */
function lastBefore(entry: Entry, site: Site, ctx: ArticleContext, speaking: boolean): number {
  let best = -1;
  for (const m of entry.mentions) {
    const before = m.paragraph < site.paragraph || (m.paragraph === site.paragraph && m.at < site.open);
    if (!before || (speaking && !subjectOfVerb(ctx.paragraphs[m.paragraph] ?? '', m))) continue;
    best = Math.max(best, m.paragraph * 1_000_000 + m.at);
  }
  return best;
}

const LATEST_MENTION = SPEAKER_FEATURES.indexOf('latestMention');
const LATEST_SPEAKING = SPEAKER_FEATURES.indexOf('latestSpeaking');

/** Marks the candidate mentioned last before the quote, and the one last seen speaking. */
function rankCandidates(
  entries: readonly Entry[],
  vectors: number[][],
  site: Site,
  ctx: ArticleContext,
): void {
  for (const [feature, speaking] of [
    [LATEST_MENTION, false],
    [LATEST_SPEAKING, true],
  ] as const) {
    const keys = entries.map((e) => lastBefore(e, site, ctx, speaking));
    const top = Math.max(-1, ...keys);
    if (top < 0) continue;
    keys.forEach((k, i) => {
      const v = vectors[i];
      if (v && k === top) v[feature] = 1;
    });
  }
}

/**
 * The candidate speakers of every quote the rules attributed, with their features: the people of
 * the index mentioned in the quote's paragraph or the WINDOW_BACK before it (or after it, in the
 * same paragraph), and every speaker the rules gave anywhere in the article (organisations and
 * unnamed sources among them). `rules` are the quotes as the hand rules attribute them.
 */
export function readSpeakerCandidates(
  rules: readonly Quote[],
  paragraphs: readonly string[],
  people: PeopleIndex,
): QuoteCandidates[] {
  if (rules.length === 0) return [];
  const ctx = buildContext(rules, paragraphs, people);
  return rules.map((quote, i) => {
    const site = locate(quote, paragraphs);
    if (!site) return { candidates: [] };
    const previousSpeaker = rules[i - 1]?.speaker ?? null;
    const near = [...ctx.entries.values()].filter(
      (e) =>
        e.speaker === quote.speaker ||
        (e.person === null && e.mentions.length > 0
          ? e.mentions.some(
              (m) => m.paragraph <= site.paragraph + 1 && m.paragraph >= site.paragraph - WINDOW_BACK,
            )
          : e.mentions.some(
              (m) => m.paragraph <= site.paragraph && m.paragraph >= site.paragraph - WINDOW_BACK,
            )) ||
        e.speaker === previousSpeaker,
    );
    const vectors = near.map((entry) => featuresOf(entry, site, ctx, quote.speaker, previousSpeaker));
    rankCandidates(near, vectors, site, ctx);
    return {
      candidates: near.map((entry, k) => ({
        speaker: entry.speaker,
        role: entry.person?.role ?? null,
        features: vectors[k] ?? [],
      })),
    };
  });
}
