/**
 * Scores `analyzeArticle` against a folder of gold files: the synthetic set in tests/fixtures/eval
 * (its README) by default, or a real-news corpus folder (corpus/README.md) with `--dir`.
 * Usage: npx tsx bench/eval.ts [--json] [--verbose] [--dir PATH]
 * A report: exits 0 whatever the scores; 1 only on a broken gold file, 2 on a bad argument.
 * Corpus texts that are absent (a fresh clone) or changed are skipped and named on standard error.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EvalCase, FixtureError, listGoldFiles, MissingTextError, readEvalCase } from './eval-gold.ts';
import { formatReport } from './eval-report.ts';
import { type CaseReport, type EvalTotals, evaluateCase, summarize } from './eval-score.ts';

export { type EvalCase, FixtureError, listGoldFiles, readEvalCase } from './eval-gold.ts';

/** The default evaluation set. */
export const EVAL_DIR = fileURLToPath(new URL('../tests/fixtures/eval/', import.meta.url));

/** The figures of one folder: per article, the totals, and the cases that could not be read. */
export interface FolderResult {
  reports: CaseReport[];
  totals: EvalTotals;
  skipped: Array<{ id: string; reason: string }>;
}

/** Reads and scores every gold file of a folder; throws FixtureError for a broken one. */
export function evaluateFolder(dir: string): FolderResult {
  const cases: EvalCase[] = [];
  const skipped: FolderResult['skipped'] = [];
  for (const goldPath of listGoldFiles(dir)) {
    try {
      cases.push(readEvalCase(goldPath));
    } catch (error) {
      if (!(error instanceof MissingTextError)) throw error;
      skipped.push({ id: goldPath.slice(dir.length).replace(/^\//, ''), reason: error.message });
    }
  }
  const reports = cases.map(evaluateCase);
  return { reports, totals: summarize(reports), skipped };
}

/** Parses the command line; null (after printing usage) on a bad argument. */
function parseArgs(argv: readonly string[]): { json: boolean; verbose: boolean; dir: string } | null {
  const options = { json: false, verbose: false, dir: EVAL_DIR };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else if (arg === '--dir' && argv[i + 1]) {
      i += 1;
      options.dir = resolve(argv[i] ?? '');
    } else {
      console.error(
        `eval: unknown argument ${arg}\nusage: npm run eval -- [--json] [--verbose] [--dir PATH]`,
      );
      return null;
    }
  }
  return options;
}

/** Runs the whole set and prints the report; returns the exit code. */
export function main(argv: readonly string[]): number {
  const options = parseArgs(argv);
  if (!options) return 2;
  let result: FolderResult;
  try {
    if (listGoldFiles(options.dir).length === 0)
      throw new FixtureError(`${options.dir}: no *.gold.json files`);
    result = evaluateFolder(options.dir);
  } catch (error) {
    if (!(error instanceof FixtureError)) throw error;
    console.error(`eval: broken fixture: ${error.message}`);
    return 1;
  }
  const { reports, totals, skipped } = result;
  for (const s of skipped) console.error(`eval: skipped ${s.reason}`);
  if (reports.length === 0) {
    console.error('eval: no text to score (see npm run corpus:check)');
    return 0;
  }
  if (options.json) {
    const articles = reports.map(({ details, ...figures }) =>
      options.verbose ? { ...figures, details } : figures,
    );
    const dir = relative(process.cwd(), options.dir) || '.';
    console.log(JSON.stringify({ dir, totals, skipped, articles }, null, 2));
  } else {
    console.log(formatReport(reports, totals, options.verbose));
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
