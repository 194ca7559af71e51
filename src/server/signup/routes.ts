import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { LimitStore } from '../../store/limits.ts';
import { acceptForms, FORM_BODY_LIMIT, validateBody } from '../web/body.ts';
import { type CsrfOptions, csrfOf, issueCsrfToken, refuseForgedForm, verifyCsrfToken } from '../web/csrf.ts';
import { answer, wantsJson } from '../web/errors.ts';
import { sendPage } from '../web/layout.ts';
import { refuseOtherMethods } from '../web/methods.ts';
import { createRateLimiter, limitByIp, type RateLimitOptions } from '../web/rate-limit.ts';
import { resubscribePage } from './again-page.ts';
import {
  checkInboxPage,
  confirmLinkPage,
  confirmOutcomePage,
  confirmRequestPage,
  type SignupPageContext,
  signupFormPage,
} from './pages.ts';
import type { SignupService } from './service.ts';

/** Options of the sign-up routes. */
export interface SignupRouteOptions {
  service: SignupService;
  page: SignupPageContext;
  csrf: CsrfOptions;
  /** Per-IP limit of POST /subscribe and /subscribe/confirm. Default 10 per 10 minutes. */
  ipLimit?: RateLimitOptions;
  /** Where the per-IP limit counts: the store's, shared by every process on the database. */
  limits: LimitStore;
}

const formSchema = z
  .object({
    email: z.string().max(320),
    name: z.string().max(1000).optional(),
    _csrf: z.string().max(200).optional(),
    // The honeypot: hidden from people, filled in by bots that fill in everything.
    website: z.string().max(1000).optional(),
  })
  .strict();
const jsonSchema = z.object({ email: z.string().max(320), name: z.string().max(1000).optional() }).strict();
const confirmSchema = z
  .object({ token: z.string().max(600), _csrf: z.string().max(200).optional() })
  .strict();
// The unsubscribe page's Resubscribe: the address's signed unsubscribe token.
const againSchema = z.strictObject({ token: z.string().max(600), _csrf: z.string().max(200) });

/**
 * `GET/POST /subscribe` (the form, or JSON from another site's server),
 * `GET/POST /subscribe/confirm?token=` (GET shows a button, POST confirms) and
 * `POST /subscribe/again` (the unsubscribe page's Resubscribe). Bodies are urlencoded or
 * JSON, at most 16 KB, validated strictly; POSTs are limited per IP.
 */
export async function signupRoutes(app: FastifyInstance, options: SignupRouteOptions): Promise<void> {
  const { service, page, csrf } = options;
  acceptForms(app);
  const limit = limitByIp(
    createRateLimiter(options.limits, 'sign-up:ip', { max: 10, windowMs: 600_000, ...options.ipLimit }),
    (request, reply, s) =>
      answer(
        request,
        reply,
        429,
        `too many requests from this address: try again in ${Math.ceil(s / 60)} minutes`,
      ),
  );
  const form = (request: FastifyRequest, reply: FastifyReply, status = 200, state = {}) =>
    sendPage(reply, status, signupFormPage(page, issueCsrfToken(request, reply, csrf), state));

  app.get('/subscribe', (request, reply) => form(request, reply));
  app.post('/subscribe', { bodyLimit: FORM_BODY_LIMIT, preHandler: limit }, async (request, reply) => {
    if (wantsJson(request)) return subscribeJson(request, reply, service);
    const body = validateBody(formSchema, request.body);
    if (!body.ok) return answer(request, reply, 400, body.error);
    const { email, name = '', _csrf, website } = body.value;
    if (website) return sendPage(reply, 200, checkInboxPage(page));
    if (!verifyCsrfToken(request, _csrf, csrf.secret)) {
      return sendPage(
        reply,
        200,
        confirmRequestPage(page, issueCsrfToken(request, reply, csrf), email, name),
      );
    }
    const result = await service.request({ email, name, source: 'form', ip: request.ip });
    if (!result.ok)
      return form(request, reply, 400, {
        email,
        name,
        error: { field: result.field, message: result.error },
      });
    return sendPage(reply, 200, checkInboxPage(page));
  });
  app.get<{ Querystring: { token?: string } }>('/subscribe/confirm', (request, reply) =>
    sendPage(
      reply,
      200,
      confirmLinkPage(page, issueCsrfToken(request, reply, csrf), String(request.query.token ?? '')),
    ),
  );
  app.post(
    '/subscribe/confirm',
    { bodyLimit: FORM_BODY_LIMIT, preHandler: limit },
    async (request, reply) => {
      const body = validateBody(confirmSchema, request.body);
      if (!body.ok) return answer(request, reply, 400, body.error);
      if (!verifyCsrfToken(request, body.value._csrf, csrf.secret)) {
        // The button's page again, with a token this browser holds the cookie of.
        return sendPage(
          reply,
          200,
          confirmLinkPage(page, issueCsrfToken(request, reply, csrf), body.value.token),
        );
      }
      const { status, view } = confirmOutcomePage(page, await service.confirm(body.value.token, request.ip));
      return sendPage(reply, status, view);
    },
  );
  app.post('/subscribe/again', { bodyLimit: FORM_BODY_LIMIT, preHandler: limit }, async (request, reply) => {
    // Missing or forged, the same 403: this form is only ever on our unsubscribe page.
    if (!verifyCsrfToken(request, csrfOf(request.body), csrf.secret)) return refuseForgedForm(reply);
    const body = validateBody(againSchema, request.body);
    if (!body.ok) return answer(request, reply, 400, body.error);
    const result = await service.resubscribe(body.value.token, request.ip);
    if (!result) return answer(request, reply, 400, 'this resubscribe link is not valid (cut or changed?)');
    if (!result.ok) return answer(request, reply, 400, result.error);
    return sendPage(reply, 200, resubscribePage(page, result.email, result.detail));
  });
  refuseOtherMethods(app, '/subscribe', ['GET', 'POST']);
  refuseOtherMethods(app, '/subscribe/again', ['POST']);
  refuseOtherMethods(app, '/subscribe/confirm', ['GET', 'POST']);
}

async function subscribeJson(request: FastifyRequest, reply: FastifyReply, service: SignupService) {
  const body = validateBody(jsonSchema, request.body);
  if (!body.ok) return reply.code(400).send({ error: body.error });
  const result = await service.request({ ...body.value, source: 'api', ip: request.ip });
  if (!result.ok) return reply.code(400).send({ error: result.error, field: result.field });
  // The same answer whether the address was new, pending, active or gone.
  return reply.code(202).send({
    status: 'accepted',
    message:
      'If this address can be subscribed, a link to confirm is mailed to it (at most one an hour per address).',
  });
}
