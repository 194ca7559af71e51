import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fingerprint } from '../scripts/corpus-fingerprint.js';
import { parseArticleText } from '../src/ingest/text.ts';
import type { Article } from '../src/models/article.ts';

/**
 * The two gold formats, read into one shape:
 * - `synthetic` (tests/fixtures/eval/README.md): each quote's whole text, events with participants;
 * - `corpus` (corpus/README.md): quotes as head and tail fingerprints with speaker aliases, events
 *   with the `key` words a title must contain, a reference summary and the text's fingerprint.
 */
export type GoldFormat = 'synthetic' | 'corpus';

/** A gold quote: the whole text (synthetic) or its first and last five words (corpus). */
export interface GoldQuote {
  text: string | null;
  head: string | null;
  tail: string | null;
  speaker: string | null;
  /** Other spellings of the speaker accepted as right. */
  aliases: string[];
  role: string | null;
}

/** A gold event; `key` (corpus; optional in synthetic) are the words a title naming the event must contain. */
export interface GoldEvent {
  title: string;
  key: string[] | null;
  date: string;
  endDate: string | null;
  time: string | null;
  location: string | null;
  /** Synthetic only: who takes part. */
  participants: string[] | null;
}

/** One gold file, whichever its format. */
export interface Gold {
  format: GoldFormat;
  /** Synthetic: the article's path relative to the gold file, when not the sibling `.md`. */
  article?: string;
  /** The reference summary (corpus; optional in synthetic). */
  summary: string | null;
  /** Corpus: what the text must hash to. */
  fingerprint: { sha256: string; chars: number } | null;
  quotes: GoldQuote[];
  events: GoldEvent[];
}

/** One article of the set with its gold file. */
export interface EvalCase {
  id: string;
  goldPath: string;
  articlePath: string;
  /** The raw text file, for the fingerprint and the lead-3 baseline. */
  text: string;
  article: Article;
  gold: Gold;
}

/** A fixture that cannot be used: missing article, invalid JSON, wrong shape. */
export class FixtureError extends Error {
  override name = 'FixtureError';
}

/** A corpus text that is absent (a fresh clone) or not the one annotated: skipped, not fatal. */
export class MissingTextError extends Error {
  override name = 'MissingTextError';
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

/**
 * Reads a gold file and its article (sibling `.md` or the `article` field). Throws FixtureError
 * for a broken gold file, MissingTextError for a corpus text that is absent or was changed.
 */
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
  if (!existsSync(articlePath)) {
    if (gold.format === 'corpus') throw new MissingTextError(`${articleWhere}: text not present`);
    throw new FixtureError(`${where}: article ${articleWhere} not found`);
  }
  const text = readFileSync(articlePath, 'utf8');
  if (gold.fingerprint) {
    const actual = fingerprint(text);
    if (actual.sha256 !== gold.fingerprint.sha256 || actual.chars !== gold.fingerprint.chars) {
      throw new MissingTextError(`${articleWhere}: not the annotated text (fingerprint differs)`);
    }
  }
  let article: Article;
  try {
    article = parseArticleText(gold.format === 'corpus' ? quoteFrontMatter(text) : text, articleWhere);
  } catch (cause) {
    throw new FixtureError(`${articleWhere}: cannot be parsed (${(cause as Error).message})`, { cause });
  }
  if (!article.publishedAt) {
    throw new FixtureError(`${articleWhere}: no "published" date, so gold dates would depend on today`);
  }
  return { id: basename(goldPath, '.gold.json'), goldPath, articlePath, text, article, gold };
}

/**
 * Corpus front matter is `key: value` lines copied from the page (corpus/README.md), and a headline
 * may hold a colon ("Live updates: ..."), which YAML rejects: each value is read as a plain string.
 */
export function quoteFrontMatter(text: string): string {
  return text.replace(
    /^(\uFEFF?---\r?\n)([\s\S]*?)(\r?\n---\r?\n)/,
    (_, open: string, lines: string, close: string) => {
      const quoted = lines.replace(
        /^(title|url|published):[ \t]*(.*?)[ \t]*$/gm,
        (_line, key: string, value: string) =>
          `${key}: ${JSON.stringify(value.replace(/^(["'])(.*)\1$/, '$2'))}`,
      );
      return `${open}${quoted}${close}`;
    },
  );
}

type Fail = (path: string, expected: string) => never;

