import { DigestError } from '../errors.ts';

/**
 * Throws URL_UNSUPPORTED unless `url` is an absolute http or https URL; returns it parsed.
 * Its own module, so checking a configured source does not load the HTTP client.
 */
export function assertHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new DigestError('URL_UNSUPPORTED', `${url}: not a valid URL`, { cause });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DigestError(
      'URL_UNSUPPORTED',
      `${url}: only http and https URLs are fetched, not ${parsed.protocol.replace(':', '')}`,
    );
  }
  return parsed;
}
