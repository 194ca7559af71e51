import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyUnsubscribeToken } from '../deliver/unsubscribe-token.ts';
import { escapeHtml } from '../render/personalize.ts';
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
  if (req.method === 'POST') {
    await drain(req);
    await deps.store.setSubscriberStatus(email, 'unsubscribed');
    return send(
      res,
      200,
      page(
        'Unsubscribed',
        `<h1>You are unsubscribed</h1><p>${escapeHtml(email)} will get no more ${name}.</p>`,
      ),
    );
  }
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, page('Not allowed', '<h1>Method not allowed</h1>'));
  const form = `<form method="post" action="/unsubscribe?token=${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`;
  return send(
    res,
    200,
    page('Unsubscribe', `<h1>Unsubscribe from ${name}?</h1><p>${escapeHtml(email)}</p>${form}`),
  );
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
