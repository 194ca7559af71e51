import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DigestError } from '../errors.ts';
import type { Article } from '../models/article.ts';
import { parseArticleText } from './text.ts';

const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
/** Larger inputs are not articles; refusing them keeps memory bounded. */
const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/** One input that could not be read: logged and skipped, the rest go on. */
export interface IngestFailure {
  source: string;
  error: DigestError;
}

/**
 * Reads articles from files, folders of .md/.txt files, or "-" (standard input).
 * A bad input is reported in `failures`, never thrown, so one bad article loses nothing else.
 */
export async function loadArticles(
  inputs: string[],
  readStdin: () => Promise<string> = readAllStdin,
): Promise<{ articles: Article[]; failures: IngestFailure[] }> {
  const articles: Article[] = [];
  const failures: IngestFailure[] = [];
  for (const input of inputs) {
    try {
      if (input === '-') articles.push(parseArticleText(await readStdin(), 'stdin'));
      else if (/^https?:\/\//i.test(input))
        throw new DigestError('USAGE', `${input}: URL sources are not supported yet`);
      else for (const file of await expandPath(input)) articles.push(await readArticleFile(file));
    } catch (cause) {
      const error =
        cause instanceof DigestError
          ? cause
          : new DigestError('ARTICLE_UNREADABLE', String(cause), { cause });
      failures.push({ source: input, error });
    }
  }
  return { articles, failures };
}

async function expandPath(path: string): Promise<string[]> {
  const info = await stat(path).catch((cause: unknown) => {
    throw new DigestError('ARTICLE_NOT_FOUND', `${path}: no such file or folder`, { cause });
  });
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => ARTICLE_EXTENSIONS.has(extname(n).toLowerCase())).sort();
  return names.map((n) => join(path, n));
}

async function readArticleFile(file: string): Promise<Article> {
  const info = await stat(file);
  if (info.size > MAX_ARTICLE_BYTES) {
    throw new DigestError('ARTICLE_UNREADABLE', `${file}: ${info.size} bytes is too large for an article`);
  }
  return parseArticleText(await readFile(file, 'utf8'), file);
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_ARTICLE_BYTES)
      throw new DigestError('ARTICLE_UNREADABLE', 'stdin: too large for an article');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
