import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.ts';
import { escapeHtml } from '../render/personalize.ts';
import { handleCalendar } from './calendar-route.ts';
import { page } from './pages.ts';
import { createPreviewHandler, type PreviewOptions } from './preview.ts';

/** Options of the standalone preview server (`digest preview`). */
export interface PreviewServerOptions extends Omit<PreviewOptions, 'config' | 'secret'> {
  config: Readonly<Config>;
  /** Port on 127.0.0.1; 0 = ephemeral. */
  port: number;
  /** Signs the digest's links; default UNSUBSCRIBE_SECRET, else a key made for this run. */
  secret?: string;
}

/**
 * A local server showing the real digest of some articles. Its links (add to calendar,
 * unsubscribe) point to this server, which answers them, so every link can be tried; the
 * rest of the configuration is the one a send uses.
 */
export async function startPreviewServer(
  options: PreviewServerOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const secret = options.secret ?? options.config.unsubscribeSecret ?? randomBytes(32).toString('hex');
  let handle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  const server = createServer((req, res) => {
    (handle?.(req, res) ?? Promise.resolve()).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`internal error: ${(error as Error).message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new Error(`preview port ${options.port} is already in use`) : e),
    );
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = Object.freeze({ ...options.config, publicUrl: url });
  const preview = createPreviewHandler({ ...options, config, secret });
  handle = async (req, res) => {
    if (handleCalendar(req, res, { secret, newsletterName: config.newsletterName })) return;
    if (new URL(req.url ?? '/', url).pathname === '/unsubscribe') return previewUnsubscribe(res);
    if (await preview(req, res, '')) return;
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page('Not found', '<h1>Not found</h1><p><a href="/">The preview</a></p>'));
  };
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function previewUnsubscribe(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    page(
      'Unsubscribe (preview)',
      `<h1>Unsubscribe</h1><p>${escapeHtml('In a sent digest this link unsubscribes the reader with one click (RFC 8058). Nothing changes in a preview.')}</p>`,
    ),
  );
}
