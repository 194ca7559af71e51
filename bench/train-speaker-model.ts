/**
 * Trains the learnt speaker chooser (src/analyze/speaker-model.json) on gold folders, after checking
 * it leave-one-set-out: each --fold is left out in turn, a chooser of each variant fitted on the
 * others (and every --dir), and the rules and the chooser scored on it. The variant comes from that
 * check by a rule fixed in advance (VARIANT_RULE). Deterministic: the same folders give the same
 * file, byte for byte. `--score DIR` scores a folder with the committed model against the rules.
 * Usage: npx tsx bench/train-speaker-model.ts [--fold DIR]... [--dir DIR]... [--out FILE | --print]
 *        npx tsx bench/train-speaker-model.ts --score DIR
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { committedSpeakerModel, type SpeakerModel } from '../src/analyze/speaker-model.ts';
import { FixtureError, MissingTextError } from './eval-gold.ts';
import {
  fitSpeakerModel,
  type LabelledArticle,
  readSpeakerSet,
  SPEAKER_FIT,
  SPEAKER_FORM,
  type SpeakerHits,
  scoreSpeakers,
} from './speaker-model-fit.ts';
import { parseTrainArgs } from './train-args.ts';

/** The model file's default place. */
export const SPEAKER_MODEL_PATH = fileURLToPath(
  new URL('../src/analyze/speaker-model.json', import.meta.url),
);

/** Stated before the fresh set was scored. */
export const VARIANT_RULE =
  'of unsure and general, the one with the most pooled leave-one-set-out speaker hits (ties: unsure, the smaller change); all is reported only: the rules it takes as a feature were tuned on every development folder, so its check says nothing of fresh text';

/** The variants that may be chosen, in tie order; `all` is measured beside them. */
const CHOOSABLE: ReadonlyArray<SpeakerModel['covers']> = ['unsure', 'general'];
const VARIANTS: ReadonlyArray<SpeakerModel['covers']> = [...CHOOSABLE, 'all'];

const pool = (list: readonly SpeakerHits[]): SpeakerHits =>
  list.reduce(
    (a, h) => ({
      quotes: a.quotes + h.quotes,
      hits: a.hits + h.hits,
      loose: a.loose + h.loose,
      reachable: a.reachable + h.reachable,
    }),
    { quotes: 0, hits: 0, loose: 0, reachable: 0 },
  );

const line = (h: SpeakerHits) =>
  `${h.hits}/${h.quotes} (${(h.hits / Math.max(1, h.quotes)).toFixed(3)}), loose ${h.loose}, gold among the candidates ${h.reachable}`;

/** Leave-one-set-out of one variant: the rules and the chooser on each left-out fold. */
function crossValidate(folds: LabelledArticle[][], extra: LabelledArticle[], covers: SpeakerModel['covers']) {
  const perFold = folds.map((test, k) => {
    const model = fitSpeakerModel([...folds.filter((_, j) => j !== k).flat(), ...extra], covers);
    return {
      set: test[0]?.set ?? `fold ${k}`,
      rules: scoreSpeakers(test, null),
      model: scoreSpeakers(test, model),
    };
  });
  return {
    covers,
    perFold,
    rules: pool(perFold.map((f) => f.rules)),
    model: pool(perFold.map((f) => f.model)),
  };
}

/** Builds the model file's text from the folders: validation, variant, weights and the counts trained on. */
export function trainSpeakerModel(
  foldDirs: readonly string[],
  extraDirs: readonly string[],
): { text: string; report: string[] } {
  const folds = foldDirs.map(readSpeakerSet);
  const extra = extraDirs.flatMap(readSpeakerSet);
  const all = [...folds.flat(), ...extra];
  const report: string[] = [];
  let covers: SpeakerModel['covers'] = 'unsure';
  let validation: unknown = null;
  if (folds.length >= 2) {
    const runs = VARIANTS.map((v) => crossValidate(folds, extra, v));
    const best = runs
      .filter((run) => CHOOSABLE.includes(run.covers))
      .reduce((a, b) => (b.model.hits > a.model.hits ? b : a));
    covers = best.covers;
    for (const run of runs) {
      report.push(`chooser ${run.covers}:`);
      for (const f of run.perFold)
        report.push(`  left out ${f.set}: rules ${line(f.rules)} | model ${line(f.model)}`);
      report.push(
        `  pooled: rules ${line(run.rules)} | model ${line(run.model)}${run === best ? '  <- chosen' : ''}`,
      );
    }
    validation = {
      rule: VARIANT_RULE,
      variants: runs.map((run) => ({
        covers: run.covers,
        folds: run.perFold.map((f) => ({ leftOut: f.set, rules: f.rules, model: f.model })),
        pooledRules: run.rules,
        pooledModel: run.model,
      })),
    };
  }
  const model = fitSpeakerModel(all, covers);
  const sets = [...new Set(all.map((a) => a.set))];
  const trainedOn = sets.map((set) => {
    const articles = all.filter((a) => a.set === set);
    const quotes = articles.flatMap((a) => a.quotes);
    return {
      set,
      articles: articles.length,
      quotes: quotes.length,
      candidates: quotes.reduce((n, q) => n + q.found.candidates.length, 0),
    };
  });
  const file = {
    about:
      'Learnt speaker chooser (src/analyze/speaker-model.ts): the candidate with the highest bias + weights . features. Written by npm run train:speakers; do not edit by hand.',
    covers,
    bias: model.bias,
    features: model.features,
    weights: model.weights,
    form: SPEAKER_FORM,
    fit: SPEAKER_FIT,
    trainedOn,
    validation,
  };
  return { text: `${JSON.stringify(file, null, 2)}\n`, report };
}

/** Runs the training (or the scoring of one folder); returns the exit code. */
export function main(argv: readonly string[]): number {
  const options = parseTrainArgs(argv, SPEAKER_MODEL_PATH, true);
  if (!options) {
    console.error(
      'usage: npm run train:speakers -- [--fold DIR]... [--dir DIR]... [--out FILE | --print] | --score DIR',
    );
    return 2;
  }
  try {
    if (options.score) {
      const articles = readSpeakerSet(options.score);
      const model = committedSpeakerModel();
      console.log(`rules: ${line(scoreSpeakers(articles, null))}`);
      console.log(`model (${model.covers}): ${line(scoreSpeakers(articles, model))}`);
      return 0;
    }
    const { text, report } = trainSpeakerModel(options.folds, options.dirs);
    for (const l of report) console.error(l);
    if (options.out) writeFileSync(options.out, text);
    else process.stdout.write(text);
  } catch (error) {
    if (!(error instanceof MissingTextError || error instanceof FixtureError)) throw error;
    console.error(`train:speakers: ${error.message}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
