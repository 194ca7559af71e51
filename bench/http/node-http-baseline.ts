import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unsubscribeAddress } from '../../src/deliver/unsubscribe-address.ts';
import { verifyUnsubscribeToken } from '../../src/deliver/unsubscribe-token.ts';
import { escapeHtml } from '../../src/render/personalize.ts';
import { PAGE_HEADERS, renderPage } from '../../src/server/web/layout.ts';
import type { DigestStore } from '../../src/store/store.ts';

/**
 * The unsubscribe route on a bare node:http server, as the hand-written server answered it
 * before the move to Fastify, kept as the bench's reference: the same token check, store
 * calls, page and headers (byte for byte what the Fastify route sends), no framework between.
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
  const address = escapeHtml(email);
  if (req.method === 'POST') {
    for await (const _chunk of req) {
      // drained, as the old server did
    }
    const outcome = await unsubscribeAddress(store, email, {
      source: 'link',
      ip: req.socket.remoteAddress ?? null,
    });
    const heading = outcome === 'unsubscribed' ? 'You are unsubscribed' : 'You were already unsubscribed';
    return send(res, 200, 'Unsubscribed', `<h1>${heading}</h1><p>${address} will get no more Bench.</p>`);
  }
  await store.findSubscriber(email);
  const form = `<form method="post" action="/unsubscribe?token=${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`;
  return send(res, 200, 'Unsubscribe', `<h1>Unsubscribe from Bench?</h1><p>${address}</p>${form}`);
}

function send(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8' });
  res.end(renderPage({ title, body }));
}
