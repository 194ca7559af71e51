import { cleanBody } from '../src/analyze/clean.ts';
import { CALENDAR_CONFIDENCE } from '../src/analyze/event-confidence.ts';
import { analyzeArticle } from '../src/analyze/index.ts';
import { splitSentences } from '../src/analyze/sentences.ts';
import type { ArticleEvent, Quote } from '../src/models/analysis.ts';
import type { EvalCase, GoldEvent, GoldFormat, GoldQuote } from './eval-gold.ts';
import {
  computeRatio,
  computeScores,
  locationContains,
  type Matching,
  matchOneToOne,
  normalizeText,
  pairedItems,
  type Ratio,
  rouge1,
  type Scores,
  sameOneLoosely,
  sameSpeaker,
  sameValue,
  scoreQuoteFingerprint,
  scoreQuoteText,
  sumRatios,
  sumScores,
  titleNamesEvent,
  tokenJaccard,
} from './eval-metrics.ts';

/** The figures an article and the whole set share. */
export interface Figures {
  quotes: Scores;
  speaker: Ratio;
  /** The speaker is the one gold names, in another form ("Heng" for "Heng Swee Keat"): no target, it tells the wrong one from the short one. */
  speakerLoose: Ratio;
  /** Matched quotes given no speaker at all. */
  speakerMissing: Ratio;
  role: Ratio;
  /** The events the calendar gets (confidence >= CALENDAR_CONFIDENCE), against the gold events. */
  events: Scores;
  /** Every dated event the analysis lists, the doubtful "dates mentioned" included. */
  allDates: Scores;
  location: Ratio;
  time: Ratio;
  /** Matched events whose title holds the gold `key` words (corpus only). */
  title: Ratio;
  participants: Ratio;
  participantsPrecision: Ratio;
}

/** Figures for one article; `details` lists what to fix. */
export interface CaseReport extends Figures {
  id: string;
  format: GoldFormat;
  /** The analysis threw: everything in gold counts as missed. */
  error: string | null;
  /**
   * ROUGE-1 F1 against the reference (corpus only): the summary; lead-3, the first three sentences
   * of the cleaned body (the baseline the target is set against); and the first three of the raw text.
   */
  summary: { rouge1: number; lead3: number; lead3Raw: number } | null;
  details: {
    missedQuotes: GoldQuote[];
    spuriousQuotes: Quote[];
    wrongSpeakers: Array<{ gold: GoldQuote; predicted: Quote }>;
    wrongRoles: Array<{ gold: GoldQuote; predicted: Quote }>;
    missedEvents: GoldEvent[];
    spuriousEvents: ArticleEvent[];
    wrongLocations: Array<{ gold: GoldEvent; predicted: ArticleEvent }>;
    wrongTimes: Array<{ gold: GoldEvent; predicted: ArticleEvent }>;
    wrongTitles: Array<{ gold: GoldEvent; predicted: ArticleEvent }>;
  };
}

/** A quote's match score against a gold quote of either format, or null. */
export function scoreQuote(p: Quote, g: GoldQuote): number | null {
  if (g.text !== null) return scoreQuoteText(p.text, g.text);
  return g.head && g.tail ? scoreQuoteFingerprint(p.text, g.head, g.tail) : null;
}

/** Same date and end date; among several, the same place, then the named event, then the time wins. */
function scoreEvent(p: ArticleEvent, g: GoldEvent): number | null {
  if (p.date !== g.date || (p.endDate ?? null) !== (g.endDate ?? null)) return null;
  const place = locationContains(p.location, g.location);
  const named = g.key ? titleNamesEvent(p.title, g.key) : false;
  return (
    1 +
    (place ? 0.5 : 0) +
    (named ? 0.3 : 0) +
    (p.time === g.time ? 0.1 : 0) +
    tokenJaccard(p.title, g.title) * 0.05
  );
}

/** The one-to-one matching of predicted events to gold events the scores count. */
export function matchEvents(predicted: readonly ArticleEvent[], gold: readonly GoldEvent[]): Matching {
  return matchOneToOne(predicted, gold, scoreEvent);
}

/** Matched pairs that pass `check`, over all matched pairs. */
function share<P, G>(
  m: Matching,
  predicted: readonly P[],
  gold: readonly G[],
  check: (p: P, g: G) => boolean,
): Ratio {
  const pairs = pairedItems(m, predicted, gold);
  return computeRatio(pairs.filter((x) => check(x.predicted, x.gold)).length, pairs.length);
}

