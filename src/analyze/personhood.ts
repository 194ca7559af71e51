import { isRoleNoun } from './roles.ts';
import { HONORIFIC_WORDS, ROLE_MODIFIERS, SPEECH_VERBS } from './vocabulary.ts';

/** What the article's wording says about a capitalized name: a person's, surely not, or unknown. */
export type Personhood = 'person' | 'not-person' | 'unknown';

const MAX_MENTIONS = 20;
const CORPORATE_END =
  /\s(?:Co|Inc|Ltd|Corp|Corporation|LLC|LLP|Plc|PLC|AG|SA|GmbH|NV|BV|Group|Holdings|Securities|Partners|Capital|Motors|Airways|Airlines|Industries|Technologies|Systems|Shipping|Logistics|Pharmaceuticals|Bank|Insurance|Associates)\.?$/;

/**
 * Weighs how the article uses a two-word capitalized name. People get a role or an honorific, are
 * named again by surname ("Zagel said"); organisations, places, events and series get an article
 * ("the Budget Session", "a SpaceX Crew Dragon capsule"), a locative ("in Tamil Nadu"), a number
 * ("Launch Complex 39A") or an acronym before them ("ASEAN Plus Three").
 */
export function judgePersonhood(
  name: string,
  role: string | null,
  paragraphs: readonly string[],
): Personhood {
  // "Derwent Chemical Co", "Horizon Securities": a name that ends in what firms are called is a firm's.
  if (CORPORATE_END.test(name)) return 'not-person';
  let score = role ? 2 : 0;
  let mentions = 0;
  const words = name.split(' ');
  for (const text of paragraphs) {
    for (let at = text.indexOf(name); at >= 0 && mentions < MAX_MENTIONS; at = text.indexOf(name, at + 1)) {
      mentions++;
      const after = text.slice(at + name.length, at + name.length + 120);
      score += weighMention(text.slice(Math.max(0, at - 40), at), after.slice(0, 30)) + weighPronoun(after);
    }
  }
  if (words.length >= 2 && namedAlone(words, paragraphs)) score += 2;
  if (score >= 1) return 'person';
  return score <= -1 ? 'not-person' : 'unknown';
}

function weighMention(before: string, after: string): number {
  let score = 0;
  const previous = /([\p{L}\p{N}.'’-]+)\s+$/u.exec(before)?.[1] ?? '';
  const lower = previous.toLowerCase().replace(/\.$/, '');
  if (HONORIFIC_WORDS.has(lower)) score += 2;
  if (/^(?:a|an)$/.test(lower)) score -= 2;
  // "the Budget Session", "the 17th Lok Sabha", "the conservative Christian Democrats" (but not "the
  // former president John Smith", whose role words mark a person).
  const article = /\b(?:the|The)\s+((?:[\p{Ll}\p{N}-]+\s+){0,2})$/u.exec(before);
  const between = (article?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
  if (article && !between.some((w) => isRoleNoun(w) || ROLE_MODIFIERS.has(w))) score -= 2;
  if (/^(?:in|at|near|across|outside|inside|throughout)$/.test(lower)) score -= 1;
  // "ASEAN Plus Three", "NASA Kennedy": an acronym glued before it names a body or a series.
  if (/^\p{Lu}{2,}$/u.test(previous) && !/^(?:US|UK|UN|EU)$/.test(previous)) score -= 1;
  if (/^\s+\d/.test(after)) score -= 1;
  // "Vale Inco spokesman Cory McPhee": a name before a role and another name is the body that person speaks for.
  const title = /^\s+(?:\p{Ll}+\s+){0,2}?(\p{Ll}+)\s+\p{Lu}\p{Ll}+\s+\p{Lu}/u.exec(after)?.[1];
  if (title && isRoleNoun(title)) score -= 3;
  const next = /^\s+(\p{Ll}+)/u.exec(after)?.[1] ?? '';
  if (SPEECH_VERBS.has(next) || SPEECH_VERBS.has(lower)) score += 1;
  if (/^,\s+(?:\d{1,3},|who\b)/.test(after)) score += 1;
  // "Luis Ortega, D-Ariz.,": a party and state after a name mark a lawmaker.
  if (/^,\s+[DRI]-\p{Lu}/u.test(after)) score += 2;
  return score;
}

/** The first pronoun after a mention, within its sentence or the next: "he" is a person's, "it" and "they" a body's. */
function weighPronoun(after: string): number {
  const pronoun = /\b(he|she|his|her|him|it|its|they|their|them)\b/i.exec(after)?.[1]?.toLowerCase();
  if (!pronoun) return 0;
  if (/^(?:he|she|his|her|him)$/.test(pronoun)) return 0.5;
  return /^(?:it|its)$/.test(pronoun) ? -1 : -0.5;
}

/**
 * True when the surname (or the given name) stands alone elsewhere, inside a sentence or before a
 * verb of speech: "Zagel said", "Mr. Arora", "Mohamad further added"; not "Launch now is ...".
 */
function namedAlone(words: string[], paragraphs: readonly string[]): boolean {
  const targets = new Set([words[0] ?? '', words[words.length - 1] ?? '']);
  for (const { raw, tokens } of tokensOf(paragraphs)) {
    for (let i = 0; i < tokens.length; i++) {
      if (!targets.has(tokens[i] ?? '')) continue;
      // "Ó Briain said", "Van Dyke said": a short particle of the name's own goes with its surname.
      const particle = tokens[i - 1] ?? '';
      const at = particle.length <= 3 && words.indexOf(particle) > 0 ? i - 2 : i - 1;
      const previous = tokens[at] ?? '';
      const next = tokens[i + 1] ?? '';
      const honorific = HONORIFIC_WORDS.has(previous.toLowerCase()) && !words.includes(previous);
      if (/^\p{Lu}/u.test(next) || (/^\p{Lu}/u.test(previous) && !honorific)) continue;
      // "Saudi investment minister", "Kenyan officials": a word alone before a role is an adjective, no name.
      if (raw[i] === tokens[i] && (isRoleNoun(next) || ROLE_MODIFIERS.has(next))) continue;
      const opensSentence = at < 0 || /[.!?"“”:]$/.test(raw[at] ?? '');
      if (!opensSentence || honorific || ALONE_VERBS.has(next)) return true;
    }
  }
  return false;
}

// One tokenization per article, however many names are judged on it.
const tokenCache = new WeakMap<readonly string[], Array<{ raw: string[]; tokens: string[] }>>();

function tokensOf(paragraphs: readonly string[]): Array<{ raw: string[]; tokens: string[] }> {
  let cached = tokenCache.get(paragraphs);
  if (!cached) {
    cached = paragraphs.map((text) => {
      const raw = [...text.matchAll(/[\p{L}\p{M}'’.-]+|[!?"“”:,;]/gu)].map((m) => m[0]);
      return { raw, tokens: raw.map((t) => t.replace(/['’]s$|\.$/u, '')) };
    });
    tokenCache.set(paragraphs, cached);
  }
  return cached;
}

const ALONE_VERBS = new Set([...SPEECH_VERBS, 'had', 'has', 'was', 'is', 'will', 'would', 'also', 'further']);