/** Checks the shape of a gold file's JSON (either format); throws FixtureError naming the first bad field. */
export function parseGold(value: unknown, where: string): Gold {
  const fail: Fail = (path, expected) => {
    throw new FixtureError(`${where}: ${path} must be ${expected}`);
  };
  if (!isRecord(value)) return fail('the file', 'a JSON object');
  if (!Array.isArray(value.quotes)) return fail('quotes', 'an array');
  if (!Array.isArray(value.events)) return fail('events', 'an array');
  if (value.fingerprint !== undefined) return parseCorpusGold(value, fail);
  if (value.article !== undefined && typeof value.article !== 'string') fail('article', 'a string');
  // A synthetic fixture may give a reference summary too, so the synthetic set can score summaries.
  if (value.summary !== undefined && (typeof value.summary !== 'string' || !value.summary.trim()))
    fail('summary', 'a non-empty string');
  return {
    format: 'synthetic',
    ...(typeof value.article === 'string' ? { article: value.article } : {}),
    summary: typeof value.summary === 'string' ? value.summary : null,
    fingerprint: null,
    quotes: (value.quotes as unknown[]).map((q, i) => parseSyntheticQuote(q, `quotes[${i}]`, fail)),
    events: (value.events as unknown[]).map((e, i) => parseEvent(e, `events[${i}]`, fail, false)),
  };
}

function parseCorpusGold(value: Record<string, unknown>, fail: Fail): Gold {
  const print = value.fingerprint;
  if (!isRecord(print) || typeof print.sha256 !== 'string' || typeof print.chars !== 'number') {
    return fail('fingerprint', '{ sha256, chars }');
  }
  if (typeof value.summary !== 'string' || !value.summary.trim()) fail('summary', 'a non-empty string');
  const quotes = (value.quotes as unknown[]).map((q, i): GoldQuote => {
    const at = `quotes[${i}]`;
    if (!isRecord(q)) return fail(at, 'an object');
    for (const field of ['head', 'tail', 'speaker'] as const) {
      if (typeof q[field] !== 'string' || !(q[field] as string).trim())
        fail(`${at}.${field}`, 'a non-empty string');
    }
    const aliases = q.aliases ?? [];
    if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')) {
      fail(`${at}.aliases`, 'an array of strings');
    }
    if (!isNullableString(q.role)) fail(`${at}.role`, 'a string or null');
    return {
      text: null,
      head: q.head as string,
      tail: q.tail as string,
      speaker: q.speaker as string,
      aliases: [...(aliases as string[])],
      role: (q.role as string | null) ?? null,
    };
  });
  return {
    format: 'corpus',
    summary: value.summary as string,
    fingerprint: { sha256: print.sha256, chars: print.chars },
    quotes,
    events: (value.events as unknown[]).map((e, i) => parseEvent(e, `events[${i}]`, fail, true)),
  };
}

function parseSyntheticQuote(q: unknown, at: string, fail: Fail): GoldQuote {
  if (!isRecord(q)) return fail(at, 'an object');
  if (typeof q.text !== 'string' || !q.text.trim()) fail(`${at}.text`, 'a non-empty string');
  if (!isNullableString(q.speaker)) fail(`${at}.speaker`, 'a string or null');
  if (!isNullableString(q.role)) fail(`${at}.role`, 'a string or null');
  return {
    text: q.text as string,
    head: null,
    tail: null,
    speaker: q.speaker as string | null,
    aliases: [],
    role: q.role as string | null,
  };
}

function parseEvent(e: unknown, at: string, fail: Fail, corpus: boolean): GoldEvent {
  if (!isRecord(e)) return fail(at, 'an object');
  if (typeof e.title !== 'string') fail(`${at}.title`, 'a string');
  if (typeof e.date !== 'string' || !DATE.test(e.date)) fail(`${at}.date`, 'YYYY-MM-DD');
  if (e.endDate !== null && (typeof e.endDate !== 'string' || !DATE.test(e.endDate))) {
    fail(`${at}.endDate`, 'YYYY-MM-DD or null');
  }
  if (e.time !== null && (typeof e.time !== 'string' || !TIME.test(e.time)))
    fail(`${at}.time`, 'HH:MM or null');
  if (!isNullableString(e.location)) fail(`${at}.location`, 'a string or null');
  const list = corpus ? e.key : e.participants;
  if (!Array.isArray(list) || !list.every((p) => typeof p === 'string')) {
    fail(`${at}.${corpus ? 'key' : 'participants'}`, 'an array of strings');
  }
  // A synthetic event may name its key words too, so the synthetic set can score titles.
  const key = corpus ? list : e.key;
  if (!corpus && key !== undefined && (!Array.isArray(key) || !key.every((k) => typeof k === 'string'))) {
    fail(`${at}.key`, 'an array of strings');
  }
  return {
    title: e.title as string,
    key: Array.isArray(key) ? [...(key as string[])] : null,
    date: e.date as string,
    endDate: e.endDate as string | null,
    time: e.time as string | null,
    location: e.location as string | null,
    participants: corpus ? null : [...(list as string[])],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNullableString(value: unknown): boolean {
  return value === null || typeof value === 'string';
}
