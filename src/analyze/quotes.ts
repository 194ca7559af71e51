import type { Quote } from '../models/analysis.ts';
import { findPronouns } from './genders.ts';
import { nameDescribedSpeakers } from './named-after.ts';
import type { PeopleIndex, Person } from './people.ts';
import { findPeopleMentioned, followRecentMentions } from './people.ts';
import type { QuoteSpan } from './quote-spans.ts';
import { findQuoteSpans } from './quote-spans.ts';
import { splitSentences } from './sentences.ts';
import { normaliseSpeakers } from './speaker-form.ts';
import { chooseSpeakers, SPEAKER_MODEL_ON } from './speaker-model.ts';
import {
  fillMissingSpeakers,
  followScene,
  organisationSpeaking,
  type Scene,
  unnamedIn,
} from './speaker-scene.ts';
import type { Attribution, SpeakerContext } from './speakers.ts';
import {
  findAttributionAfter,
  findAttributionBefore,
  immediateSubject,
  PRONOUN_SUBJECT,
} from './speakers.ts';
import { actorOf, personByRole } from './subjects.ts';
import { countWords, trimTrailingPunctuation } from './text-utils.ts';
import { SPEECH_VERBS } from './vocabulary.ts';

/** Key quotes have at least this many words; shorter ones are scare quotes or titles. */
export const MIN_QUOTE_WORDS = 6;
const MAX_QUOTE_CHARS = 2_000;

interface Found {
  span: QuoteSpan;
  text: string;
  attribution: Attribution | null;
  /** Under MIN_QUOTE_WORDS: not a key quote, kept only to attribute its neighbours. */
  short: boolean;
}

/**
 * Extracts the key quotes of the article with their speakers. Attribution is looked for
 * in the quote's own sentence, then in the other quotes of its paragraph, then in the
 * sentence before; pronouns and role references resolve to people named in full.
 */
