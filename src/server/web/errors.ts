import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { escapeHtml } from '../../render/personalize.ts';
import { sendPage } from './layout.ts';

/** What the error handlers need: where failures with no caller go (the log). */
export interface ErrorHandlerOptions {
  onError?: (error: Error, request: FastifyRequest) => void;
}

/** Fastify's own 4xx codes, said in a sentence a person can act on. */
const CLIENT_ERRORS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'the body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'this content type is not accepted here',
  FST_ERR_CTP_INVALID_JSON_BODY: 'the body is not JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the body is empty',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'the Content-Length does not match the body',
  FST_ERR_BAD_URL: 'the address is not valid (a bad %-encoding?)',
};

/**
 * Clean answers for every failure: a 4xx says what was wrong (JSON under /api/ and for JSON
 * requests, a page otherwise) and never echoes internals; a 5xx says "internal error" and
 * the error goes to `onError`. Unknown paths get a 404 of the same kind.
 */
export function installErrorHandlers(app: FastifyInstance, options: ErrorHandlerOptions = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      options.onError?.(error, request);
      return answer(request, reply, status, 'internal error');
    }
    const known = error.code ? CLIENT_ERRORS[error.code] : undefined;
    const message = known ?? (error instanceof SyntaxError ? 'the body is not JSON' : error.message);
    return answer(request, reply, status, message);
  });
  app.setNotFoundHandler((request, reply) => answer(request, reply, 404, 'not found'));
}

/**
 * Fastify's `frameworkErrors` option: the errors raised before routing (a malformed
 * %-encoding in the path, a bad Content-Type header) answered like the others, as a 400.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = error.code ? CLIENT_ERRORS[error.code] : undefined;
  void answer(request, reply, 400, known ?? 'the request is not valid');
}

/** True for requests that should get JSON back: the ops API, and JSON bodies. */
export function wantsJson(request: FastifyRequest): boolean {
  const type = String(request.headers['content-type'] ?? '');
  return request.url === '/api' || request.url.startsWith('/api/') || type.includes('json');
}

/** Answers a failure as JSON `{error}` or as a page, as `wantsJson` decides. */
export function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
): FastifyReply {
  if (wantsJson(request))
    return reply.code(status).header('cache-control', 'no-store').send({ error: message });
  const title = status === 404 ? 'Not found' : 'Cannot do that';
  const body =
    status === 404
      ? '<h1>Not found</h1><p>There is no page at this address.</p><p><a href="/">Home</a></p>'
      : `<h1>${status === 429 ? 'Too many requests' : 'This request cannot be done'}</h1><p>${escapeHtml(capitalize(message))}.</p>`;
  return sendPage(reply, status, { title, body });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
