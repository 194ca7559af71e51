import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { sessionAccount } from '../../accounts/accounts.ts';
import type { Account } from '../../store/accounts.ts';
import type { DigestStore } from '../../store/store.ts';
import { validateBody } from '../web/body.ts';
import { csrfOf, FORGED_FORM, issueCsrfToken, verifyCsrfToken } from '../web/csrf.ts';
import { type DeskFrame, roleArticle, sendDeskPage } from './layout.ts';
import { e } from './views/html.ts';

/** The session cookie: HttpOnly, SameSite=Lax, Secure behind TLS (see setKitCookie), path /. */
export const SESSION_COOKIE = 'digest_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in desk account, or null (set by the desk's preHandler). */
    deskAccount: Account | null;
  }
}

/** What the desk's routes share. */
export interface DeskContext {
  store: DigestStore;
  secret: string;
  publicUrl: string;
}

/** Reads the session cookie of every desk request into request.deskAccount. */
export function readSessions(app: FastifyInstance, ctx: DeskContext): void {
  app.decorateRequest('deskAccount', null);
  app.addHook('preHandler', async (request) => {
    request.deskAccount = await sessionAccount(ctx.store, request.cookies[SESSION_COOKIE]);
  });
}

/** True when the request carries a live session: what /preview asks of the desk. */
export function hasSession(store: DigestStore): (request: FastifyRequest) => Promise<boolean> {
  return async (request) => (await sessionAccount(store, request.cookies[SESSION_COOKIE])) !== null;
}

/** The page frame of a request: its account and a CSRF token for its forms. */
export function frameOf(request: FastifyRequest, reply: FastifyReply, ctx: DeskContext): DeskFrame {
  return { account: request.deskAccount, csrf: issueCsrfToken(request, reply, ctx) };
}

/**
 * A preHandler letting in only a signed-in account that `allowed` accepts. A signed-out GET is
 * sent to the sign-in page (and back after it); a signed-out POST gets 401; another role 403.
 */
export function requireAccount(ctx: DeskContext, allowed: (account: Account) => boolean) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const account = request.deskAccount;
    if (!account) {
      if (request.method === 'GET' || request.method === 'HEAD') {
        return reply.redirect(`/desk/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      }
      return refuse(request, reply, ctx, 401, 'Sign in first', 'This needs a signed-in desk account.');
    }
    if (!allowed(account)) {
      return refuse(
        request,
        reply,
        ctx,
        403,
        'Not for your role',
        `${roleArticle(account.role)} ${account.role} account cannot do this.`,
      );
    }
  };
}

/**
 * Checks a form's CSRF token (the kit's signed double-submit cookie); a forged or missing one
 * answers 403 and the form changes nothing. Returns true when the form may go on.
 */
export async function checkCsrf(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: DeskContext,
  token: unknown,
): Promise<boolean> {
  if (verifyCsrfToken(request, token, ctx.secret)) return true;
  await refuse(request, reply, ctx, 403, FORGED_FORM.title, FORGED_FORM.sentence);
  return false;
}

/**
 * Reads a desk form: its CSRF token first, so a missing token is refused as a forged one is
 * (403, the same page) before any field is read; then its fields against the strict schema
 * (400 naming the field; `refusal` is the page's heading). null once the answer is sent.
 */
export async function readForm<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: DeskContext,
  schema: z.ZodType<T>,
  refusal: string,
): Promise<T | null> {
  if (!(await checkCsrf(request, reply, ctx, csrfOf(request.body)))) return null;
  const form = validateBody(schema, request.body);
  if (form.ok) return form.value;
  await refuse(request, reply, ctx, 400, refusal, form.error);
  return null;
}

/** A refusal page: a heading and one sentence, in the desk's frame. */
export function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: DeskContext,
  status: number,
  title: string,
  sentence: string,
  more = '',
): FastifyReply {
  return sendDeskPage(reply, status, frameOf(request, reply, ctx), {
    title,
    body: `<h1>${e(title)}</h1><p>${e(sentence)}</p>${more}<p><a href="/desk">Back to the desk</a></p>`,
  });
}
