import { resolveExtractOptions } from './extract.ts';
import { resolveFetchOptions } from './fetch.ts';
import { createLimiter } from './limit.ts';
import type { LoadOptions } from './load.ts';
import { createRobotsCheck } from './robots.ts';
import type { RemoteContext } from './types.ts';

/**
 * What every URL, page and feed of one load shares: fetch and extraction limits, robots.txt,
 * the request limiter. Its own module, loaded only by a load that reads something other than
 * text files (the HTTP client, the HTML tools and the feed parser cost ~0.4 s to import).
 */
export function createRemoteContext(options: LoadOptions, concurrency: number): RemoteContext {
  const fetchOptions = resolveFetchOptions(options.fetch);
  return {
    fetch: fetchOptions,
    extract: resolveExtractOptions(options.extract),
    robots: createRobotsCheck(fetchOptions),
    limit: createLimiter(concurrency),
    store: options.store ?? null,
    maxFeedItems: options.maxFeedItems ?? 50,
    log: options.log ?? (() => {}),
  };
}
