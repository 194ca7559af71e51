import type { SourceInput, SourceSpec } from '../models/source.ts';
import { assertHttpUrl } from './http-url.ts';

/** "scheme:" at the start, two letters or more (so "C:\articles" stays a path). */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

/**
 * What one input names: standard input ("-"), a path, or a URL (the content decides
 * between feed and page). Throws URL_UNSUPPORTED for file:, data:, ftp: and other schemes.
 */
export function toSourceSpec(input: SourceInput): SourceSpec | 'stdin' {
  if (typeof input !== 'string') {
    if (input.type !== 'folder') assertHttpUrl(input.url);
    return input;
  }
  if (input === '-') return 'stdin';
  if (SCHEME.test(input)) {
    assertHttpUrl(input);
    return { type: 'url', url: input };
  }
  return { type: 'folder', path: input };
}

/** The input as a short name for messages. */
export function describeSource(input: SourceInput): string {
  if (typeof input === 'string') return input;
  return input.type === 'folder' ? input.path : input.url;
}
