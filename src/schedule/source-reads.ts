import type { Article } from '../models/article.ts';

/** A source that could not be read, and why (a time-out, an HTTP error): said, never only logged. */
export interface SourceFailure {
  source: string;
  error: string;
}

/** The articles of one read of the sources, and the sources that failed. */
export interface SourcesRead {
  articles: Article[];
  failures: { source: string; error: Error }[];
}

/** A run's reads of the sources, with what failed in them. */
export interface TrackedSources {
  /** Reads the sources (the loader's articles); their failures are remembered. */
  load(): Promise<Article[]>;
  /** The failures of the latest read; empty when every source was read (or none was asked for). */
  failures(): SourceFailure[];
}

/**
 * Wraps a loader for one run, so the run's answer can say which source failed and why instead of
 * "no new articles" (a loader of articles only, as tests and one-off commands pass, never fails).
 */
export function trackSources(load: () => Promise<Article[] | SourcesRead>): TrackedSources {
  let failed: SourceFailure[] = [];
  return {
    async load() {
      const read = await load();
      if (Array.isArray(read)) {
        failed = [];
        return read;
      }
      failed = read.failures.map((f) => ({ source: f.source, error: f.error.message }));
      return read.articles;
    },
    failures: () => failed,
  };
}

/** One line naming each failed source and why. */
export function describeFailures(failures: SourceFailure[]): string {
  return failures.map((f) => `${f.source}: ${f.error}`).join('; ');
}

/** "N source(s) could not be read (each with why)": how the CLI and the worker's log say it. */
export function unreadSources(failures: SourceFailure[]): string {
  return `${failures.length} source(s) could not be read (${describeFailures(failures)})`;
}
