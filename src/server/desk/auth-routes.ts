import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type NewSession,
  redeemSignInLink,
  SESSION_TTL_MS,
  signIn,
  signOut,
} from '../../accounts/accounts.ts';
import { hashToken, isToken } from '../../accounts/tokens.ts';
import { DigestError } from '../../errors.ts';
import { clearKitCookie, setKitCookie } from '../web/cookies.ts';
import { canReview, landingFor, sendDeskPage } from './layout.ts';
import { type DeskContext, frameOf, readForm, refuse, requireAccount, SESSION_COOKIE } from './session.ts';
import { createSignInGuard } from './sign-in-guard.ts';
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
  // Guessing passwords is limited; a stranger's guesses do not lock out the owner's browser.
  const guard = createSignInGuard({ secret: ctx.secret, publicUrl: ctx.publicUrl, limits: ctx.store.limits });
  const startSession = (request: FastifyRequest, reply: FastifyReply, session: NewSession) => {
    setKitCookie(request, reply, ctx.publicUrl, {
      name: SESSION_COOKIE,
      value: session.token,
      maxAgeSeconds: SESSION_TTL_MS / 1000,
    });
    guard.remember(request, reply, session.account.email);
  };

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
    const form = await readForm(request, reply, ctx, signInBody, 'Cannot sign in');
    if (!form) return reply;
    const again = (status: number, error: string) => {
      const frame = frameOf(request, reply, ctx);
      const body = signInView({
        csrf: frame.csrf,
        next: safeNext(form.next),
        email: form.email,
        error,
      });
      return sendDeskPage(reply, status, frame, { title: 'Sign in', body });
    };
    const decision = await guard.hit(request, form.email);
    if (!decision.allowed) {
      reply.header('retry-after', String(decision.retryAfterSeconds));
      const wait = `Too many tries: wait ${formatWait(decision.retryAfterSeconds)} and try again.`;
      // Others' guesses lock out only browsers this address never signed in on.
      return again(
        429,
        decision.knownDevice
          ? wait
          : `${wait} A browser that signed in to this account before is not held up by this, and a one-time sign-in link always works: ask an admin for one (digest users link ADDRESS).`,
      );
    }
    const session = await signIn(ctx.store, {
      email: form.email,
      password: form.password,
      ip: request.ip,
    });
    if (!session) return again(401, 'That address and password do not match an account.');
    startSession(request, reply, session);
    // Back to the page asked for, if this account's role may see it.
    return reply.redirect(landingFor(session.account, safeNext(form.next)), 303);
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
    const form = await readForm(request, reply, ctx, welcomeBody, 'Cannot set the password');
    if (!form) return reply;
    const { token, password, repeat } = form;
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
      startSession(request, reply, session);
      return reply.redirect('/desk', 303);
    } catch (error) {
      if (error instanceof DigestError && error.code === 'ACCOUNT_INVALID') return again(`${error.message}.`);
      throw error;
    }
  });

  app.post('/desk/sign-out', async (request, reply) => {
    const form = await readForm(
      request,
      reply,
      ctx,
      z.strictObject({ _csrf: z.string().max(200) }),
      'Cannot sign out',
    );
    if (!form) return reply;
    await signOut(ctx.store, request.cookies[SESSION_COOKIE], request.deskAccount?.email ?? 'anonymous');
    clearKitCookie(reply, SESSION_COOKIE);
    return reply.redirect('/desk/sign-in', 303);
  });
}

/** "45 s", "12 min": how long to wait, in the unit a person reads. */
function formatWait(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
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
