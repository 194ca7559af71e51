import robotsParserModule from 'robots-parser';
import { DigestError } from '../errors.ts';
import type { AddressGuard } from './address-guard.ts';
import { fetchText, type ResolvedFetchOptions } from './fetch.ts';

/** robots.txt files larger than this are read only this far (Google reads 500 KiB). */
const MAX_ROBOTS_BYTES = 512 * 1024;

interface Robot {
  isDisallowed(url: string, userAgent?: string): boolean | undefined;
}
// The package's types declare no call signature for its (CommonJS) default export.
const robotsParser = robotsParserModule as unknown as (url: string, robotsTxt: string) => Robot;

/** Says whether a page may be fetched under its site's robots.txt; one fetch per site per load. */
export type RobotsCheck = (url: string, guard?: AddressGuard) => Promise<void>;

/**
 * robots.txt for the pages feeds link to (the pages the worker finds by itself): a site's
 * rules for our User-Agent (or for `*`) are honoured, and a disallowed page is skipped with
 * ROBOTS_DISALLOWED before it is requested. A site without a readable robots.txt (404, an
 * error, a time-out) allows everything. The rules are kept for one load, not across loads.
 */
export function createRobotsCheck(options: ResolvedFetchOptions): RobotsCheck {
  const sites = new Map<string, Promise<Robot | null>>();
  const limits = { ...options, maxBytes: Math.min(options.maxBytes, MAX_ROBOTS_BYTES), retries: 0 };
  return async (url, guard) => {
    const { origin } = new URL(url);
    let robot = sites.get(origin);
    if (!robot) {
      const robotsUrl = `${origin}/robots.txt`;
      robot = fetchText(robotsUrl, { accept: 'text/plain', ...(guard ? { guard } : {}) }, limits).then(
        (fetched) => robotsParser(robotsUrl, fetched.body),
        (error: unknown) => {
          // Refused by the address guard: the page would be too, say so there.
          if (error instanceof DigestError && error.code === 'URL_FORBIDDEN') throw error;
          return null;
        },
      );
      sites.set(origin, robot);
    }
    const rules = await robot;
    if (rules?.isDisallowed(url, options.userAgent)) {
      throw new DigestError(
        'ROBOTS_DISALLOWED',
        `${url}: the site's robots.txt disallows it for our User-Agent`,
        {
          data: { url },
        },
      );
    }
  };
}
