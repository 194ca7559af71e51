import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type UnsubscribeOutcome, unsubscribeAddress } from '../deliver/unsubscribe-address.ts';
import { verifyUnsubscribeToken } from '../deliver/unsubscribe-token.ts';
import { escapeHtml } from '../render/personalize.ts';
import { normalizeEmailAddress } from '../store/email-address.ts';
import type { DigestStore } from '../store/store.ts';
import { type CsrfOptions, csrfField, issueCsrfToken } from './web/csrf.ts';
import { sendPage } from './web/layout.ts';
import { refuseOtherMethods } from './web/methods.ts';
import { addressHtml } from './web/text.ts';

/** What the unsubscribe route needs. */
export interface UnsubscribeOptions {
  store: DigestStore;
  secret: string;
  newsletterName: string;
  /** With sign-up on: the unsubscribed page offers to come back (through the confirmation). */
  resubscribe?: CsrfOptions;
}

/** Bodies of the one-click POST are read up to this size and ignored (the token is in the URL). */
const BODY_LIMIT = 64 * 1024;

/**
 * One-click unsubscribe (RFC 8058). GET shows a confirmation with a button: link scanners
 * that prefetch GET never unsubscribe anyone. POST (what mail clients send, with body
 * "List-Unsubscribe=One-Click", urlencoded or multipart, or none) unsubscribes at once.
 */
export async function unsubscribeRoutes(app: FastifyInstance, options: UnsubscribeOptions): Promise<void> {
  // Mail clients send the body in any form, or none: accept every type, bounded, unread.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, _body, done) =>
    done(null, undefined),
  );
  const name = escapeHtml(options.newsletterName);
  /**
   * The "resubscribe" form: a sign-up like any other, confirmed by a link mailed to the
   * address. It carries the address's unsubscribe token, so the answer may say exactly what
   * happened (a mail sent, or why not and until when): the visitor proved the address.
   */
  const comeBack = (request: FastifyRequest, reply: FastifyReply, unsubscribeToken: string): string => {
    if (!options.resubscribe) return '';
    const csrf = issueCsrfToken(request, reply, options.resubscribe);
    return `<form method="post" action="/subscribe/again">${csrfField(csrf)}<input type="hidden" name="token" value="${escapeHtml(unsubscribeToken)}">
<p class="hint">Changed your mind? We will mail a link to confirm it.</p><button type="submit" class="secondary">Resubscribe</button></form>`;
  };
  app.get<{ Querystring: { token?: string } }>('/unsubscribe', async (request, reply) => {
    const token = String(request.query.token ?? '');
    const email = verifyUnsubscribeToken(token, options.secret);
    if (!email) return invalid(reply);
    const address = addressHtml(normalizeEmailAddress(email));
    const subscriber = await options.store.findSubscriber(email);
    if (!subscriber) return sendOutcome(reply, 'not-on-list', address, name);
    if (subscriber.status === 'unsubscribed')
      return sendOutcome(reply, 'already-unsubscribed', address, name, comeBack(request, reply, token));
    const form = `<form method="post" action="/unsubscribe?token=${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`;
    return sendPage(reply, 200, {
      title: 'Unsubscribe',
      body: `<h1>Unsubscribe from ${name}?</h1><p>${address}</p>${form}`,
    });
  });
  app.post<{ Querystring: { token?: string } }>('/unsubscribe', async (request, reply) => {
    const token = String(request.query.token ?? '');
    const email = verifyUnsubscribeToken(token, options.secret);
    if (!email) return invalid(reply);
    const outcome = await unsubscribeAddress(options.store, email, {
      source: 'link',
      ip: request.ip ?? null,
    });
    const address = addressHtml(normalizeEmailAddress(email));
    return sendOutcome(reply, outcome, address, name, comeBack(request, reply, token));
  });
  refuseOtherMethods(app, '/unsubscribe', ['GET', 'POST'], (_request, reply) =>
    sendPage(reply, 405, { title: 'Not allowed', body: '<h1>Method not allowed</h1>' }),
  );
}

/** Says "unsubscribed" only when the row changed now or had changed before. */
function sendOutcome(
  reply: FastifyReply,
  outcome: UnsubscribeOutcome,
  address: string,
  name: string,
  comeBack = '',
): FastifyReply {
  if (outcome === 'not-on-list') {
    return sendPage(reply, 404, {
      title: 'Not on the list',
      body: `<h1>This address is not on the list</h1><p>${address} gets no ${name}.</p>`,
    });
  }
  const [title, heading] =
    outcome === 'unsubscribed'
      ? ['Unsubscribed', 'You are unsubscribed']
      : ['Already unsubscribed', 'You were already unsubscribed'];
  return sendPage(reply, 200, {
    title,
    body: `<h1>${heading}</h1><p>${address} will get no more ${name}.</p>${comeBack}`,
  });
}

function invalid(reply: FastifyReply): FastifyReply {
  return sendPage(reply, 400, {
    title: 'Invalid link',
    body: '<h1>This unsubscribe link is not valid</h1><p>It may have been cut or changed.</p>',
  });
}
