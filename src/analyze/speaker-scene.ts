import type { Quote } from '../models/analysis.ts';
import { type DocumentIssuer, documentIssuedIn } from './documents.ts';
import type { PeopleIndex } from './people.ts';
import { findPersonIn } from './people.ts';
import { isRoleNoun } from './roles.ts';
import { splitSentences } from './sentences.ts';
import { INSTITUTION_NOUN, immediateSubject, organisationNamed } from './speakers.ts';
import { SPEECH_VERBS } from './vocabulary.ts';

/** Who the text last spoke of, besides people: for "it said" and "One said:". */
export interface Scene {
  lastOrganisation: string | null;
  lastGroup: string | null;
  /** The source last introduced without a name ("A senior ministry official ... said"), for "the official said". */
  lastUnnamed?: string | null;
  /** The person last reported putting out a document ("X, in a notice, ordered"), for "the notice said". */
  lastIssuer?: DocumentIssuer | null;
}

/**
 * Brings the scene up to the start of a paragraph's quotes: the last organisation that spoke
 * or acted ("NASA said the mission ... In a statement it said") and the last group spoken of
 * ("locals have been left wondering ... One said:"), from the paragraph before and this one.
 */
export function followScene(scene: Scene, previous: string, text: string, people: PeopleIndex): Scene {
  for (const sentence of [...splitSentences(previous), ...splitSentences(text)]) {
    // Quoted speech is the speaker's, not the narrator's: its subject ("The Commission is ...") acts in no scene.
    if (/^["“”„«‘’']/.test(sentence.text.trim())) continue;
    scene.lastOrganisation = organisationSubject(sentence.text, people) ?? scene.lastOrganisation;
    scene.lastGroup = groupSubject(sentence.text) ?? scene.lastGroup;
    scene.lastUnnamed = unnamedSubject(sentence.text) ?? scene.lastUnnamed ?? null;
    const issued = documentIssuedIn(sentence.text, people);
    if (issued !== undefined) scene.lastIssuer = issued;
  }
  return { ...scene };
}

// A subject ends at its verb: a verb of speech, an auxiliary or a past tense.
const VERB = /\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|plans?|\p{Ll}+ed)\b/u;

/** The organisation a sentence opens with as its subject ("NASA said", "The Election Commission on Friday announced"). */
function organisationSubject(sentence: string, people: PeopleIndex): string | null {
  // "..., Vale Inco said in a statement.": the sayer at the end of a long sentence.
  const sayer = TRAILING_SAYER.exec(sentence);
  const trailing = sayer?.[2] && SPEECH_VERBS.has(sayer[2]) ? sayer[1] : undefined;
  if (trailing && !findPersonIn(trailing, people)) {
    const named = organisationNamed(trailing, people);
    if (named) return named;
  }
  const text = sentence.replace(/^[^,]{0,40},\s+/, (intro) =>
    /^\p{Lu}[\p{L}-]*\s+\p{Lu}/u.test(intro) ? intro : '',
  );
  const words = text.split(/\s+/);
  const verbAt = words.slice(0, 10).findIndex((w) => SPEECH_VERBS.has(w.toLowerCase().replace(/[,.:]$/, '')));
  const head =
    verbAt > 0
      ? words.slice(0, verbAt).join(' ')
      : VERB.exec(text)
        ? text.slice(0, VERB.exec(text)?.index)
        : '';
  // "after the company delayed": the subordinator is no part of the subject.
  // "The plant's owner, Derwent Chemical Co., said": the name apposed before the verb is the subject.
  const subject = immediateSubject(
    head.replace(/[\s,]+$/, '').replace(/\s+(?:on|in|at)\s+\p{Lu}\p{Ll}+day$/u, ''),
  ).replace(SUBORDINATOR, '');
  // "Whitaker's office said": the office speaks, and "the statement said" is then the office's.
  if (PERSONS_BODY.test(subject)) return subject;
  // "Tourism Tropical North Queensland, the region's tourism body, said": the name before the description.
  const parts = head.split(',').map((part) => part.trim());
  if (parts.length >= 2 && /^(?:the|a|an)\s/i.test(subject) && !findPersonIn(head, people)) {
    const named = organisationNamed(parts[0] ?? '', people);
    if (named) return named;
  }
  if (!subject || findPersonIn(subject, people)) return null;
  // "Shares in drinks maker C&C fell on Friday, after the company delayed": the company named after what it is.
  const named = APPOSED_COMPANY.exec(head)?.[1];
  if (named) return named;
  // "the company delayed": a generic noun keeps the company named before it.
  if (GENERIC_SUBJECT.test(subject)) return null;
  return organisationNamed(subject, people) ?? definiteBody(subject);
}

/**
 * The organisation a sentence reports speaking ("It said the court ...", "The agency warned that ..."):
 * a quote that opens the next paragraph unattributed goes on in its voice, not that of a person it names.
 */
export function organisationSpeaking(sentence: string, scene: Scene, people: PeopleIndex): string | null {
  if (/^["“”„«‘’']/.test(sentence.trim())) return null;
  const words = sentence.trim().split(/\s+/);
  const verbAt = words.slice(0, 8).findIndex((w) => SPEECH_VERBS.has(w.toLowerCase().replace(/[,.:]$/, '')));
  if (verbAt < 1) return null;
  const subject = words.slice(0, verbAt).join(' ');
  if (/^(?:It|They)$/.test(subject)) return scene.lastOrganisation;
  return findPersonIn(subject, people) ? null : organisationSubject(sentence, people);
}

/** "The league said": a body the article names only by its common noun, as that noun ("league"). */
function definiteBody(subject: string): string | null {
  const noun = /^(?:the|The)\s+((?:\p{Ll}+\s+){0,2}\p{Ll}+)$/u.exec(subject.trim())?.[1];
  return noun && INSTITUTION_NOUN.test(noun) ? noun : null;
}

const PERSONS_BODY =
  /^\p{Lu}[\p{L}'’-]+['’]s\s+(?:office|campaign|team|family|lawyers?|attorneys?|spokes(?:man|woman|person)|representatives?|press office)$/u;
// "..., the Attorney General's Chambers (AGC) clarified today.": any verb of saying, an acronym after the name.
const TRAILING_SAYER =
  /,\s*((?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|and|of|for)){0,6})(?:\s+\([A-Z][\w&.-]{1,9}\))?\s+(\p{Ll}+)\b[^,]*$/u;
const SUBORDINATOR = /^(?:after|before|when|while|as|since|because|if|although|though|until|once)\s+/i;
const APPOSED_COMPANY =
  /\b(?:maker|firm|company|group|carrier|operator|retailer|lender|giant|producer|brewer|airline|bank|insurer|miner|developer)\s+([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})/;
const GENERIC_SUBJECT =
  /^(?:the|its|their)\s+(?:company|firm|group|carrier|operator|retailer|lender|bank|airline|insurer|manufacturer|developer|business)$/i;

// "A senior finance ministry official, speaking on condition of anonymity, said", "A ruling party
// lawmaker close to Tanaka said": an indefinite subject, without what follows its head.
const UNNAMED_SUBJECT =
  /^(?:A|An|One|Another)\s+((?:[\p{L}'’-]+\s+){0,5}?(\p{Ll}+))(?=,|\s+(?:who|said|says|told|added|speaking|close to|familiar with|from|at|in|with)\b)/u;

/** The last unnamed source a text's sentences open with ("One worker, who ..., said he feared"). */
export function unnamedIn(text: string): string | null {
  let found: string | null = null;
  for (const sentence of splitSentences(text)) found = unnamedSubject(sentence.text) ?? found;
  return found;
}

/** The unnamed source a sentence opens with, without its article, when its head is a role ("senior official"). */
function unnamedSubject(sentence: string): string | null {
  const match = UNNAMED_SUBJECT.exec(sentence.trim());
  return match?.[1] && match[2] && isRoleNoun(match[2]) ? match[1] : null;
}

const DESCRIBED_GROUP =
  /^((?:People|Sources|Those|Two people|Three people|Several people|Officials)\s+(?:familiar with|close to|with knowledge of|briefed on|involved in|aware of)\s+[^,;]{2,60}?)\s+(?:said|say|says|told|have said|insisted|added)\b/u;

/** "Now locals have been left wondering": a plural of people as a subject, in the singular ("local"). */
function groupSubject(sentence: string): string | null {
  const match =
    /\b(\p{Ll}{3,}s)\s+(?:have|had|were|are|say|said|told|fear|feared|wonder|wondered|complained)\b/u.exec(
      sentence,
    );
  // "People familiar with the matter said": a group named by what it knows, as the phrase.
  const described = DESCRIBED_GROUP.exec(sentence.trim())?.[1];
  if (described) return described.replace(/^\p{Lu}/u, (c) => c.toLowerCase());
  const plural = match?.[1] ?? '';
  return plural && isRoleNoun(plural) ? plural.replace(/(?:ies)$/, 'y').replace(/s$/, '') : null;
}

/**
 * Every quote is someone's: one left without a speaker takes that of the nearest attributed quote
 * before it (the voice the story is in), else after it.
 */
export function fillMissingSpeakers(quotes: Quote[]): Quote[] {
  return quotes.map((quote, i) => {
    if (quote.speaker) return quote;
    const before = quotes
      .slice(0, i)
      .reverse()
      .find((q) => q.speaker);
    const source = before ?? quotes.slice(i + 1).find((q) => q.speaker);
    return source ? { ...quote, speaker: source.speaker, role: source.role } : quote;
  });
}
