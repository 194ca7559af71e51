import type { ErrorCode } from '../errors.ts';
import type { Article } from '../models/article.ts';
import type { HtmlBounds } from './html-bounds.ts';

/** The text and related links of an HTML fragment (a feed item's content). */
export interface FragmentText {
  text: string;
  links: Article['links'];
}

/** One piece of extraction work, as it crosses to the worker thread. */
export type ExtractJob =
  | { kind: 'page'; html: string; pageUrl: string; source: string; bounds: HtmlBounds }
  | { kind: 'fragment'; html: string; baseUrl: string; source: string; bounds: HtmlBounds };

/** What a job gives back: an Article for a page, a FragmentText for a fragment. */
export type ExtractValue = Article | FragmentText;

/** A DigestError as it crosses back from the worker thread (errors lose their class there). */
export interface SerializedError {
  code: ErrorCode;
  message: string;
  data: Record<string, unknown>;
}

/** Main thread → worker. */
export interface ExtractRequest {
  id: number;
  job: ExtractJob;
}

/** Worker → main thread: `ready` once loaded, then one reply per request. */
export type ExtractReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; value: ExtractValue }
  | { type: 'failed'; id: number; error: SerializedError };
