/**
 * Scores `analyzeArticle` against the gold files in tests/fixtures/eval (rules in its README).
 * Usage: npx tsx bench/eval.ts [--json] [--verbose] [--dir PATH]
 * A report: exits 0 whatever the scores; 1 only on a broken fixture, 2 on a bad argument.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../src/analyze/index.ts';
import { parseArticleText } from '../src/ingest/text.ts';
import type { ArticleEvent, Quote } from '../src/models/analysis.ts';
import type { Article } from '../src/models/article.ts';
import {
  cleanQuoteText,
  computeScores,
  fieldAccuracy,
  matchEvents,
  matchQuotes,
  pairedItems,
  participantsPrecision,
  participantsRecall,
  type Ratio,
  type Scores,
  sameValue,
  sumRatios,
  sumScores,
} from './eval-metrics.ts';

/** The default evaluation set. */
export const EVAL_DIR = fileURLToPath(new URL('../tests/fixtures/eval/', import.meta.url));

/** What a gold file holds: the expected quotes and events, and optionally where the article is. */
export interface Gold {
  article?: string;
  quotes: Quote[];
  events: ArticleEvent[];
}

/** One article of the set with its gold file. */
export interface EvalCase {
  id: string;
  goldPath: string;
  articlePath: string;
  article: Article;
  gold: Gold;
}

/** A fixture that cannot be used: missing article, invalid JSON, wrong shape. */
export class FixtureError extends Error {
  override name = 'FixtureError';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The gold files of a directory (`*.gold.json`), sorted by name. */
export function listGoldFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new FixtureError(`${dir}: evaluation directory not found`);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.gold.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** Reads a gold file and its article (sibling `.md` or the `article` field); throws FixtureError. */
export function readEvalCase(goldPath: string): EvalCase {
  const where = relative(process.cwd(), goldPath);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(goldPath, 'utf8'));
  } catch (cause) {
    throw new FixtureError(`${where}: not valid JSON (${(cause as Error).message.replace(/\s+/g, ' ')})`, {
      cause,
    });
  }
  const gold = parseGold(json, where);
  const articlePath = gold.article
    ? resolve(dirname(goldPath), gold.article)
    : goldPath.replace(/\.gold\.json$/, '.md');
  const articleWhere = relative(process.cwd(), articlePath);
  if (!existsSync(articlePath)) throw new FixtureError(`${where}: article ${articleWhere} not found`);
  let article: Article;
  try {
    article = parseArticleText(readFileSync(articlePath, 'utf8'), articleWhere);
  } catch (cause) {
    throw new FixtureError(`${articleWhere}: cannot be parsed (${(cause as Error).message})`, { cause });
  }
  if (!article.publishedAt) {
    throw new FixtureError(`${articleWhere}: no "published" date, so gold dates would depend on today`);
  }
  return { id: basename(goldPath, '.gold.json'), goldPath, articlePath, article, gold };
}

