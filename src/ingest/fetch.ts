import { setTimeout as sleep } from 'node:timers/promises';
import { type Dispatcher, fetch, type Response } from 'undici';
import { DigestError } from '../errors.ts';
import { type AddressGuard, findForbidden, plainAgent } from './address-guard.ts';
import { decodeBody, readCappedBody } from './fetch-body.ts';
import { assertHttpUrl } from './http-url.ts';

export { assertHttpUrl };

/** Limits of every request the ingest makes. All optional; defaults in DEFAULT_FETCH_OPTIONS. */
export interface FetchOptions {
  /** Milliseconds one attempt may take, redirects and body included. Default 15 000. */
  timeoutMs?: number;
  /** Largest body read, in bytes (after decompression); past it the download is aborted. Default 5 MiB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Attempts after the first for 5xx, 429 and network errors (not time-outs). Default 2. */
  retries?: number;
  /** Back-off before the first retry, doubled for each next one. Default 500 ms. */
  retryDelayMs?: number;
  /** The User-Agent header. */
  userAgent?: string;
  /** Let redirects of configured sources and links found in feeds lead to private and local addresses (see address-guard.ts). Default false. */
  allowPrivateLinks?: boolean;
}

export type ResolvedFetchOptions = Required<FetchOptions>;

export const DEFAULT_FETCH_OPTIONS: ResolvedFetchOptions = Object.freeze({
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  retryDelayMs: 500,
  userAgent: 'ArticleDigest/0.1 (newsletter digest; reads articles and feeds)',
  allowPrivateLinks: false,
});

/** Validators of a remembered response, sent as If-None-Match / If-Modified-Since. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** What one request asks beyond the limits. */
export interface FetchRequest {
  accept: string;
  validators?: Validators | null;
  /** Checked on the response's media type before the body is read: false refuses it unread. */
  acceptsType?: (mediaType: string) => boolean;
  /** Decides every request's connection, redirects included; refuses addresses it must not reach. */
  guard?: AddressGuard;
}

/** A response read in full: 200 with its text, or 304 (not modified) without one. */
export interface FetchedText {
  status: 200 | 304;
  /** The address after redirects. */
  url: string;
  /** The media type, lower case, without parameters ("text/html"). */
  mediaType: string;
  body: string;
  etag: string | null;
  lastModified: string | null;
}

/** Resolves options against the defaults. */
export function resolveFetchOptions(options: FetchOptions = {}): ResolvedFetchOptions {
  return { ...DEFAULT_FETCH_OPTIONS, ...stripUndefined(options) };
}

/**
 * GETs a URL as text within the limits: time-out, size cap, counted manual redirects,
 * content-type check, conditional request, and bounded retries with back-off.
 */
export async function fetchText(
  url: string,
  request: FetchRequest,
  options: ResolvedFetchOptions = DEFAULT_FETCH_OPTIONS,
): Promise<FetchedText> {
  assertHttpUrl(url);
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, request, options);
    } catch (error) {
      const retry = error instanceof DigestError && error.retryable && attempt < options.retries;
      if (!retry) throw error;
      await sleep(options.retryDelayMs * 2 ** attempt);
    }
  }
}

async function fetchOnce(
  url: string,
  request: FetchRequest,
  options: ResolvedFetchOptions,
): Promise<FetchedText> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const { response, finalUrl } = await followRedirects(url, request, options, controller.signal);
    return await readResponse(response, finalUrl, request, options, () => controller.abort());
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof DigestError)) {
      throw new DigestError('FETCH_TIMEOUT', `${url}: no complete answer within ${options.timeoutMs} ms`, {
        cause: error,
        data: { url },
      });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function followRedirects(
  url: string,
  request: FetchRequest,
  options: ResolvedFetchOptions,
  signal: AbortSignal,
): Promise<{ response: Response; finalUrl: string }> {
  let current = url;
  for (let hops = 0; ; hops++) {
    const dispatcher = request.guard ? request.guard.dispatcherFor(new URL(current)) : plainAgent();
    const response = await send(current, request, options, signal, dispatcher);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) {
      return { response, finalUrl: current };
    }
    await response.body?.cancel();
    if (hops >= options.maxRedirects) {
      throw new DigestError('FETCH_FAILED', `${url}: more than ${options.maxRedirects} redirects`, {
        data: { url },
      });
    }
    current = assertHttpUrl(new URL(location, current).href).href;
  }
}

async function send(
  url: string,
  request: FetchRequest,
  options: ResolvedFetchOptions,
  signal: AbortSignal,
  dispatcher: Dispatcher,
): Promise<Response> {
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: request.accept };
  if (request.validators?.etag) headers['if-none-match'] = request.validators.etag;
  if (request.validators?.lastModified) headers['if-modified-since'] = request.validators.lastModified;
  try {
    // Manual redirects: each hop is counted and its scheme checked.
    return await fetch(url, { headers, redirect: 'manual', signal, dispatcher });
  } catch (cause) {
    if (signal.aborted) throw cause;
    const refused = findForbidden(cause, url);
    if (refused) throw refused;
    throw new DigestError('FETCH_FAILED', `${url}: ${describeNetworkError(cause)}`, {
      cause,
      retryable: true,
      data: { url },
    });
  }
}

async function readResponse(
  response: Response,
  url: string,
  request: FetchRequest,
  options: ResolvedFetchOptions,
  abort: () => void,
): Promise<FetchedText> {
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  const contentType = response.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (response.status === 304) {
    await response.body?.cancel();
    return { status: 304, url, mediaType, body: '', etag, lastModified };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw httpError(url, response.status);
  }
  if (request.acceptsType && !request.acceptsType(mediaType)) {
    await response.body?.cancel();
    throw new DigestError(
      'CONTENT_UNSUPPORTED',
      `${url}: ${mediaType || 'no content type'} is not a page or feed`,
      {
        data: { url, mediaType },
      },
    );
  }
  const bytes = await readCappedBody(response, url, options.maxBytes, abort);
  return { status: 200, url, mediaType, body: decodeBody(bytes, contentType), etag, lastModified };
}

function httpError(url: string, status: number): DigestError {
  const data = { url, status };
  if (status === 404 || status === 410) {
    return new DigestError('ARTICLE_NOT_FOUND', `${url}: HTTP ${status} (not found)`, { data });
  }
  // 5xx and 429 are the server's passing trouble: worth another try; other 4xx are not.
  const retryable = status >= 500 || status === 429;
  return new DigestError('FETCH_FAILED', `${url}: HTTP ${status}`, { retryable, data });
}

function describeNetworkError(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  const code = (inner as { code?: unknown } | null)?.code;
  const message = inner instanceof Error ? inner.message : String(inner);
  return typeof code === 'string' ? `${code} (${message})` : message;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
