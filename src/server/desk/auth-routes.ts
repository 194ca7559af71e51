import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { redeemSignInLink, SESSION_TTL_MS, signIn, signOut } from '../../accounts/accounts.ts';
import { hashToken, isToken } from '../../accounts/tokens.ts';
import { DigestError } from '../../errors.ts';
import { validateBody } from '../web/body.ts';
import { clearKitCookie, setKitCookie } from '../web/cookies.ts';
import { createRateLimiter } from '../web/rate-limit.ts';
import { canReview, sendDeskPage } from './layout.ts';
import { checkCsrf, type DeskContext, frameOf, refuse, requireAccount, SESSION_COOKIE } from './session.ts';
import { homeView, signInView, welcomeView } from './views/auth-views.ts';

const signInBody = z.strictObject({
  _csrf: z.string().max(200),
  email: z.string().max(254),
  password: z.string().max(1000),
  next: z.string().max(2000).default('/desk'),
});
const welcomeBody = z.strictObject({
  _csrf: z.string().max(200),
  token: z.string().max(100),
  password: z.string().max(1000),
  repeat: z.string().max(1000),
});

/** Only desk pages are places to go back to after signing in (no open redirect). */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/desk(?:[/?#]|$)/.test(next) && !next.startsWith('//')
    ? next
    : '/desk';
}

/** Sign-in, the one-time link's page, sign-out, and the desk's first page. */
export function authRoutes(app: FastifyInstance, ctx: DeskContext): void {
  // Guessing passwords: 10 tries a minute per client, 10 an hour per address, whoever asks.
  const perClient = createRateLimiter({ max: 10, windowMs: 60_000 });
  const perAddress = createRateLimiter({ max: 10, windowMs: 3_600_000 });
  const startSession = (request: FastifyRequest, reply: FastifyReply, token: string) =>
    setKitCookie(request, reply, ctx.publicUrl, {
      name: SESSION_COOKIE,
      value: token,
      maxAgeSeconds: SESSION_TTL_MS / 1000,
    });

  app.get('/desk', { preHandler: requireAccount(ctx, () => true) }, async (request, reply) => {
    const account = request.deskAccount;
    if (!account) return reply.callNotFound();
    const pending = canReview(account)
      ? (await ctx.store.drafts.list(50)).filter((d) => d.status === 'pending').length
      : 0;
    return sendDeskPage(reply, 200, frameOf(request, reply, ctx), {
      title: 'Desk',
      body: homeView(account, pending),
    });
  });

  app.get<{ Querystring: { next?: string } }>('/desk/sign-in', async (request, reply) => {
    const frame = frameOf(request, reply, ctx);
    const body = signInView({ csrf: frame.csrf, next: safeNext(request.query.next), email: '', error: null });
    return sendDeskPage(reply, 200, frame, { title: 'Sign in', body });
  });

  app.post('/desk/sign-in', async (request, reply) => {
    const form = validateBody(signInBody, request.body);
    if (!form.ok) return refuse(request, reply, ctx, 400, 'Cannot sign in', form.error);
    if (!(await checkCsrf(request, reply, ctx, form.value._csrf))) return reply;
    const again = (status: number, error: string) => {
      const frame = frameOf(request, reply, ctx);
      const body = signInView({
        csrf: frame.csrf,
        next: safeNext(form.value.next),
        email: form.value.email,
        error,
      });
      return sendDeskPage(reply, status, frame, { title: 'Sign in', body });
    };
    for (const decision of [
      perClient.hit(request.ip),
      perAddress.hit(form.value.email.trim().toLowerCase()),
    ]) {
      if (!decision.allowed) {
        reply.header('retry-after', String(decision.retryAfterSeconds));
        return again(429, `Too many tries: wait ${decision.retryAfterSeconds} s and try again.`);
      }
    }
    const session = await signIn(ctx.store, {
      email: form.value.email,
      password: form.value.password,
      ip: request.ip,
    });
    if (!session) return again(401, 'That address and password do not match an account.');
    startSession(request, reply, session.token);
    return reply.redirect(safeNext(form.value.next), 303);
  });

  app.get<{ Querystring: { token?: string } }>('/desk/welcome', async (request, reply) => {
    const token = request.query.token;
    const account = isToken(token)
      ? await ctx.store.accounts.findSignInLink(hashToken(token), new Date())
      : null;
    if (!account || !isToken(token)) return invalidLink(request, reply, ctx);
    const frame = frameOf(request, reply, ctx);
    return sendDeskPage(reply, 200, frame, {
      title: 'Welcome',
      body: welcomeView({ csrf: frame.csrf, token, email: account.email, error: null }),
    });
  });

  app.post('/desk/welcome', async (request, reply) => {
    const form = validateBody(welcomeBody, request.body);
    if (!form.ok) return refuse(request, reply, ctx, 400, 'Cannot set the password', form.error);
    if (!(await checkCsrf(request, reply, ctx, form.value._csrf))) return reply;
    const { token, password, repeat } = form.value;
    const account = isToken(token)
      ? await ctx.store.accounts.findSignInLink(hashToken(token), new Date())
      : null;
    if (!account) return invalidLink(request, reply, ctx);
    const again = (error: string) => {
      const frame = frameOf(request, reply, ctx);
      return sendDeskPage(reply, 400, frame, {
        title: 'Welcome',
        body: welcomeView({ csrf: frame.csrf, token, email: account.email, error }),
      });
    };
    if (password !== repeat) return again('The two passwords differ.');
    try {
      const session = await redeemSignInLink(ctx.store, { token, password, ip: request.ip });
      if (!session) return invalidLink(request, reply, ctx);
      startSession(request, reply, session.token);
      return reply.redirect('/desk', 303);
    } catch (error) {
      if (error instanceof DigestError && error.code === 'ACCOUNT_INVALID') return again(`${error.message}.`);
      throw error;
    }
  });

  app.post('/desk/sign-out', async (request, reply) => {
    const form = validateBody(z.strictObject({ _csrf: z.string().max(200) }), request.body);
    if (!form.ok) return refuse(request, reply, ctx, 400, 'Cannot sign out', form.error);
    if (!(await checkCsrf(request, reply, ctx, form.value._csrf))) return reply;
    await signOut(ctx.store, request.cookies[SESSION_COOKIE], request.deskAccount?.email ?? 'anonymous');
    clearKitCookie(reply, SESSION_COOKIE);
    return reply.redirect('/desk/sign-in', 303);
  });
}

function invalidLink(request: FastifyRequest, reply: FastifyReply, ctx: DeskContext): FastifyReply {
  return refuse(
    request,
    reply,
    ctx,
    400,
    'This sign-in link does not work',
    'It was used already, it expired (links last 24 hours), or it was cut. Ask an admin for a new one: digest users link ADDRESS.',
  );
}
