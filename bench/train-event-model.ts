/**
 * Trains the learnt calendar confidence (bench/event-model.json) on gold folders, after checking it
 * leave-one-set-out: each --fold is left out in turn, the model fitted on the others (and every
 * --dir), and the rules and the model scored on it. The threshold comes from that check by a rule
 * fixed in advance (THRESHOLD_RULE). Deterministic: the same folders give the same file, byte for byte.
 * Usage: npx tsx bench/train-event-model.ts [--fold DIR]... [--dir DIR]... [--out FILE | --print]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALENDAR_CONFIDENCE } from '../src/analyze/event-confidence.ts';
import { FixtureError, MissingTextError } from './eval-gold.ts';
import type { Scores } from './eval-metrics.ts';
import {
  byModel,
  byModelProseOnly,
  FIT,
  fitModel,
  type LabelledCase,
  type Rater,
  readLabelledSet,
  rules,
  scoreCalendar,
} from './event-model-fit.ts';
import { parseTrainArgs } from './train-args.ts';

/** The model file's default place. */
export const MODEL_PATH = fileURLToPath(new URL('./event-model.json', import.meta.url));

/** Thresholds tried: 0.50 to 0.98 by 0.02 (most candidates are right, so the probabilities sit high). */
export const GRID = Array.from({ length: 25 }, (_, i) => Math.round((0.5 + i * 0.02) * 100) / 100);

/** Stated before the fresh set was scored. */
export const THRESHOLD_RULE =
  'the highest pooled leave-one-set-out recall among thresholds whose pooled precision is at least 0.95 (ties: the higher threshold); if none, the best pooled F0.5';

const round3 = (v: number) => Math.round(v * 1000) / 1000;
const figures = (s: Scores) => ({
  gold: s.gold,
  predicted: s.predicted,
  matched: s.matched,
  precision: round3(s.precision),
  recall: round3(s.recall),
  f1: round3(s.f1),
});
const f05 = (s: Scores) =>
  s.precision + s.recall === 0 ? 0 : (1.25 * s.precision * s.recall) / (0.25 * s.precision + s.recall);

type Variant = 'all' | 'prose';
const raterOf = (variant: Variant) => (variant === 'all' ? byModel : byModelProseOnly);

/** Leave-one-set-out: the rules and, per threshold, the model on each left-out fold. */
function crossValidate(folds: LabelledCase[][], extra: LabelledCase[], variant: Variant) {
  const perFold = folds.map((test, k) => {
    const train = [...folds.filter((_, j) => j !== k).flat(), ...extra];
    const model = fitModel(train, 0.5);
    const rate: Rater = raterOf(variant)(model);
    return {
      set: test[0]?.set ?? `fold ${k}`,
      rules: scoreCalendar(test, rules, CALENDAR_CONFIDENCE),
      byThreshold: GRID.map((t) => scoreCalendar(test, rate, t)),
    };
  });
  const pool = (pick: (f: (typeof perFold)[number]) => Scores): Scores => {
    const list = perFold.map(pick);
    const gold = list.reduce((a, s) => a + s.gold, 0);
    const predicted = list.reduce((a, s) => a + s.predicted, 0);
    const matched = list.reduce((a, s) => a + s.matched, 0);
    const precision = predicted === 0 ? 1 : matched / predicted;
    const recall = gold === 0 ? 1 : matched / gold;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { gold, predicted, matched, precision, recall, f1 };
  };
  const rulesPooled = pool((f) => f.rules);
  const table = GRID.map((threshold, i) => ({ threshold, ...pool((f) => f.byThreshold[i] as Scores) }));
  const eligible = table.filter((row) => row.precision >= 0.95);
  const chosen =
    eligible.length > 0
      ? eligible.reduce((best, row) => (row.recall >= best.recall ? row : best))
      : table.reduce((best, row) => (f05(row) > f05(best) ? row : best));
  return { perFold, rulesPooled, table, chosen };
}

