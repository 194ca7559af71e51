import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url);

/** A request the server saw. */
export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A real HTTP server on an ephemeral loopback port serving the ingest fixtures and bad cases. */
export interface FixtureServer {
  base: string;
  requests: SeenRequest[];
  /** How many requests asked for `path`. */
  hits(path: string): number;
  /** Serves `body` at `path` with `type` (tests that need a page of their own). */
  route(path: string, type: string, body: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

const FILES: Record<string, [string, string]> = {
  '/news/harbour-bridge-reopens': ['harbour-bridge.html', 'text/html; charset=utf-8'],
  '/news/ferry-timetable-changes': ['ferry-timetable.html', 'text/html'],
  '/news/market-square': ['market-square.html', 'text/html; charset=utf-8'],
  '/pages/library-hours.html': ['library-hours.html', 'text/html'],
  '/pages/sign-in': ['no-article.html', 'text/html'],
  '/notes.md': ['notes.md', 'text/markdown; charset=utf-8'],
  '/feeds/rss.xml': ['rss.xml', 'application/rss+xml'],
  '/feeds/atom.xml': ['atom.xml', 'application/atom+xml; charset=utf-8'],
  '/feeds/partly-broken.xml': ['partly-broken.xml', 'application/rss+xml'],
  '/feeds/malformed.xml': ['malformed.xml', 'application/rss+xml'],
  '/feeds/as-text': ['rss.xml', 'text/plain'],
  '/octet-page': ['library-hours.html', 'application/octet-stream'],
};

/** Starts the server; every response is built from files in tests/fixtures/ingest or here. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: SeenRequest[] = [];
  const routes = new Map<string, { type: string; body: string; headers: Record<string, string> }>();
  let base = '';
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const custom = routes.get(path);
    const file = FILES[path];
    if (custom) {
      res.writeHead(200, { 'content-type': custom.type, ...custom.headers });
      res.end(custom.body);
    } else if (file) {
      send(res, file[1], readFileSync(new URL(file[0], FIXTURES), 'utf8').replaceAll('{{BASE}}', base));
    } else serveSpecial(path, req.headers, res, requests);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    route: (path, type, body, headers = {}) => routes.set(path, { type, body, headers }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, type: string, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

/** The bad cases, by path: each answers the way a real server misbehaves. */
const SPECIAL: Record<string, (res: ServerResponse, headers: IncomingHttpHeaders, count: number) => void> = {
  '/broken': (res) => send(res, 'text/html', '<h1>Internal error</h1>', 500),
  // Fails twice, then serves the article: retries must get there.
  '/flaky': (res, _, count) =>
    count <= 2
      ? send(res, 'text/plain', 'busy', 503)
      : send(res, 'text/html', readFileSync(new URL('market-square.html', FIXTURES), 'utf8')),
  '/slow': (res) => {
    setTimeout(() => send(res, 'text/html', '<p>too late</p>'), 5_000).unref();
  },
  '/slow-body': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>The start');
    setTimeout(() => res.end('</p></body></html>'), 5_000).unref();
  },
  '/huge': (res) => streamHuge(res),
  '/huge-declared': (res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
    res.write('<html>');
  },
  '/image.png': (res) => send(res, 'image/png', '\u0089PNG fake'),
  '/data.json': (res) => send(res, 'application/json', '{"title": "not an article"}'),
  '/loop': (res) => redirect(res, '/loop'),
  '/to-file': (res) => redirect(res, 'file:///etc/passwd'),
  '/etag-feed': (res, headers) => serveConditional(headers, res),
};

function serveSpecial(
  path: string,
  headers: IncomingHttpHeaders,
  res: ServerResponse,
  requests: SeenRequest[],
): void {
  const count = requests.filter((r) => r.path === path).length;
  const hop = /^\/hop\/(\d+)$/.exec(path);
  const to = /^\/redirect-to\/(.+)$/.exec(path)?.[1];
  const special = SPECIAL[path];
  if (special) special(res, headers, count);
  else if (to) redirect(res, decodeURIComponent(to));
  else if (hop) redirect(res, Number(hop[1]) > 0 ? `/hop/${Number(hop[1]) - 1}` : '/news/market-square');
  else send(res, 'text/html', '<h1>Not found</h1>', 404);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}

/** 2 MiB of paragraphs, streamed without a Content-Length: only counting can stop it. */
function streamHuge(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  const chunk = `<p>${'All work and no play. '.repeat(40)}</p>\n`;
  let sent = 0;
  const pump = () => {
    while (sent < 2 * 1024 * 1024) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('error', () => {});
  pump();
}

const ETAG = '"feed-v1"';

function serveConditional(headers: IncomingHttpHeaders, res: ServerResponse): void {
  if (headers['if-none-match'] === ETAG) {
    res.writeHead(304, { etag: ETAG });
    res.end();
    return;
  }
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Conditional</title>
    <item><title>Tide tables printed</title><guid>tide-1</guid><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
    <description>The harbour office printed the tide tables for the spring, a week earlier than last year, and will hand them out at the quay.</description></item>
    <item><title>Lighthouse open day</title><guid>lighthouse-1</guid><pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate>
    <description>The lighthouse opens its doors to visitors on the first Sunday of April, the keepers said.</description></item>
  </channel></rss>`;
  res.writeHead(200, {
    'content-type': 'application/rss+xml',
    etag: ETAG,
    'last-modified': 'Tue, 05 Mar 2024 08:00:00 GMT',
  });
  res.end(xml);
}
