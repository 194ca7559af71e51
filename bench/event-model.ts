/**
 * The learnt calendar confidence (issue 13): a logistic regression over the general features of
 * a dated mention (src/analyze/event-features.ts). Measured against the hand rules and NOT adopted:
 * on the fresh set dev4 it scored calendar precision 0.786 against the rules' 0.787, F1 0.651
 * against 0.678 (README, "A learnt calendar confidence"). The analysis rates events by the rules
 * (src/analyze/event-confidence.ts); this model is kept to measure again as gold grows.
 */
import type { Features } from '../src/analyze/event-features.ts';
import { FEATURE_NAMES } from '../src/analyze/event-features.ts';
import { checkLinearWeights, linearScore } from '../src/analyze/linear-model.ts';
import trained from './event-model.json' with { type: 'json' };

/** A logistic model of a dated mention: P(announced occurrence) = sigmoid(bias + Σ weight × feature). */
export interface EventModel {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  /** The probability at or above which an event goes into the calendar. */
  threshold: number;
  /** `all`: every event; `prose`: an event a schedule, listing or table told keeps the rules' confidence. */
  covers: 'all' | 'prose';
}

/** Checks a model's shape against the features this code computes; throws naming what is wrong. */
export function checkModel(model: Omit<EventModel, 'covers'> & { covers: string }): EventModel {
  checkLinearWeights('event model', model, FEATURE_NAMES);
  if (!Number.isFinite(model.bias) || !(model.threshold > 0 && model.threshold < 1))
    throw new Error('event model: bias must be finite and threshold in (0, 1)');
  const { covers } = model;
  if (covers !== 'all' && covers !== 'prose')
    throw new Error(`event model: covers ${covers} is not all or prose`);
  return { ...model, covers };
}

let committed: EventModel | null = null;

/** The committed model (bench/event-model.json, written by `npm run train:events`), checked on first use. */
export function committedModel(): EventModel {
  committed ??= checkModel(trained);
  return committed;
}

/** The model's probability for one mention's features, unrounded. */
export function scoreFeatures(features: Features, model: EventModel): number {
  const z = linearScore(
    FEATURE_NAMES.map((name) => features[name]),
    model,
  );
  return 1 / (1 + Math.exp(-z));
}

/** An event's confidence: the surest of its mentions (told twice, the clearer telling counts), to two decimals. */
export function scoreMentions(mentions: readonly Features[], model: EventModel): number {
  const best = Math.max(0, ...mentions.map((f) => scoreFeatures(f, model)));
  return Math.round(best * 100) / 100;
}
