import type { DigestError } from '../errors.ts';
import type { Article } from '../models/article.ts';
import type { FetchRecord } from '../models/source.ts';
import type { ResolvedExtractOptions } from './extract.ts';
import type { ResolvedFetchOptions } from './fetch.ts';
import type { Limiter } from './limit.ts';
import type { RobotsCheck } from './robots.ts';

/** One input that could not be read: logged and skipped, the rest go on. */
export interface IngestFailure {
  source: string;
  error: DigestError;
}

/** Articles read and inputs skipped. */
export interface IngestResult {
  articles: Article[];
  failures: IngestFailure[];
}

/** What the ingest needs of the store; the store declares the same methods. */
export interface IngestStore {
  /** The remembered response of a source URL (for If-None-Match / If-Modified-Since). */
  getFetchRecord(url: string): Promise<FetchRecord | null>;
  putFetchRecord(record: FetchRecord): Promise<void>;
  /** The ids no edition carried yet: feed items already sent are not fetched again. */
  filterUnseenArticles(articleIds: string[]): Promise<string[]>;
}

/** Shared by every URL of one load. */
export interface RemoteContext {
  fetch: ResolvedFetchOptions;
  /** Limits of the article extraction of each HTML page and feed item. */
  extract: ResolvedExtractOptions;
  /** Bounds the requests in flight. */
  limit: Limiter;
  store: IngestStore | null;
  maxFeedItems: number;
  log: (line: string) => void;
  /** robots.txt of the sites feeds link to, read once per site per load. */
  robots: RobotsCheck;
}
