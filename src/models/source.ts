/**
 * One configured source of articles. `url` lets the content decide (a feed or a page);
 * `feed` and `page` insist on one kind and reject the other with a clear reason.
 */
export type SourceSpec =
  | {
      type: 'folder';
      /** A folder of .md/.txt articles, or one article file. */
      path: string;
    }
  | {
      type: 'feed' | 'page' | 'url';
      /** An http or https address. */
      url: string;
      /** Feed items taken per load, newest first. Default 50. */
      maxItems?: number;
    };

/** A source as given on the command line or in DIGEST_SOURCES: a path, a URL, "-", or a spec. */
export type SourceInput = string | SourceSpec;

/** The last response of a source URL, remembered for conditional requests (ETag, Last-Modified). */
export interface FetchRecord {
  /** The address as configured (the key). */
  url: string;
  /** Where redirects ended. */
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
  contentType: string;
  /** The decoded body, so a 304 can be read again (items held back by the edition cap). */
  body: string;
  /** ISO time of the last 200 response. */
  fetchedAt: string;
}
