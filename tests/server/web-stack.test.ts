import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { type DevInbox, startDevInbox } from '../../src/server/dev-inbox/index.ts';
import { type RunningServer, startHttpServer } from '../../src/server/http-server.ts';
import { createPreviewHandler, type PreviewSources } from '../../src/server/preview.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { startProcess } from '../helpers/child.ts';
import { rawRequest } from '../helpers/http-request.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const SAMPLE = 'examples/articles/blinken-gun-from-ukraines-head.md';
const SECRET = 'web-secret-0123456789abcdef';

describe('the HTTP server on Fastify', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: DigestStore;
  let inbox: DevInbox | undefined;
  let server: RunningServer | undefined;
  let loads = 0;
  const preview = () =>
    createPreviewHandler({
      config: loadConfig({ PUBLIC_URL: 'http://news.example.org' }),
      secret: SECRET,
      loadSources: () => {
        loads++;
        return loadArticles([SAMPLE]);
      },
      now: () => new Date('2022-01-06T08:00:00Z'),
      cacheMs: 60_000,
    });

  beforeEach(async () => {
    temp = makeTempDir('digest-web-');
    store = openSqliteStore(join(temp.dir, 'digest.db'));
    loads = 0;
  });
  afterEach(async () => {
    await server?.close();
    await inbox?.close();
    server = undefined;
    inbox = undefined;
    await store.close();
    temp.remove();
  });

  const startWithInbox = async (publicUrl?: string) => {
    inbox = await startDevInbox({ dir: join(temp.dir, 'inbox'), smtpPort: 0, onError: () => {} });
    server = await startHttpServer({
      port: 0,
      store,
      secret: SECRET,
      newsletterName: 'Daily',
      inbox,
      preview: preview(),
      ...(publicUrl ? { publicUrl } : {}),
    });
    return server;
  };

  it('refuses a Host it does not know (DNS rebinding) on the dev inbox and the preview, and reads nothing', async () => {
    const { url } = await startWithInbox('http://news.example.org');
    const port = new URL(url).port;
    for (const path of ['/inbox.json', '/preview', '/preview/digest.html', '/unsubscribe?token=x']) {
      const res = await rawRequest(`${url}${path}`, {
        headers: { host: `rebound.attacker.example:${port}` },
      });
      expect(res.status).toBe(421);
      expect(res.body).not.toContain('unsubscribe?token=');
    }
    expect(loads).toBe(0);
  });

  it('answers the Host of PUBLIC_URL and of the bind address, and /health whatever the Host', async () => {
    const { url } = await startWithInbox('http://news.example.org');
    const port = new URL(url).port;
    for (const host of ['news.example.org', `127.0.0.1:${port}`, `localhost:${port}`]) {
      const res = await rawRequest(`${url}/inbox.json`, { headers: { host } });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual([]);
    }
    const health = await rawRequest(`${url}/health`, { headers: { host: 'lb.internal' } });
    expect(health.status).toBe(200);
  });

  it('answers the extra names of HTTP_ALLOWED_HOSTS, and only those', async () => {
    server = await startHttpServer({
      port: 0,
      store,
      secret: SECRET,
      newsletterName: 'D',
      allowedHosts: ['lan.example:8025'],
    });
    const at = (host: string) => rawRequest(`${server?.url}/`, { headers: { host } });
    expect((await at('lan.example:8025')).status).toBe(200);
    expect((await at('lan.example:9999')).status).toBe(421);
  });

  it('serves /preview beside the dev inbox and not without it (nor to a hook that says no)', async () => {
    const withInbox = await startWithInbox();
    expect((await fetch(`${withInbox.url}/preview`)).status).toBe(200);
    await withInbox.close();
    const bare = await startHttpServer({
      port: 0,
      store,
      secret: SECRET,
      newsletterName: 'D',
      preview: preview(),
    });
    const refused = await startHttpServer({
      port: 0,
      store,
      secret: SECRET,
      newsletterName: 'D',
      preview: preview(),
      canPreview: () => false,
    });
    try {
      for (const s of [bare, refused]) {
        for (const path of ['/preview', '/preview/digest.html', '/preview/digest.eml']) {
          const res = await fetch(`${s.url}${path}`);
          expect(res.status).toBe(404);
          expect(await res.text()).not.toContain('unsubscribe?token=');
        }
      }
    } finally {
      await bare.close();
      await refused.close();
    }
    expect(loads).toBe(1);
  });

  it('builds the preview once for a page and its frames, and keeps it for the next reload', async () => {
    const { url } = await startWithInbox();
    const pages = await Promise.all(
      ['/preview', '/preview/digest.html', '/preview/digest.html', '/preview/digest.txt'].map((p) =>
        fetch(`${url}${p}`),
      ),
    );
    expect(pages.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect((await fetch(`${url}/preview`)).status).toBe(200);
    expect(loads).toBe(1);
  });

  it('refuses a start on a taken port with one line, leaving nothing open (the process exits by itself)', async () => {
    const { url } = await startWithInbox();
    const port = new URL(url).port;
    const child = startProcess(
      process.execPath,
      ['--import', 'tsx', 'tests/fixtures/server/listen-taken.ts', port, temp.dir],
      {},
    );
    const { code, out } = await child.exited;
    expect(code).toBe(1);
    expect(out.trim()).toBe(
      `HTTP port ${port} on 127.0.0.1 is already in use (another digest worker?): stop it, or set HTTP_PORT`,
    );
  });

  it('answers a bad %-encoding in a path with 400, never a 500 echoing the error', async () => {
    const { url } = await startWithInbox();
    const res = await rawRequest(`${url}/calendar/%E0%A4%A.ics`);
    expect(res.status).toBe(400);
    expect(res.body).not.toMatch(/URIError|stack|at /);
  });

  it('answers an unknown path with an HTML 404 page, and a body over the limit with 413', async () => {
    const { url } = await startWithInbox();
    const missing = await fetch(`${url}/nothing-here`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('text/html');
    const big = await fetch(`${url}/unsubscribe?token=x`, { method: 'POST', body: 'x'.repeat(70_000) });
    expect(big.status).toBe(413);
  });
});

describe('the preview of a feed of large pages', () => {
  let feed: Server;
  let base = '';
  const hits = new Map<string, number>();
  const PAGES = 6;
  const paragraph = `<p>${'The council met again to discuss the harbour bridge and its repairs. '.repeat(40)}</p>`;

  beforeEach(async () => {
    hits.clear();
    feed = createServer((req, res) => {
      hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
      if (req.url === '/feed.xml') {
        const items = Array.from(
          { length: PAGES },
          (_, i) =>
            `<item><title>Story ${i}</title><link>${base}/story/${i}</link><pubDate>Wed, 05 Jan 2022 08:00:00 GMT</pubDate></item>`,
        ).join('');
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${items}</channel></rss>`);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html><head><title>Story ${req.url}</title></head><body><article><h1>Story ${req.url}</h1>${paragraph.repeat(60)}</article></body></html>`,
      );
    });
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => feed.close(() => resolve()));
  });

  it('answers six concurrent requests with one build: every page is fetched once', async () => {
    const temp = makeTempDir('digest-web-feed-');
    const store = openSqliteStore(join(temp.dir, 'digest.db'));
    const inbox = await startDevInbox({ dir: join(temp.dir, 'inbox'), smtpPort: 0, onError: () => {} });
    let builds = 0;
    const server = await startHttpServer({
      port: 0,
      store,
      secret: SECRET,
      newsletterName: 'Daily',
      inbox,
      preview: createPreviewHandler({
        config: loadConfig({}),
        secret: SECRET,
        loadSources: (): Promise<PreviewSources> => {
          builds++;
          return loadArticles([`${base}/feed.xml`], { fetch: { allowPrivateLinks: true } });
        },
        now: () => new Date('2022-01-06T08:00:00Z'),
        cacheMs: 60_000,
      }),
    });
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(`${server.url}/preview`)));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const bodies = await Promise.all(answers.map((r) => r.text()));
      expect(new Set(bodies).size).toBe(1);
      expect(bodies[0]).toContain('Story 0');
      expect(builds).toBe(1);
      expect(hits.get('/feed.xml')).toBe(1);
      for (let i = 0; i < PAGES; i++) expect(hits.get(`/story/${i}`)).toBe(1);
    } finally {
      await server.close();
      await inbox.close();
      await store.close();
      temp.remove();
    }
  });
});
