import type { IncomingMessage, ServerResponse } from 'node:http';
import { type UnsubscribeOutcome, unsubscribeAddress } from '../deliver/unsubscribe-address.ts';
import { verifyUnsubscribeToken } from '../deliver/unsubscribe-token.ts';
import { escapeHtml } from '../render/personalize.ts';
import { normalizeEmailAddress } from '../store/email-address.ts';
import type { DigestStore } from '../store/store.ts';
import { page } from './pages.ts';

/**
 * One-click unsubscribe (RFC 8058). GET shows a confirmation with a button: link scanners
 * that prefetch GET never unsubscribe anyone. POST (what mail clients send, with body
 * "List-Unsubscribe=One-Click") unsubscribes at once.
 */
export async function handleUnsubscribe(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { store: DigestStore; secret: string; newsletterName: string },
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const token = url.searchParams.get('token') ?? '';
  const email = verifyUnsubscribeToken(token, deps.secret);
  if (!email) return send(res, 400, page('Invalid link', '<h1>This unsubscribe link is not valid</h1>'));
  const name = escapeHtml(deps.newsletterName);
  const address = escapeHtml(normalizeEmailAddress(email));
  if (req.method === 'POST') {
    await drain(req);
    const outcome = await unsubscribeAddress(deps.store, email, {
      source: 'link',
      ip: req.socket.remoteAddress ?? null,
    });
    return sendOutcome(res, outcome, address, name);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, page('Not allowed', '<h1>Method not allowed</h1>'));
  const subscriber = await deps.store.findSubscriber(email);
  if (!subscriber) return sendOutcome(res, 'not-on-list', address, name);
  if (subscriber.status === 'unsubscribed') return sendOutcome(res, 'already-unsubscribed', address, name);
  const form = `<form method="post" action="/unsubscribe?token=${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`;
  return send(res, 200, page('Unsubscribe', `<h1>Unsubscribe from ${name}?</h1><p>${address}</p>${form}`));
}

/** Says "unsubscribed" only when the row changed now or had changed before. */
function sendOutcome(res: ServerResponse, outcome: UnsubscribeOutcome, address: string, name: string): void {
  if (outcome === 'not-on-list') {
    send(
      res,
      404,
      page('Not on the list', `<h1>This address is not on the list</h1><p>${address} gets no ${name}.</p>`),
    );
    return;
  }
  const [title, heading] =
    outcome === 'unsubscribed'
      ? ['Unsubscribed', 'You are unsubscribed']
      : ['Already unsubscribed', 'You were already unsubscribed'];
  send(res, 200, page(title, `<h1>${heading}</h1><p>${address} will get no more ${name}.</p>`));
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

async function drain(req: IncomingMessage): Promise<void> {
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) break;
  }
}