function failing<P, G>(
  m: Matching,
  predicted: readonly P[],
  gold: readonly G[],
  check: (p: P, g: G) => boolean,
) {
  return pairedItems(m, predicted, gold).filter((x) => !check(x.predicted, x.gold));
}

/** The lead-3 baseline: the first three sentences of the cleaned body, or of the text as stored. */
export function leadSentences(c: EvalCase, count = 3, raw = false): string[] {
  const paragraphs = raw
    ? c.article.body.split(/\n+/).filter((line) => line.trim())
    : cleanBody(c.article.body, c.article.title).paragraphs;
  return paragraphs.flatMap((p) => splitSentences(p).map((s) => s.text)).slice(0, count);
}

/** Runs the analysis on one case and scores it. */
export function evaluateCase(c: EvalCase): CaseReport {
  let quotes: Quote[] = [];
  let listed: ArticleEvent[] = [];
  let summary: string[] = [];
  let error: string | null = null;
  try {
    ({ quotes, events: listed, summary } = analyzeArticle(c.article));
  } catch (cause) {
    error = cause instanceof Error ? cause.message : String(cause);
  }
  const events = listed.filter((x) => (x.confidence ?? 1) >= CALENDAR_CONFIDENCE);
  const { format } = c.gold;
  const gq = c.gold.quotes;
  const ge = c.gold.events;
  const q = matchOneToOne(quotes, gq, scoreQuote);
  const e = matchEvents(events, ge);
  const all = matchEvents(listed, ge);
  const speakerOk = (p: Quote, g: GoldQuote) =>
    format === 'corpus' ? sameSpeaker(p.speaker, g.speaker, g.aliases) : sameValue(p.speaker, g.speaker);
  const roleOk = (p: Quote, g: GoldQuote) =>
    format === 'corpus' ? sameSpeaker(p.role, g.role, []) : sameValue(p.role, g.role);
  // Both formats follow corpus/README.md for places: the most specific one printed, matched by containment.
  const placeOk = (p: ArticleEvent, g: GoldEvent) => locationContains(p.location, g.location);
  const timeOk = (p: ArticleEvent, g: GoldEvent) => p.time === g.time;
  const titleOk = (p: ArticleEvent, g: GoldEvent) => titleNamesEvent(p.title, g.key ?? []);
  const keyed = { ...e, pairs: e.pairs.filter((pair) => ge[pair.gold]?.key) };
  const pick = <T>(list: readonly T[], indexes: number[]): T[] => indexes.flatMap((i) => list[i] ?? []);
  return {
    id: c.id,
    format,
    error,
    quotes: computeScores(gq.length, quotes.length, q.pairs.length),
    speaker: share(q, quotes, gq, speakerOk),
    speakerLoose: share(
      q,
      quotes,
      gq,
      (p, g) => speakerOk(p, g) || sameOneLoosely(p.speaker, g.speaker, g.aliases),
    ),
    speakerMissing: share(q, quotes, gq, (p) => p.speaker === null),
    role: share(q, quotes, gq, roleOk),
    events: computeScores(ge.length, events.length, e.pairs.length),
    allDates: computeScores(ge.length, listed.length, all.pairs.length),
    location: share(e, events, ge, placeOk),
    time: share(e, events, ge, timeOk),
    title: share(keyed, events, ge, titleOk),
    participants: participantShare(e, events, ge, 'recall'),
    participantsPrecision: participantShare(e, events, ge, 'precision'),
    summary:
      c.gold.summary === null
        ? null
        : {
            rouge1: rouge1(summary.join(' '), c.gold.summary),
            lead3: rouge1(leadSentences(c).join(' '), c.gold.summary),
            lead3Raw: rouge1(leadSentences(c, 3, true).join(' '), c.gold.summary),
          },
    details: {
      missedQuotes: pick(gq, q.unmatchedGold),
      spuriousQuotes: pick(quotes, q.unmatchedPredicted),
      wrongSpeakers: failing(q, quotes, gq, speakerOk),
      wrongRoles: failing(q, quotes, gq, roleOk),
      missedEvents: pick(ge, e.unmatchedGold),
      spuriousEvents: pick(events, e.unmatchedPredicted),
      wrongLocations: failing(e, events, ge, placeOk),
      wrongTimes: failing(e, events, ge, timeOk),
      wrongTitles: failing(keyed, events, ge, titleOk),
    },
  };
}

