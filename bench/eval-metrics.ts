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

/** The corpus form of a text (corpus/README.md): apostrophes and quote marks dropped, then letters and digits only. */
export function normalizeWords(text: string): string[] {
  const normalized = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return normalized ? normalized.split(' ') : [];
}

// Words a predicted quote may carry beyond the gold head and tail (a stray attribution word, a
// dropped inner quote mark that split a word) and still be the same quote.
const FINGERPRINT_SLACK = 3;

/**
 * How well a predicted quote matches a gold quote given by its first and last words, or null:
 * 1 when the predicted text starts with `head` and ends with `tail`; less when it holds both, in
 * order, with at most FINGERPRINT_SLACK words outside them.
 */
export function scoreQuoteFingerprint(predicted: string, head: string, tail: string): number | null {
  const words = normalizeWords(predicted);
  const h = normalizeWords(head);
  const t = normalizeWords(tail);
  if (words.length === 0 || h.length === 0 || t.length === 0) return null;
  const at = (needle: string[], from: number): number => {
    for (let i = from; i + needle.length <= words.length; i++) {
      if (needle.every((w, j) => words[i + j] === w)) return i;
    }
    return -1;
  };
  const start = at(h, 0);
  if (start < 0 || start > FINGERPRINT_SLACK) return null;
  // The tail nearest the end: a tail phrase may also occur inside the quote.
  let tailAt = -1;
  for (let from = start; ; ) {
    const found = at(t, from);
    if (found < 0) break;
    tailAt = found;
    from = found + 1;
  }
  if (tailAt < 0) return null;
  const extra = start + (words.length - (tailAt + t.length));
  if (extra > FINGERPRINT_SLACK) return null;
  return 1 - extra * 0.05;
}

const LEADING_ARTICLE = /^(?:the|a|an)\s+/;

/** Speaker comparison of the corpus: case, punctuation and a leading article ignored; any alias counts. */
export function sameSpeaker(
  predicted: string | null,
  gold: string | null,
  aliases: readonly string[],
): boolean {
  if (predicted === null || gold === null) return predicted === gold;
  const form = (s: string) => normalizeWords(s).join(' ').replace(LEADING_ARTICLE, '');
  const mine = form(predicted);
  return mine !== '' && [gold, ...aliases].some((name) => form(name) === mine);
}

/**
 * The same one in another form: every word of one is a word of the other, or of an alias
 * ("Heng" and "Heng Swee Keat", "Ayatollah Ali Khamenei" and "Ali Khamenei"). A diagnostic
 * beside speaker accuracy, never its target: it tells a short or long form from the wrong one.
 */
export function sameOneLoosely(
  predicted: string | null,
  gold: string | null,
  aliases: readonly string[],
): boolean {
  if (predicted === null || gold === null) return false;
  const mine = normalizeWords(predicted).filter((w) => !LEADING_ARTICLE.test(`${w} `));
  if (mine.length === 0) return false;
  return [gold, ...aliases].some((name) => {
    const theirs = normalizeWords(name);
    return mine.every((w) => theirs.includes(w)) || theirs.every((w) => mine.includes(w));
  });
}

/** Location comparison of the corpus: one contains the other, word for word; null equals null only. */
export function locationContains(predicted: string | null, gold: string | null): boolean {
  const p = predicted?.trim() ? normalizeWords(predicted).join(' ') : null;
  const g = gold?.trim() ? normalizeWords(gold).join(' ') : null;
  if (p === null || g === null) return p === g;
  return ` ${p} `.includes(` ${g} `) || ` ${g} `.includes(` ${p} `);
}

/** True when every key word of a gold event is a word of the title (a plural counts: "strikes" names "strike"). */
export function titleNamesEvent(title: string, key: readonly string[]): boolean {
  const words = new Set(normalizeWords(title));
  return key.every((k) =>
    normalizeWords(k).every((w) => words.has(w) || words.has(`${w}s`) || words.has(`${w}es`)),
  );
}

/** ROUGE-1 F1 of a candidate against a reference: clipped unigram overlap, lowercase words, no stemming. */
export function rouge1(candidate: string, reference: string): number {
  const count = (words: string[]) => {
    const counts = new Map<string, number>();
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    return counts;
  };
  const c = normalizeWords(candidate);
  const r = normalizeWords(reference);
  if (c.length === 0 || r.length === 0) return 0;
  const rc = count(r);
  let overlap = 0;
  for (const [w, n] of count(c)) overlap += Math.min(n, rc.get(w) ?? 0);
  if (overlap === 0) return 0;
  const precision = overlap / c.length;
  const recall = overlap / r.length;
  return (2 * precision * recall) / (precision + recall);
}
