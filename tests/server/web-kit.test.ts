import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { acceptForms, parseForm, validateBody } from '../../src/server/web/body.ts';
import { CSRF_FIELD, csrfField, issueCsrfToken, verifyCsrfToken } from '../../src/server/web/csrf.ts';
import { installErrorHandlers } from '../../src/server/web/errors.ts';
import { renderPage, sendPage } from '../../src/server/web/layout.ts';
import { createRateLimiter, limitByIp } from '../../src/server/web/rate-limit.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const SECRET = 'kit-secret-0123456789abcdef';

async function startKitApp(publicUrl: string): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  await app.register(fastifyCookie);
  installErrorHandlers(app);
  acceptForms(app);
  // The limits count in a real SQLite file, closed and removed with the app.
  const temp = makeTempDir('digest-kit-');
  const store = openSqliteStore(join(temp.dir, 'kit.db'));
  app.addHook('onClose', async () => {
    await store.close();
    temp.remove();
  });
  const limiter = createRateLimiter(store.limits, 'kit', { max: 3, windowMs: 60_000 });
  app.get('/form', async (request, reply) => {
    const token = issueCsrfToken(request, reply, { secret: SECRET, publicUrl });
    return sendPage(reply, 200, { title: 'Form', body: `<form method="post">${csrfField(token)}</form>` });
  });
  app.post('/form', { preHandler: limitByIp(limiter) }, async (request, reply) => {
    const body = validateBody(
      z.object({ [CSRF_FIELD]: z.string(), name: z.string() }).strict(),
      request.body,
    );
    if (!body.ok) return reply.code(400).send({ error: body.error });
    if (!verifyCsrfToken(request, body.value[CSRF_FIELD], SECRET))
      return reply.code(403).send({ error: 'csrf' });
    return { name: body.value.name };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { app, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

describe('the form kit', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const getForm = async (url: string) => {
    const res = await fetch(`${url}/form`);
    const cookie = res.headers.get('set-cookie') ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
    return { res, cookie, token, pair: cookie.split(';')[0] ?? '' };
  };
  const post = (url: string, body: string, cookie?: string) =>
    fetch(`${url}/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      body,
    });

  it('sets the CSRF cookie HttpOnly and SameSite=Lax, Secure only behind TLS', async () => {
    const plain = await startKitApp('http://127.0.0.1:1');
    app = plain.app;
    const { cookie, res } = await getForm(plain.url);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    await app.close();
    const tls = await startKitApp('https://news.example.org');
    app = tls.app;
    expect((await getForm(tls.url)).cookie).toMatch(/Secure/);
  });

  it('accepts a form carrying the token of its cookie, and refuses one without the cookie or with another token', async () => {
    const kit = await startKitApp('http://127.0.0.1:1');
    app = kit.app;
    const { token, pair } = await getForm(kit.url);
    const ok = await post(kit.url, `_csrf=${encodeURIComponent(token)}&name=Ana`, pair);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ name: 'Ana' });
    // A cross-site form: SameSite=Lax keeps the cookie home, so the token alone is refused.
    expect((await post(kit.url, `_csrf=${encodeURIComponent(token)}&name=Ana`)).status).toBe(403);
    const other = await getForm(kit.url);
    expect((await post(kit.url, `_csrf=${encodeURIComponent(other.token)}&name=Ana`, pair)).status).toBe(403);
  });

  it('refuses an unknown field by name, and a field given twice', async () => {
    const kit = await startKitApp('http://127.0.0.1:1');
    app = kit.app;
    const { token, pair } = await getForm(kit.url);
    const unknown = await post(kit.url, `_csrf=${token}&name=Ana&admin=1`, pair);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toContain('unknown field "admin"');
    const twice = await post(kit.url, `_csrf=${token}&name=Ana&name=Ben`, pair);
    expect(twice.status).toBe(400);
    expect(parseForm('a=1&a=2&b=3')).toEqual({ a: ['1', '2'], b: '3' });
  });

  it('refuses a form body over 16 KB with 413', async () => {
    const kit = await startKitApp('http://127.0.0.1:1');
    app = kit.app;
    const res = await post(kit.url, `name=${'x'.repeat(17 * 1024)}`);
    expect(res.status).toBe(413);
  });

  it('limits requests per IP with 429 and Retry-After', async () => {
    const kit = await startKitApp('http://127.0.0.1:1');
    app = kit.app;
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await post(kit.url, 'name=Ana');
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('renders pages with a language, a viewport for phones and no script', () => {
    const html = renderPage({ title: 'T <x>', body: '<h1>Hello</h1>' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('width=device-width');
    expect(html).toContain('<title>T &lt;x&gt;</title>');
    expect(html).not.toMatch(/<script/i);
  });
});