/**
 * Gold participants of matched events found among the predicted ones (recall), or predicted
 * ones found among gold's (precision): equal, or one contains the other, after normalization.
 * Only synthetic gold lists participants.
 */
function participantShare(
  m: Matching,
  predicted: readonly ArticleEvent[],
  gold: readonly GoldEvent[],
  side: 'recall' | 'precision',
): Ratio {
  let hits = 0;
  let total = 0;
  const norm = (list: readonly string[]) => list.map((s) => normalizeText(s)).filter(Boolean);
  for (const { predicted: p, gold: g } of pairedItems(m, predicted, gold)) {
    if (!g.participants) continue;
    const [from, among] =
      side === 'recall'
        ? [norm(g.participants), norm(p.participants)]
        : [norm(p.participants), norm(g.participants)];
    for (const name of from) {
      total += 1;
      if (among.some((o) => ` ${o} `.includes(` ${name} `) || ` ${name} `.includes(` ${o} `))) hits += 1;
    }
  }
  return computeRatio(hits, total);
}

/** A figure held to a target. */
export interface Target {
  metric: string;
  value: number | null;
  target: number;
  pass: boolean;
}

/** Micro-averaged figures over the set (ROUGE macro-averaged), and the targets they are held to. */
export interface EvalTotals extends Figures {
  articles: number;
  /** Mean ROUGE-1 F1 of the summaries and of lead-3 over the articles with a reference summary. */
  summary: { articles: number; rouge1: number; lead3: number; lead3Raw: number; margin: number } | null;
  targets: Target[];
}

/** Sums the per-article counts and checks the targets (an accuracy over nothing fails). */
export function summarize(reports: readonly CaseReport[]): EvalTotals {
  const sum = (pick: (r: CaseReport) => Ratio) => sumRatios(reports.map(pick));
  const quotes = sumScores(reports.map((r) => r.quotes));
  const events = sumScores(reports.map((r) => r.events));
  const summaries = reports.flatMap((r) => (r.summary ? [r.summary] : []));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const summary =
    summaries.length === 0
      ? null
      : (() => {
          const rouge = mean(summaries.map((s) => s.rouge1));
          const lead3 = mean(summaries.map((s) => s.lead3));
          const lead3Raw = mean(summaries.map((s) => s.lead3Raw));
          return { articles: summaries.length, rouge1: rouge, lead3, lead3Raw, margin: rouge - lead3 };
        })();
  const totals = {
    articles: reports.length,
    quotes,
    speaker: sum((r) => r.speaker),
    speakerLoose: sum((r) => r.speakerLoose),
    speakerMissing: sum((r) => r.speakerMissing),
    role: sum((r) => r.role),
    events,
    allDates: sumScores(reports.map((r) => r.allDates)),
    location: sum((r) => r.location),
    time: sum((r) => r.time),
    title: sum((r) => r.title),
    participants: sum((r) => r.participants),
    participantsPrecision: sum((r) => r.participantsPrecision),
    summary,
  };
  const corpus = reports.some((r) => r.format === 'corpus');
  return { ...totals, targets: corpus ? corpusTargets(totals) : syntheticTargets(totals) };
}

const target = (metric: string, value: number | null, min: number): Target => ({
  metric,
  value,
  target: min,
  pass: value !== null && value >= min,
});

/** The synthetic set's targets (tests/fixtures/eval/README.md). */
function syntheticTargets(t: Omit<EvalTotals, 'targets'>): Target[] {
  return [
    target('quotes F1', t.quotes.f1, 0.95),
    target('speaker accuracy', t.speaker.value, 0.95),
    target('event-date F1', t.events.f1, 0.9),
    target('location accuracy', t.location.value, 0.9),
    // Only the fixtures that give `key` words score titles.
    ...(t.title.total > 0 ? [target('title names event', t.title.value, 0.9)] : []),
  ];
}

/** The real corpus's targets (issue 13). */
function corpusTargets(t: Omit<EvalTotals, 'targets'>): Target[] {
  return [
    target('quotes F1', t.quotes.f1, 0.97),
    target('speaker accuracy', t.speaker.value, 0.95),
    target('event precision', t.events.precision, 0.95),
    target('event recall', t.events.recall, 0.9),
    target('location accuracy', t.location.value, 0.9),
    target('title names event', t.title.value, 0.9),
    target('ROUGE-1 - lead-3', t.summary?.margin ?? null, 0.05),
  ];
}
