import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DigestStore } from '../store/store.ts';
import { handleCalendar } from './calendar-route.ts';
import type { DevInbox } from './dev-inbox/index.ts';
import { handleOpsApi, type OpsApiOptions } from './ops-api.ts';
import { page } from './pages.ts';
import type { PreviewHandler } from './preview.ts';
import { handleUnsubscribe } from './unsubscribe.ts';

/** Options of the HTTP server. */
export interface HttpServerOptions {
  /** Default 127.0.0.1: nothing is exposed unless configured. */
  host?: string;
  /** 0 = ephemeral. */
  port: number;
  store: DigestStore;
  secret: string;
  newsletterName: string;
  /** The dev inbox, mounted at /inbox when present. */
  inbox?: DevInbox;
  /** The ops API at /api/; absent or without a token, /api/ answers 404. */
  ops?: OpsApiOptions;
  /** The preview of the configured sources' digest, mounted at /preview when present. */
  preview?: PreviewHandler;
}

/** The product's HTTP edge: unsubscribe, health, and the dev inbox. */
export async function startHttpServer(
  options: HttpServerOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    route(req, res, options).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`internal error: ${(error as Error).message}\n`);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE' ? new Error(`HTTP port ${options.port} on ${host} is already in use`) : e,
      ),
    );
    server.listen(options.port, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, options: HttpServerOptions): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}\n');
    return;
  }
  if (path === '/unsubscribe') return handleUnsubscribe(req, res, options);
  if (handleCalendar(req, res, options)) return;
  if (options.preview && (await options.preview(req, res, '/preview'))) return;
  if (path === '/api' || path.startsWith('/api/')) return handleOpsApi(req, res, path, options.ops);
  if (options.inbox && (await options.inbox.handle(req, res, '/inbox'))) return;
  if (path === '/') {
    const inbox = options.inbox
      ? '<li><a href="/inbox">Dev inbox</a>: every message sent while no SMTP_URL is set</li>'
      : '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      page(
        options.newsletterName,
        `<h1>${options.newsletterName}</h1><ul>${inbox}${options.preview ? PREVIEW_ITEM : ''}<li><a href="/health">Health</a></li></ul>`,
      ),
    );
    return;
  }
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page('Not found', '<h1>Not found</h1>'));
}

const PREVIEW_ITEM =
  '<li><a href="/preview">Preview</a>: the next digest of DIGEST_SOURCES, as it would be sent</li>';
