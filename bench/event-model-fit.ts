/**
 * The learnt calendar confidence's training side: candidate events read from gold folders, labelled
 * by the scorer's own matcher (eval-score.ts), a logistic regression fitted by plain gradient
 * descent (fixed iterations, L2, no randomness), and calendar precision and recall at a threshold.
 */
import { basename } from 'node:path';
import { cleanBody } from '../src/analyze/clean.ts';
import { FEATURE_NAMES, type Features } from '../src/analyze/event-features.ts';
import { type EventReading, readEvents } from '../src/analyze/events.ts';
import { resolveAnalyzeOptions } from '../src/analyze/index.ts';
import { buildPeopleIndex } from '../src/analyze/people.ts';
import type { EvalCase, GoldEvent } from './eval-gold.ts';
import { listGoldFiles, MissingTextError, readEvalCase } from './eval-gold.ts';
import { computeScores, type Scores, sumScores } from './eval-metrics.ts';
import { matchEvents } from './eval-score.ts';
import { type EventModel, scoreMentions } from './event-model.ts';

/** One article's candidate events, each labelled: does the matcher pair it with a gold event? */
export interface LabelledCase {
  set: string;
  id: string;
  gold: GoldEvent[];
  readings: EventReading[];
  labels: boolean[];
}

/** Reads one gold file and its text for training; a missing text is an error, never a skipped case. */
export function readTrainingCase(goldPath: string): EvalCase {
  try {
    return readEvalCase(goldPath);
  } catch (error) {
    // A model trained on part of a folder would silently differ from the committed one.
    if (error instanceof MissingTextError)
      throw new MissingTextError(`${error.message} (npm run corpus:check): every text is needed to train`);
    throw error;
  }
}

/** Reads every article of a folder with a text present, and labels its candidate events. */
export function readLabelledSet(dir: string): LabelledCase[] {
  const set = basename(dir.replace(/\/+$/, ''));
  const cases: LabelledCase[] = [];
  for (const goldPath of listGoldFiles(dir)) {
    const c = readTrainingCase(goldPath);
    const { referenceDate } = resolveAnalyzeOptions(c.article);
    const { paragraphs } = cleanBody(c.article.body, c.article.title);
    const readings = readEvents(paragraphs, referenceDate, buildPeopleIndex(paragraphs));
    const matched = new Set(
      matchEvents(
        readings.map((r) => r.event),
        c.gold.events,
      ).pairs.map((p) => p.predicted),
    );
    cases.push({
      set,
      id: c.id,
      gold: c.gold.events,
      readings,
      labels: readings.map((_, i) => matched.has(i)),
    });
  }
  return cases;
}

/** Settings of the fit; fixed, so a run gives the same weights every time. */
// Chosen on the leave-one-set-out check of dev, dev2, dev3 (L2 0.01, 0.003, 0.001; with and without
// the per-article weight): the best pooled F0.5.
export const FIT: FitSettings = { iterations: 4000, rate: 0.5, l2: 0.003, perArticle: true };

/** Gradient-descent steps, step size, and the L2 penalty on the weights (not the bias). */
export interface FitSettings {
  iterations: number;
  rate: number;
  l2: number;
  /** Weigh an article's events 1 / sqrt(their number) each. */
  perArticle: boolean;
}

/** One weighted training row: features, label 0 or 1, and its weight. */
export interface Sample {
  x: number[];
  y: number;
  weight: number;
}

/**
 * Every mention of every candidate event, with its event's label. An event's mentions weigh 1
 * together, and an article's events 1 / sqrt(their number) each when `perArticle`: one long list of
 * dates ("tentative trial dates ... ") does not outvote the other articles.
 */
function collectSamples(cases: readonly LabelledCase[], perArticle: boolean): Sample[] {
  return cases.flatMap((c) => {
    const share = perArticle ? 1 / Math.sqrt(Math.max(1, c.readings.length)) : 1;
    return c.readings.flatMap((r, i) =>
      r.features.map((f) => ({
        x: FEATURE_NAMES.map((name) => f[name]),
        y: c.labels[i] ? 1 : 0,
        weight: share / r.features.length,
      })),
    );
  });
}

/**
 * Fits `width` weights and a bias by full-batch gradient descent on the weighted log-loss plus L2
 * on the weights, rounded to four decimals; no randomness, so the same samples give the same model.
 */
export function fitLogistic(
  samples: readonly Sample[],
  width: number,
  fit: Pick<FitSettings, 'iterations' | 'rate' | 'l2'>,
): { weights: number[]; bias: number } {
  const total = samples.reduce((sum, s) => sum + s.weight, 0) || 1;
  const weights = Array.from({ length: width }, () => 0);
  let bias = 0;
  for (let step = 0; step < fit.iterations; step++) {
    const grad = weights.map((w) => fit.l2 * w);
    let gradBias = 0;
    for (const s of samples) {
      let z = bias;
      for (let j = 0; j < weights.length; j++) z += (weights[j] ?? 0) * (s.x[j] ?? 0);
      const error = (1 / (1 + Math.exp(-z)) - s.y) * (s.weight / total);
      gradBias += error;
      for (let j = 0; j < weights.length; j++) grad[j] = (grad[j] ?? 0) + error * (s.x[j] ?? 0);
    }
    bias -= fit.rate * gradBias;
    for (let j = 0; j < weights.length; j++) weights[j] = (weights[j] ?? 0) - fit.rate * (grad[j] ?? 0);
  }
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  return { weights: weights.map(round), bias: round(bias) };
}

/** Fits the event model's weights and bias on the candidate events' mentions. */
export function fitModel(
  cases: readonly LabelledCase[],
  threshold: number,
  fit: FitSettings = FIT,
): EventModel {
  const { weights, bias } = fitLogistic(collectSamples(cases, fit.perArticle), FEATURE_NAMES.length, fit);
  return { features: [...FEATURE_NAMES], weights, bias, threshold, covers: 'all' };
}

/** How an event is rated: the rules' confidence, or a model's. */
export type Rater = (reading: EventReading) => number;

/** The rules, as the analysis rates today. */
export const rules: Rater = (r) => r.event.confidence;

/** A model over every mention; schedules, listings and tables included. */
export function byModel(model: EventModel): Rater {
  return (r) => scoreMentions(r.features, model);
}

/** A model over prose only: an event a schedule, listing or table told keeps the rules' confidence. */
export function byModelProseOnly(model: EventModel): Rater {
  return (r) =>
    r.features.some((f: Features) => f.schedule === 1)
      ? r.event.confidence
      : scoreMentions(r.features, model);
}

/** Calendar precision and recall over cases: the events rated at or above the threshold, matched as eval does. */
export function scoreCalendar(cases: readonly LabelledCase[], rate: Rater, threshold: number): Scores {
  return sumScores(
    cases.map((c) => {
      const calendar = c.readings.filter((r) => rate(r) >= threshold).map((r) => r.event);
      return computeScores(c.gold.length, calendar.length, matchEvents(calendar, c.gold).pairs.length);
    }),
  );
}
