/** The command line the two trainers share (train-event-model.ts, train-speaker-model.ts). */
import { resolve } from 'node:path';

/** Folders to validate on (--fold) and only to train on (--dir), the file to write (null: print), a folder to score. */
export interface TrainArgs {
  folds: string[];
  dirs: string[];
  out: string | null;
  score: string | null;
}

/**
 * Parses `--fold DIR`, `--dir DIR`, `--out FILE`, `--print` and, where allowed, `--score DIR`; null on
 * an unknown or incomplete argument, or when there is nothing to do.
 */
export function parseTrainArgs(
  argv: readonly string[],
  defaultOut: string,
  allowScore = false,
): TrainArgs | null {
  const options: TrainArgs = { folds: [], dirs: [], out: defaultOut, score: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--fold' && value) options.folds.push(resolve(value));
    else if (arg === '--dir' && value) options.dirs.push(resolve(value));
    else if (arg === '--out' && value) options.out = resolve(value);
    else if (arg === '--score' && value && allowScore) options.score = resolve(value);
    else if (arg === '--print') {
      options.out = null;
      continue;
    } else return null;
    i++;
  }
  return options.folds.length + options.dirs.length > 0 || options.score ? options : null;
}