/** Checks the shape of a gold file's JSON; throws FixtureError naming the first bad field. */
export function parseGold(value: unknown, where: string): Gold {
  const fail = (path: string, expected: string): never => {
    throw new FixtureError(`${where}: ${path} must be ${expected}`);
  };
  if (!isRecord(value)) return fail('the file', 'a JSON object');
  if (value.article !== undefined && typeof value.article !== 'string') fail('article', 'a string');
  if (!Array.isArray(value.quotes)) return fail('quotes', 'an array');
  if (!Array.isArray(value.events)) return fail('events', 'an array');
  const quotes = value.quotes.map((q: unknown, i): Quote => {
    const at = `quotes[${i}]`;
    if (!isRecord(q)) return fail(at, 'an object');
    if (typeof q.text !== 'string' || !q.text.trim()) fail(`${at}.text`, 'a non-empty string');
    if (!isNullableString(q.speaker)) fail(`${at}.speaker`, 'a string or null');
    if (!isNullableString(q.role)) fail(`${at}.role`, 'a string or null');
    return { text: q.text as string, speaker: q.speaker as string | null, role: q.role as string | null };
  });
  const events = value.events.map((e: unknown, i): ArticleEvent => {
    const at = `events[${i}]`;
    if (!isRecord(e)) return fail(at, 'an object');
    if (typeof e.title !== 'string') fail(`${at}.title`, 'a string');
    if (typeof e.date !== 'string' || !DATE.test(e.date)) fail(`${at}.date`, 'YYYY-MM-DD');
    if (e.endDate !== null && (typeof e.endDate !== 'string' || !DATE.test(e.endDate))) {
      fail(`${at}.endDate`, 'YYYY-MM-DD or null');
    }
    if (e.time !== null && (typeof e.time !== 'string' || !TIME.test(e.time)))
      fail(`${at}.time`, 'HH:MM or null');
    if (!isNullableString(e.location)) fail(`${at}.location`, 'a string or null');
    if (!Array.isArray(e.participants) || !e.participants.every((p) => typeof p === 'string')) {
      fail(`${at}.participants`, 'an array of strings');
    }
    return {
      title: e.title as string,
      date: e.date as string,
      endDate: e.endDate as string | null,
      time: e.time as string | null,
      location: e.location as string | null,
      participants: [...(e.participants as string[])],
    };
  });
  return { ...(typeof value.article === 'string' ? { article: value.article } : {}), quotes, events };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNullableString(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

/** Figures for one article; `details` lists what to fix. */
export interface CaseReport {
  id: string;
  /** The analysis threw: everything in gold counts as missed. */
  error: string | null;
  quotes: Scores;
  speaker: Ratio;
  role: Ratio;
  events: Scores;
  location: Ratio;
  participants: Ratio;
  participantsPrecision: Ratio;
  details: {
    missedQuotes: Quote[];
    spuriousQuotes: Quote[];
    wrongSpeakers: Array<{ gold: Quote; predicted: Quote }>;
    wrongRoles: Array<{ gold: Quote; predicted: Quote }>;
    missedEvents: ArticleEvent[];
    spuriousEvents: ArticleEvent[];
    wrongLocations: Array<{ gold: ArticleEvent; predicted: ArticleEvent }>;
  };
}

/** Runs the analysis on one case and scores it. */
export function evaluateCase(c: EvalCase): CaseReport {
  let quotes: Quote[] = [];
  let events: ArticleEvent[] = [];
  let error: string | null = null;
  try {
    ({ quotes, events } = analyzeArticle(c.article));
  } catch (cause) {
    error = cause instanceof Error ? cause.message : String(cause);
  }
  const q = matchQuotes(quotes, c.gold.quotes);
  const e = matchEvents(events, c.gold.events);
  const pick = <T>(list: readonly T[], indexes: number[]): T[] => indexes.flatMap((i) => list[i] ?? []);
  return {
    id: c.id,
    error,
    quotes: computeScores(c.gold.quotes.length, quotes.length, q.pairs.length),
    speaker: fieldAccuracy(q, quotes, c.gold.quotes, (x) => x.speaker),
    role: fieldAccuracy(q, quotes, c.gold.quotes, (x) => x.role),
    events: computeScores(c.gold.events.length, events.length, e.pairs.length),
    location: fieldAccuracy(e, events, c.gold.events, (x) => x.location),
    participants: participantsRecall(e, events, c.gold.events),
    participantsPrecision: participantsPrecision(e, events, c.gold.events),
    details: {
      missedQuotes: pick(c.gold.quotes, q.unmatchedGold),
      spuriousQuotes: pick(quotes, q.unmatchedPredicted),
      wrongSpeakers: pairedItems(q, quotes, c.gold.quotes).filter(
        (x) => !sameValue(x.predicted.speaker, x.gold.speaker),
      ),
      wrongRoles: pairedItems(q, quotes, c.gold.quotes).filter(
        (x) => !sameValue(x.predicted.role, x.gold.role),
      ),
      missedEvents: pick(c.gold.events, e.unmatchedGold),
      spuriousEvents: pick(events, e.unmatchedPredicted),
      wrongLocations: pairedItems(e, events, c.gold.events).filter(
        (x) => !sameValue(x.predicted.location, x.gold.location),
      ),
    },
  };
}

/** Micro-averaged figures over the set, and the targets they are held to. */
export interface EvalTotals {
  articles: number;
  quotes: Scores;
  speaker: Ratio;
  role: Ratio;
  events: Scores;
  location: Ratio;
  participants: Ratio;
  participantsPrecision: Ratio;
  targets: Array<{ metric: string; value: number | null; target: number; pass: boolean }>;
}

/** Sums the per-article counts and checks the targets (an accuracy over nothing fails). */
export function summarize(reports: readonly CaseReport[]): EvalTotals {
  const quotes = sumScores(reports.map((r) => r.quotes));
  const speaker = sumRatios(reports.map((r) => r.speaker));
  const events = sumScores(reports.map((r) => r.events));
  const location = sumRatios(reports.map((r) => r.location));
  const target = (metric: string, value: number | null, min: number) => ({
    metric,
    value,
    target: min,
    pass: value !== null && value >= min,
  });
  return {
    articles: reports.length,
    quotes,
    speaker,
    role: sumRatios(reports.map((r) => r.role)),
    events,
    location,
    participants: sumRatios(reports.map((r) => r.participants)),
    participantsPrecision: sumRatios(reports.map((r) => r.participantsPrecision)),
    targets: [
      target('quotes F1', quotes.f1, 0.95),
      target('speaker accuracy', speaker.value, 0.95),
      target('event-date F1', events.f1, 0.9),
      target('location accuracy', location.value, 0.9),
    ],
  };
}

const num = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(2));
const counts = (s: Scores): string => `${s.gold}/${s.predicted}/${s.matched}`;
const clip = (text: string, max = 72): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The readable report: one row per article, then the totals against their targets. */
export function formatReport(reports: readonly CaseReport[], totals: EvalTotals, verbose: boolean): string {
  const width = Math.max(7, ...reports.map((r) => r.id.length));
  const head = `${'article'.padEnd(width)}  quotes g/p/m    P    R   F1  spkr  role | events g/p/m    P    R   F1   loc  part`;
  const row = (id: string, r: Omit<CaseReport, 'id' | 'error' | 'details'>) =>
    [
      id.padEnd(width),
      counts(r.quotes).padStart(14),
      ...[r.quotes.precision, r.quotes.recall, r.quotes.f1, r.speaker.value, r.role.value].map((v) =>
        num(v).padStart(4),
      ),
      '|',
      counts(r.events).padStart(14),
      ...[r.events.precision, r.events.recall, r.events.f1, r.location.value, r.participants.value].map((v) =>
        num(v).padStart(4),
      ),
    ].join(' ');
  const lines = [head, '-'.repeat(head.length)];
  for (const r of reports) lines.push(row(r.id, r) + (r.error ? `  ERROR: ${r.error}` : ''));
  lines.push('-'.repeat(head.length), row('total', totals), '');
  lines.push(`Totals over ${totals.articles} articles (micro-averaged; g/p/m = gold/predicted/matched):`);
  for (const t of totals.targets) {
    lines.push(
      `  ${t.metric.padEnd(18)} ${num(t.value).padStart(5)}  target >= ${t.target}  ${t.pass ? 'pass' : 'FAIL'}`,
    );
  }
  lines.push(`  ${'role accuracy'.padEnd(18)} ${num(totals.role.value).padStart(5)}  (no target)`);
  lines.push(
    `  ${'participants recall'.padEnd(18)} ${num(totals.participants.value).padStart(5)}  (no target)`,
  );
  lines.push(
    `  ${'participants precision'.padEnd(18)} ${num(totals.participantsPrecision.value).padStart(5)}  (no target)`,
  );
  if (verbose) lines.push('', ...reports.flatMap(formatDetails));
  return lines.join('\n');
}

const describeEvent = (e: ArticleEvent): string =>
  `${e.date}${e.endDate ? `..${e.endDate}` : ''}${e.time ? ` ${e.time}` : ''} ${e.location ?? '-'}  ${clip(e.title, 50)}`;

/** What a developer has to look at for one article: missed and spurious items. */
export function formatDetails(r: CaseReport): string[] {
  const d = r.details;
  const lines = [
    ...d.missedQuotes.map(
      (q) => `  missed quote     “${clip(cleanQuoteText(q.text))}” (${q.speaker ?? 'no speaker'})`,
    ),
    ...d.spuriousQuotes.map((q) => `  spurious quote   “${clip(q.text)}” (${q.speaker ?? 'no speaker'})`),
    ...d.wrongSpeakers.map(
      (x) =>
        `  wrong speaker    “${clip(x.gold.text, 50)}”: want ${x.gold.speaker ?? 'null'}, got ${x.predicted.speaker ?? 'null'}`,
    ),
    ...d.wrongRoles.map(
      (x) =>
        `  wrong role       “${clip(x.gold.text, 50)}”: want ${x.gold.role ?? 'null'}, got ${x.predicted.role ?? 'null'}`,
    ),
    ...d.missedEvents.map((e) => `  missed event     ${describeEvent(e)}`),
    ...d.spuriousEvents.map((e) => `  spurious event   ${describeEvent(e)}`),
    ...d.wrongLocations.map(
      (x) =>
        `  wrong location   ${x.gold.date}: want ${x.gold.location ?? 'null'}, got ${x.predicted.location ?? 'null'}`,
    ),
  ];
  if (r.error) lines.unshift(`  analysis failed: ${r.error}`);
  return lines.length === 0 ? [] : [r.id, ...lines, ''];
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
        `eval: unknown argument ${arg}\nusage: npx tsx bench/eval.ts [--json] [--verbose] [--dir PATH]`,
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
  let cases: EvalCase[];
  try {
    cases = listGoldFiles(options.dir).map(readEvalCase);
    if (cases.length === 0) throw new FixtureError(`${options.dir}: no *.gold.json files`);
  } catch (error) {
    if (!(error instanceof FixtureError)) throw error;
    console.error(`eval: broken fixture: ${error.message}`);
    return 1;
  }
  const reports = cases.map(evaluateCase);
  const totals = summarize(reports);
  if (options.json) {
    const articles = reports.map(({ details, ...figures }) =>
      options.verbose ? { ...figures, details } : figures,
    );
    console.log(
      JSON.stringify({ dir: relative(process.cwd(), options.dir) || '.', totals, articles }, null, 2),
    );
  } else {
    console.log(formatReport(reports, totals, options.verbose));
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
