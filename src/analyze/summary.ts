import { splitSentences } from './sentences.ts';
import { countWords, normalizeText } from './text-utils.ts';

const WEAK_START =
  /^(?:he|she|it|they|this|that|these|those|his|her|their|its|we|i|you|but|also|and|or|so|yet|however|still|meanwhile|then|there)\b/i;
const QUOTE_MARK = /["“”„«»]/;
const DATE_WORD =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\btomorrow\b|\bnext (?:week|month)\b/i;
// Reading the first sentences is enough to find the lead; it also bounds the work.
const MAX_CANDIDATES = 200;

interface Candidate {
  text: string;
  order: number;
  score: number;
}

/**
 * Picks `count` sentences that read well on their own, preferring the lead and sentences
 * that say who does what and when; returns them in article order, without repeats.
 */
export function summarize(paragraphs: string[], count: number): string[] {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const sentence of splitSentences(paragraph)) {
      if (candidates.length >= MAX_CANDIDATES) break;
      const key = normalizeText(sentence.text);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      candidates.push({ text: sentence.text, order: candidates.length, score: 0 });
    }
  }
  for (const candidate of candidates) candidate.score = scoreSentence(candidate);
  return candidates
    .filter((c) => c.score > Number.NEGATIVE_INFINITY)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, Math.max(0, count))
    .sort((a, b) => a.order - b.order)
    .map((c) => c.text);
}

function scoreSentence({ text, order }: Candidate): number {
  const words = countWords(text);
  if (words < 6 || words > 70) return Number.NEGATIVE_INFINITY;
  let score = 3 / (1 + order * 0.4);
  if (WEAK_START.test(text)) score -= 3;
  if (QUOTE_MARK.test(text)) score -= 2;
  if (!/[.!?]["”’)]?$/.test(text)) score -= 2;
  if (DATE_WORD.test(text)) score += 1;
  if (/\s\p{Lu}\p{L}+\s+\p{Lu}\p{L}+/u.test(text)) score += 0.5;
  if (/\d/.test(text)) score += 0.3;
  if (words > 45) score -= 1;
  return score;
}
