import type { ArticleEvent, Quote } from '../src/models/analysis.ts';

/** Precision, recall and F1 of one matching, with the counts they come from. */
export interface Scores {
  gold: number;
  predicted: number;
  matched: number;
  /** 1 when nothing was predicted (nothing spurious). */
  precision: number;
  /** 1 when there was nothing to find. */
  recall: number;
  f1: number;
}

/** A share of matched items that passed a check; `value` is null when nothing was checked. */
export interface Ratio {
  hits: number;
  total: number;
  value: number | null;
}

/** One-to-one pairs of indexes into the predicted and gold lists, plus what stayed unpaired. */
export interface Matching {
  pairs: Array<{ predicted: number; gold: number }>;
  unmatchedPredicted: number[];
  unmatchedGold: number[];
}

/** Lowercase, letters and digits only, whitespace folded: the form every comparison uses. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Trims whitespace, quote marks and trailing sentence punctuation `[.,;:]` (the gold text rule). */
export function cleanQuoteText(text: string): string {
  return text
    .trim()
    .replace(/^["“”„‟«»'‘’]+|["“”„‟«»'‘’]+$/gu, '')
    .replace(/[\s.,;:]+$/u, '')
    .trim();
}

function tokensOf(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized ? normalized.split(' ') : [];
}

/** Jaccard index of the two texts' token sets (1 for two empty texts). */
export function tokenJaccard(a: string, b: string): number {
  const left = new Set(tokensOf(a));
  const right = new Set(tokensOf(b));
  if (left.size === 0 && right.size === 0) return 1;
  let common = 0;
  for (const token of left) if (right.has(token)) common += 1;
  return common / (left.size + right.size - common);
}

/**
 * How well a predicted quote text matches a gold one, or null when it does not match:
 * 1 for equal normalized texts; the token ratio when one contains the other and the shorter has
 * at least 80% of the longer's tokens; the token Jaccard when it is at least 0.8.
 */
export function scoreQuoteText(predicted: string, gold: string): number | null {
  const p = normalizeText(predicted);
  const g = normalizeText(gold);
  if (!p || !g) return null;
  if (p === g) return 1;
  let best: number | null = null;
  const [shorter, longer] = p.length <= g.length ? [p, g] : [g, p];
  if (` ${longer} `.includes(` ${shorter} `)) {
    const ratio = shorter.split(' ').length / longer.split(' ').length;
    if (ratio >= 0.8) best = ratio;
  }
  const jaccard = tokenJaccard(p, g);
  if (jaccard >= 0.8 && (best === null || jaccard > best)) best = jaccard;
  return best;
}

/**
 * Greedy one-to-one matching: all scored pairs, best score first (ties by predicted then gold
 * index, so the result is deterministic); `score` returns null for pairs that cannot match.
 */
export function matchOneToOne<P, G>(
  predicted: readonly P[],
  gold: readonly G[],
  score: (p: P, g: G) => number | null,
): Matching {
  const candidates: Array<{ predicted: number; gold: number; score: number }> = [];
  predicted.forEach((p, pi) => {
    gold.forEach((g, gi) => {
      const s = score(p, g);
      if (s !== null) candidates.push({ predicted: pi, gold: gi, score: s });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.predicted - b.predicted || a.gold - b.gold);
  const usedPredicted = new Set<number>();
  const usedGold = new Set<number>();
  const pairs: Matching['pairs'] = [];
  for (const c of candidates) {
    if (usedPredicted.has(c.predicted) || usedGold.has(c.gold)) continue;
    usedPredicted.add(c.predicted);
    usedGold.add(c.gold);
    pairs.push({ predicted: c.predicted, gold: c.gold });
  }
  pairs.sort((a, b) => a.gold - b.gold);
  return {
    pairs,
    unmatchedPredicted: predicted.map((_, i) => i).filter((i) => !usedPredicted.has(i)),
    unmatchedGold: gold.map((_, i) => i).filter((i) => !usedGold.has(i)),
  };
}

/** Matches predicted quotes to gold quotes by text (see scoreQuoteText). */
export function matchQuotes(predicted: readonly Quote[], gold: readonly Quote[]): Matching {
  return matchOneToOne(predicted, gold, (p, g) => scoreQuoteText(p.text, g.text));
}

/**
 * Matches predicted events to gold events: equal `date` and `endDate` is a match; among several
 * candidates the one with the same location, then the closer title, wins.
 */
export function matchEvents(predicted: readonly ArticleEvent[], gold: readonly ArticleEvent[]): Matching {
  return matchOneToOne(predicted, gold, (p, g) => {
    if (p.date !== g.date || (p.endDate ?? null) !== (g.endDate ?? null)) return null;
    return 1 + (sameValue(p.location, g.location) ? 0.5 : 0) + tokenJaccard(p.title, g.title) * 0.1;
  });
}

/** Equal after normalization (case, punctuation, spacing); null equals null only. */
export function sameValue(a: string | null | undefined, b: string | null | undefined): boolean {
  const left = a == null || !a.trim() ? null : normalizeText(a);
  const right = b == null || !b.trim() ? null : normalizeText(b);
  return left === right;
}

/** Precision, recall and F1 from counts. */
export function computeScores(gold: number, predicted: number, matched: number): Scores {
  const precision = predicted === 0 ? 1 : matched / predicted;
  const recall = gold === 0 ? 1 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, matched, precision, recall, f1 };
}

/** A ratio from counts; value null when total is 0. */
export function computeRatio(hits: number, total: number): Ratio {
  return { hits, total, value: total === 0 ? null : hits / total };
}

/** Sums the counts of several scores and recomputes the rates (micro-average). */
export function sumScores(all: readonly Scores[]): Scores {
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  for (const s of all) {
    gold += s.gold;
    predicted += s.predicted;
    matched += s.matched;
  }
  return computeScores(gold, predicted, matched);
}

/** Sums the counts of several ratios (micro-average). */
export function sumRatios(all: readonly Ratio[]): Ratio {
  let hits = 0;
  let total = 0;
  for (const r of all) {
    hits += r.hits;
    total += r.total;
  }
  return computeRatio(hits, total);
}

/** The matched items themselves, in gold order. */
export function pairedItems<P, G>(
  matching: Matching,
  predicted: readonly P[],
  gold: readonly G[],
): Array<{ predicted: P; gold: G }> {
  return matching.pairs.flatMap((pair) => {
    const p = predicted[pair.predicted];
    const g = gold[pair.gold];
    return p === undefined || g === undefined ? [] : [{ predicted: p, gold: g }];
  });
}

/** Matched pairs whose field agrees (sameValue) over all matched pairs. */
export function fieldAccuracy<T>(
  matching: Matching,
  predicted: readonly T[],
  gold: readonly T[],
  field: (item: T) => string | null | undefined,
): Ratio {
  const pairs = pairedItems(matching, predicted, gold);
  const hits = pairs.filter((pair) => sameValue(field(pair.predicted), field(pair.gold))).length;
  return computeRatio(hits, pairs.length);
}

/**
 * Gold participants of matched events found among the predicted event's participants
 * (equal, or one contains the other, after normalization).
 */
export function participantsRecall(
  matching: Matching,
  predicted: readonly ArticleEvent[],
  gold: readonly ArticleEvent[],
): Ratio {
  return participantShare(pairedItems(matching, predicted, gold).map((p) => [p.gold, p.predicted]));
}

/**
 * Predicted participants of matched events that match a gold participant (as for recall):
 * what share of the names the email shows beside an event are right.
 */
export function participantsPrecision(
  matching: Matching,
  predicted: readonly ArticleEvent[],
  gold: readonly ArticleEvent[],
): Ratio {
  return participantShare(pairedItems(matching, predicted, gold).map((p) => [p.predicted, p.gold]));
}

/** The names of each pair's first event found among its second event's names. */
function participantShare(pairs: [ArticleEvent, ArticleEvent][]): Ratio {
  let hits = 0;
  let total = 0;
  for (const [from, among] of pairs) {
    const others = among.participants.map(normalizeText).filter(Boolean);
    for (const name of from.participants.map(normalizeText).filter(Boolean)) {
      total += 1;
      if (others.some((o) => ` ${o} `.includes(` ${name} `) || ` ${name} `.includes(` ${o} `))) hits += 1;
    }
  }
  return computeRatio(hits, total);
}
