// The extraction worker thread: HTML pages and feed items are parsed and run through
// Readability here, off the event loop, so a slow page never stalls the HTTP server or a send.
// The pool (extract-pool.ts) gives each job a deadline and terminates this thread past it.
import { parentPort } from 'node:worker_threads';
import { DigestError } from '../errors.ts';
import type {
  ExtractJob,
  ExtractReply,
  ExtractRequest,
  ExtractValue,
  SerializedError,
} from './extract-protocol.ts';
import { parseArticleHtml, parseHtmlFragment } from './html.ts';
import { checkHtmlBounds } from './html-bounds.ts';

const port = parentPort;
if (!port) throw new Error('extract-worker.ts runs as a worker thread only');

port.on('message', ({ id, job }: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { type: 'done', id, value: runJob(job) };
  } catch (error) {
    reply = { type: 'failed', id, error: serialize(error, job.source) };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies ExtractReply);

function runJob(job: ExtractJob): ExtractValue {
  checkHtmlBounds(job.html, job.bounds, job.source);
  if (job.kind === 'page') return parseArticleHtml(job.html, job.pageUrl, job.source);
  return parseHtmlFragment(job.html, job.baseUrl);
}

function serialize(error: unknown, source: string): SerializedError {
  if (error instanceof DigestError)
    return { code: error.code, message: error.message, data: { ...error.data } };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'ARTICLE_UNREADABLE', message: `${source}: ${message}`, data: {} };
}
