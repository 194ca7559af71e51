/** Every failure the product reports, with what it means. One table, one error class. */
export const ERROR_CODES = {
  CONFIG_INVALID: 'a configuration variable is missing or malformed',
  ARTICLE_UNREADABLE: 'the article could not be read (empty, binary or malformed)',
  ARTICLE_NOT_FOUND: 'the article file or URL does not exist',
  FETCH_FAILED: 'a URL could not be fetched (network error, HTTP error, too many redirects)',
  FETCH_TIMEOUT: 'a URL did not answer in time',
  FETCH_TOO_LARGE: 'a URL answered with more bytes than the size cap',
  URL_UNSUPPORTED: 'the address is not an http or https URL',
  ROBOTS_DISALLOWED: "a page a feed links to is disallowed by its site's robots.txt",
  URL_FORBIDDEN:
    'a redirect of a configured source, or a link found in a feed, leads to a private or local address',
  CONTENT_UNSUPPORTED: 'a URL answered with content that is neither an article page nor a feed',
  FEED_MALFORMED: 'a feed is not well-formed RSS or Atom XML',
  PAGE_TOO_COMPLEX:
    'an HTML page or feed item nests elements deeper, or holds more of them, than extraction reads',
  EXTRACT_TIMEOUT:
    'extracting the article of an HTML page took longer than its deadline: the work was stopped',
  EXTRACT_FAILED: 'the worker thread that extracts articles from HTML pages failed (out of memory, crashed)',
  TEMPLATE_FAILED: 'a template failed to render',
  SMTP_TEMPORARY: 'the SMTP server refused for now (4xx, dropped or refused connection, time-out)',
  SMTP_PERMANENT: 'the SMTP server refused the message for good (5xx)',
  SMTP_SETUP: 'the SMTP session cannot work (login refused, TLS missing, sender refused): the edition pauses',
  STORE_FAILED: 'the database could not be read or written',
  SUBSCRIBER_INVALID: 'a subscriber address is malformed',
  SUBSCRIBER_LEFT:
    'the subscriber unsubscribed or bounced: only their own confirmed request resubscribes them',
  UNSUBSCRIBE_UNVERIFIED: 'an unsubscribe mail carries no valid token',
  WEBHOOK_INVALID:
    'a bounce webhook request is not what its provider sends (not JSON, a missing or unknown field)',
  WEBHOOK_UNVERIFIED: 'a bounce webhook request is not signed by its provider (signature, certificate host)',
  CRON_INVALID: 'the schedule expression or time zone is not valid',
  USAGE: 'the command was called with wrong arguments',
  DRAFT_INVALID: 'a correction of a draft is malformed or names nothing in the draft',
  DRAFT_CONFLICT: 'the draft changed since it was read, or it is being sent or was sent',
  DRAFT_NOT_FOUND: 'there is no draft with that id',
  ACCOUNT_INVALID: 'an account, role, password or sign-in link is malformed or unknown',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The one error class: a code from the table, a message with context, the cause. */
export class DigestError extends Error {
  readonly code: ErrorCode;
  /** True when trying again later may succeed (temporary SMTP failures, for one). */
  readonly retryable: boolean;
  readonly data: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; retryable?: boolean; data?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DigestError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.data = Object.freeze({ ...options.data });
  }
}