export function extractQuotes(paragraphs: string[], allPeople: PeopleIndex): Quote[] {
  // A copy whose shared surnames follow the text (followRecentMentions).
  const people: PeopleIndex = {
    ...allPeople,
    bySurname: new Map(allPeople.bySurname),
    pronouns: findPronouns(paragraphs, allPeople),
  };
  const quotes: Quote[] = [];
  let lastSpeaker: Person | null = null;
  let lastAttribution: Attribution | null = null;
  let previousHadQuote = false;
  let previousLeftOpen = false;
  let recentPerson: Person | null = null;
  const scene: Scene = { lastOrganisation: null, lastGroup: null, lastUnnamed: null };
  paragraphs.forEach((text, index) => {
    const previous = paragraphs[index - 1] ?? '';
    // "Jean Mensa ... has indicated ... She noted that ...": "she" is the one the story last reported speaking.
    const previousSpeaker =
      speakerReportedIn(previous, people) ?? (PRONOUN_SPEAKS.test(previous) ? recentPerson : null);
    const previousSubject = actorOf(lastSentence(previous), people);
    followRecentMentions(people, text);
    const found = findParagraphQuotes(text, index, {
      people,
      lastSpeaker,
      previousSpeaker,
      previousSubject,
      previousQuoteSpeaker: previousHadQuote ? lastSpeaker : null,
      paragraphSpeaker: null,
      recentPerson,
      ...followScene(scene, previous, text.slice(0, Math.max(0, text.search(/["“”„«]/))), people),
    });
    fillFromNeighbours(found);
    // The stored text may stop mid-quote: a quote the last paragraph leaves open and unfinished is cut off.
    const cutOff = index === paragraphs.length - 1 && !/[.!?…]["”’]?\s*$/.test(text);
    for (const quote of found) {
      if (quote.short || (cutOff && quote.span.close === -1)) continue;
      // A paragraph that reopens a quote the one before left open goes on in the same voice.
      const continued =
        previousLeftOpen && quote === found[0] && quote.span.open === 0 ? lastAttribution : null;
      // "It said the court ..., after the minister told ...": the body the last sentence opens with speaks on.
      const opening = isFirstSentence(text, quote.span);
      const body = opening ? organisationSpeaking(lastSentence(previous), scene, people) : null;
      const fallback =
        lastPersonIn(previousSentence(text, quote.span), people) ??
        (body
          ? null
          : (previousSpeaker ??
            (opening ? lastPersonIn(withoutQuotedSpeech(lastSentence(previous)), people) : null)));
      const attribution =
        quote.attribution ??
        continued ??
        (fallback ? { speaker: fallback.name, role: fallback.role } : null) ??
        (body ? { speaker: body, role: null, kind: 'organisation' as const } : null) ??
        (previousHadQuote ? lastAttribution : null);
      quotes.push({
        text: quote.text,
        speaker: attribution?.speaker ?? null,
        role: attribution?.role ?? null,
      });
      if (attribution?.speaker) {
        lastSpeaker = people.byName.get(attribution.speaker) ?? lastSpeaker;
        lastAttribution = attribution;
        if (attribution.kind === 'organisation') scene.lastOrganisation = attribution.speaker;
        if (attribution.kind === 'unnamed') scene.lastUnnamed = attribution.speaker;
      }
    }
    previousHadQuote = found.some((q) => !q.short);
    recentPerson = sureSubjectOf(text, people) ?? lastSpeaker ?? recentPerson;
    previousLeftOpen = found.length > 0 && found[found.length - 1]?.span.close === -1;
  });
  const named = nameDescribedSpeakers(fillMissingSpeakers(quotes), paragraphs);
  const attributed = normaliseSpeakers(named, paragraphs, allPeople.byName.keys());
  return SPEAKER_MODEL_ON ? chooseSpeakers(attributed, paragraphs, allPeople) : attributed;
}

function findParagraphQuotes(text: string, index: number, base: SpeakerContext): Found[] {
  const found: Found[] = [];
  let lastSpeaker = base.lastSpeaker;
  for (const span of findQuoteSpans(text, index)) {
    const quoted = trimTrailingPunctuation(text.slice(span.start, span.end));
    if (quoted.length > MAX_QUOTE_CHARS) continue;
    const short = countWords(quoted) < MIN_QUOTE_WORDS || isTitleCase(quoted);
    const before = span.open >= 0 ? text.slice(0, span.open) : '';
    const earlier = previousSentence(text, span);
    const ctx: SpeakerContext = {
      ...base,
      lastSpeaker,
      paragraphSpeaker: speakerReportedIn(before, base.people),
      sentenceSubject: subjectOf(earlier, base.people) ?? actorOf(earlier, base.people),
      paragraphSubject: actorOf(
        text.slice(0, Math.max(0, before.length - ownSentence(before).length)),
        base.people,
      ),
      paragraphUnnamed: unnamedIn(before),
    };
    const after = span.close >= 0 ? text.slice(span.close + 1) : '';
    const closedSentence = /[.!?…]$/.test(text.slice(span.start, span.end)) && /^\s*\p{Lu}/u.test(after);
    const direct = findAttributionAfter(after, ctx, closedSentence);
    // A short quote only lends its speaker when it is directly attributed: “We are disappointed,” said X, “but ...”.
    if (short && !direct?.speaker) continue;
    const attribution =
      direct ?? findAttributionBefore(currentSentence(before), ctx) ?? actorAttribution(before, ctx);
    if (attribution?.speaker) lastSpeaker = base.people.byName.get(attribution.speaker) ?? lastSpeaker;
    found.push({ span, text: quoted, attribution, short });
  }
  return found;
}

/** `X called it “...”`, `X was more cautious: “...”`: without a speech verb, the person the quote's sentence is about. */
function actorAttribution(before: string, ctx: SpeakerContext): Attribution | null {
  const person = before.trim() ? actorOf(ownSentence(before), ctx.people) : null;
  return person ? { speaker: person.name, role: person.role } : null;
}

/** The unfinished sentence at the end of `before`: the start of the quote's own sentence. */
function ownSentence(before: string): string {
  const sentences = splitSentences(before);
  const last = sentences[sentences.length - 1];
  return last && !/[.!?]["”’]?$/.test(last.text) ? before.slice(last.start) : '';
}

/** The sentence that ends right before the quote's sentence, in the same paragraph. */
function previousSentence(text: string, span: QuoteSpan): string {
  const head = text.slice(0, span.open >= 0 ? span.open : span.start);
  const sentences = splitSentences(head);
  const lastIsOwn = sentences.length > 0 && !/[.!?]["”’]?$/.test(sentences[sentences.length - 1]?.text ?? '');
  return sentences[sentences.length - (lastIsOwn ? 2 : 1)]?.text ?? '';
}

function isFirstSentence(text: string, span: QuoteSpan): boolean {
  return splitSentences(text.slice(0, span.open >= 0 ? span.open : span.start)).length === 0;
}

const LEADING_SUBORDINATE =
  /(?:^|[.!?]\s+)(?:When|Whenever|As|After|Before|While|If|Although|Though|Once|Since|Because|Until|Unless)\s[^,.!?;:]*$/;
const LEADS_INTO_SAYING = /\s+(?:went on|goes on|go on|proceeded|hastened|was quick|were quick) to\s*$/i;
// A paragraph that opens with a pronoun speaking: "She noted that ...", "He also said ...".
const PRONOUN_SPEAKS = new RegExp(
  `^(?:He|She)\\s+(?:\\p{Ll}+\\s+)?(?:${[...SPEECH_VERBS].join('|')})\\b`,
  'u',
);

/** A text with its quoted words blanked: a name inside a quote is what was said, not who said it. */
function withoutQuotedSpeech(text: string): string {
  return text.replace(/[“"][^“”"]*[”"]/g, ' ');
}

function lastSentence(paragraph: string): string {
  const sentences = splitSentences(paragraph);
  return sentences[sentences.length - 1]?.text ?? '';
}

/** The last person (shown to be one) a paragraph reports speaking or acting: "he said" may mean them later. */
function sureSubjectOf(text: string, people: PeopleIndex): Person | null {
  const reported = speakerReportedIn(text, people);
  if (reported?.sure) return reported;
  const subjects = splitSentences(text)
    .map((s) => actorOf(s.text, people))
    .filter((p) => p?.sure);
  return subjects[subjects.length - 1] ?? null;
}

/** The person a sentence opens with, its likely subject. */
function subjectOf(sentence: string, people: PeopleIndex): Person | null {
  const first = findPeopleMentioned(sentence, people)[0];
  return first && sentence.slice(0, first.at).split(/\s+/).length <= 6 ? first.person : null;
}

function lastPersonIn(text: string, people: PeopleIndex): Person | null {
  const mentions = findPeopleMentioned(text, people);
  return mentions[mentions.length - 1]?.person ?? null;
}

/** “The Lord of the Rings: The Return of the King” is a title, not speech: most long words capitalized. */
function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= words.length * 0.7;
}

/** The part of `before` since the last sentence end or closing quote: the quote's own sentence. */
function currentSentence(before: string): string {
  const cut = Math.max(
    before.search(/[.!?]["”]?\s+[^.!?]*$/),
    before.lastIndexOf('”'),
    before.lastIndexOf('"'),
  );
  return cut >= 0 ? before.slice(cut + 1) : before;
}

/** Quotes of one paragraph without their own attribution share the paragraph's speaker. */
function fillFromNeighbours(found: Found[]): void {
  found.forEach((quote, i) => {
    if (quote.attribution) return;
    const previous = found
      .slice(0, i)
      .reverse()
      .find((q) => q.attribution?.speaker);
    const next = found.slice(i + 1).find((q) => q.attribution?.speaker);
    quote.attribution = previous?.attribution ?? next?.attribution ?? null;
  });
}

/** The person a text reports as speaking last: the subject of its last speech verb ("and he described" keeps the speaker). */
export function speakerReportedIn(text: string, people: PeopleIndex): Person | null {
  let speaker: Person | null = null;
  for (const match of text.matchAll(/\p{L}+/gu)) {
    if (!SPEECH_VERBS.has(match[0].toLowerCase())) continue;
    // "The CJ went on to say": the subject before a phrase that leads into the verb of saying.
    const head = text.slice(0, match.index).replace(LEADS_INTO_SAYING, '');
    const sentenceStart = startOfLastSentence(head);
    const subject = head.slice(sentenceStart);
    // "When Sibal mentioned the matter, Justice Trivedi ...": a verb in a leading subordinate clause reports no one.
    if (LEADING_SUBORDINATE.test(subject)) continue;
    // "Binh spoke at a briefing. He said:": the pronoun is the person named before it.
    if (PRONOUN_SUBJECT.test(immediateSubject(subject))) {
      // “... Saudi Arabia convening a summit,” he said: a name inside the quote is not who "he" is.
      speaker ??= actorOf(withoutQuotedSpeech(head.slice(0, sentenceStart)), people);
      continue;
    }
    // "Azhar said the secretary Nizam will inform MPs, in response to MPs who yesterday said": the
    // subject right before the verb speaks; a name earlier in the sentence is not it.
    // "X who chaired a meeting of A and B today said": the relative clause is not the subject.
    // "“... a squad in which every player can start,” Sandvik said": a "which" inside the quote opens no clause.
    const near = immediateSubject(
      withoutQuotedSpeech(subject).replace(/,?\s+(?:who|which|whose)\b.*$/is, ''),
    );
    if (near && !findPeopleMentioned(near, people).length && !personByRole(near, people)) continue;
    // "Luis Ortega, a father of two at Grant Academy, said": a name after "at" or "of" is not the one speaking.
    // "Khawaja Haris, Imran's lawyer, told": the owner of the role in the apposition is not the speaker.
    const mentions = findPeopleMentioned(subject, people).filter(
      ({ at }) =>
        !/\b(?:at|of|for|from|with|by)\s+(?:the\s+)?$/i.test(subject.slice(0, at)) &&
        !/^[\p{L}\p{M}-]+['’]s\s/u.test(subject.slice(at)),
    );
    // "The minister added that ...": a role reference names the speaker too.
    speaker = mentions[mentions.length - 1]?.person ?? personByRole(subject, people) ?? speaker;
  }
  return speaker;
}

/** Where the last, unfinished sentence of a text starts ("P.E.I." or "Dr." inside it do not end it). */
function startOfLastSentence(text: string): number {
  const sentences = splitSentences(text);
  const last = sentences[sentences.length - 1];
  if (!last) return text.length;
  return /[.!?]["”’]?$/.test(last.text) ? text.length : last.start;
}
