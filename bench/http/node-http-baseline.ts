import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyUnsubscribeToken } from '../../src/deliver/unsubscribe-token.ts';
import { escapeHtml } from '../../src/render/personalize.ts';
import { PAGE_HEADERS, renderPage } from '../../src/server/web/layout.ts';
import type { DigestStore } from '../../src/store/store.ts';

/**
 * The unsubscribe route as the hand-written node:http server answered it before the move to
 * Fastify, kept as the bench's reference: the same token check, store call and page, with no
 * framework in between.
 */
export async function startNodeHttpBaseline(
  store: DigestStore,
  secret: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    unsubscribe(req, res, store, secret).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function unsubscribe(req: IncomingMessage, res: ServerResponse, store: DigestStore, secret: string) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== '/unsubscribe') return void res.writeHead(404).end();
  const token = url.searchParams.get('token') ?? '';
  const email = verifyUnsubscribeToken(token, secret);
  if (!email) return send(res, 400, 'Invalid link', '<h1>This unsubscribe link is not valid</h1>');
  if (req.method === 'POST') {
    for await (const _chunk of req) {
      // drained, as the old server did
    }
    await store.setSubscriberStatus(email, 'unsubscribed', { source: 'link' });
    const body = `<h1>You are unsubscribed</h1><p>${escapeHtml(email)} will get no more Bench.</p>`;
    return send(res, 200, 'Unsubscribed', body);
  }
  const form = `<form method="post" action="/unsubscribe?token=${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`;
  return send(res, 200, 'Unsubscribe', `<h1>Unsubscribe from Bench?</h1><p>${escapeHtml(email)}</p>${form}`);
}

function send(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8' });
  res.end(renderPage({ title, body }));
}