/** Builds the model file's text from the folders: validation, threshold, weights and the counts trained on. */
export function trainEventModel(
  foldDirs: readonly string[],
  extraDirs: readonly string[],
): {
  text: string;
  report: string[];
} {
  const folds = foldDirs.map(readLabelledSet);
  const extra = extraDirs.flatMap(readLabelledSet);
  const all = [...folds.flat(), ...extra];
  const report: string[] = [];
  // Without two folds to validate on there is no threshold to choose: a fixed one.
  let threshold = 0.9;
  let covers: Variant = 'all';
  let validation: unknown = null;
  if (folds.length >= 2) {
    const runs = (['all', 'prose'] as const).map((variant) => ({
      variant,
      ...crossValidate(folds, extra, variant),
    }));
    const best = runs.reduce((a, b) => (f05(b.chosen) > f05(a.chosen) ? b : a));
    threshold = best.chosen.threshold;
    covers = best.variant;
    for (const run of runs) {
      report.push(`model over ${run.variant === 'all' ? 'every event' : 'prose only (schedules keep 0.9)'}:`);
      for (const f of run.perFold) {
        const m = f.byThreshold[GRID.indexOf(run.chosen.threshold)] as Scores;
        report.push(
          `  left out ${f.set}: rules P ${round3(f.rules.precision)} R ${round3(f.rules.recall)} F1 ${round3(f.rules.f1)} | model@${run.chosen.threshold} P ${round3(m.precision)} R ${round3(m.recall)} F1 ${round3(m.f1)}`,
        );
      }
      report.push(
        `  pooled rules P ${round3(run.rulesPooled.precision)} R ${round3(run.rulesPooled.recall)} F1 ${round3(run.rulesPooled.f1)}`,
      );
      for (const row of run.table)
        report.push(
          `  t=${row.threshold.toFixed(2)} P ${round3(row.precision)} R ${round3(row.recall)} F1 ${round3(row.f1)} F0.5 ${round3(f05(row))}${row === run.chosen ? '  <- chosen' : ''}`,
        );
    }
    validation = {
      rule: THRESHOLD_RULE,
      covers: `${covers} (of all, prose: the better pooled F0.5 at its own threshold)`,
      folds: best.perFold.map((f) => ({
        leftOut: f.set,
        rules: figures(f.rules),
        model: figures(f.byThreshold[GRID.indexOf(threshold)] as Scores),
      })),
      pooledRules: figures(best.rulesPooled),
      table: best.table.map(({ threshold: t, ...s }) => ({ threshold: t, ...figures(s) })),
    };
  }
  const model = fitModel(all, threshold);
  const sets = [...new Set(all.map((c) => c.set))];
  const trainedOn = sets.map((set) => {
    const cases = all.filter((c) => c.set === set);
    const labels = cases.flatMap((c) => c.labels);
    return {
      set,
      articles: cases.length,
      events: labels.length,
      matched: labels.filter(Boolean).length,
      mentions: cases.reduce((a, c) => a + c.readings.reduce((b, r) => b + r.features.length, 0), 0),
    };
  });
  const file = {
    about:
      'Learnt calendar confidence (bench/event-model.ts): P = sigmoid(bias + weights . features). Written by npm run train:events; do not edit by hand.',
    covers,
    threshold: model.threshold,
    bias: model.bias,
    features: model.features,
    weights: model.weights,
    fit: FIT,
    trainedOn,
    validation,
  };
  return { text: `${JSON.stringify(file, null, 2)}\n`, report };
}

/** Runs the training; returns the exit code. */
export function main(argv: readonly string[]): number {
  const options = parseTrainArgs(argv, MODEL_PATH);
  if (!options) {
    console.error('usage: npm run train:events -- [--fold DIR]... [--dir DIR]... [--out FILE | --print]');
    return 2;
  }
  let trained: ReturnType<typeof trainEventModel>;
  try {
    trained = trainEventModel(options.folds, options.dirs);
  } catch (error) {
    if (!(error instanceof MissingTextError || error instanceof FixtureError)) throw error;
    console.error(`train:events: ${error.message}`);
    return 1;
  }
  const { text, report } = trained;
  for (const line of report) console.error(line);
  if (options.out) writeFileSync(options.out, text);
  else process.stdout.write(text);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
