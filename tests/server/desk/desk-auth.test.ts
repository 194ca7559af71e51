import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskClient, PASSWORD, pageText, startDeskServer } from './desk-server.ts';

describe('desk accounts over HTTP', () => {
  let desk: Awaited<ReturnType<typeof startDeskServer>>;
  beforeAll(async () => {
    desk = await startDeskServer();
  });
  afterAll(async () => {
    await desk.close();
  });

  it('sends a signed-out page request to sign in, and refuses a signed-out form with 401', async () => {
    const client = deskClient(desk.url);
    const page = await client.get('/desk/drafts');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/desk/sign-in?next=%2Fdesk%2Fdrafts');
    const csrf = await client.csrf();
    const post = await client.post('/desk/subscribers/status', {
      _csrf: csrf,
      email: 'a@example.org',
      status: 'bounced',
    });
    expect(post.status).toBe(401);
    expect(await post.text()).toContain('Sign in first');
  });

  it('sets the password with the one-time link and signs in with an HttpOnly, SameSite=Lax cookie', async () => {
    const link = await desk.account('eve@example.org', 'editor');
    const client = deskClient(desk.url);
    const welcome = await client.welcome(link);
    expect(welcome.status).toBe(303);
    const cookie = welcome.headers.getSetCookie().find((c) => c.startsWith('digest_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const home = await client.get('/desk');
    expect(home.status).toBe(200);
    expect(pageText(await home.text())).toContain('eve@example.org (editor)');
    // The link is spent.
    const again = await deskClient(desk.url).get(
      `/desk/welcome?token=${new URL(link).searchParams.get('token')}`,
    );
    expect(again.status).toBe(400);
  });

  it('signs in with address and password, goes back to the page asked for, and signs out', async () => {
    await deskClient(desk.url).welcome(await desk.account('olga@example.org', 'ops'));
    const client = deskClient(desk.url);
    const csrf = await client.csrf('/desk/sign-in?next=/desk/editions');
    const wrong = await client.post('/desk/sign-in', {
      _csrf: csrf,
      email: 'olga@example.org',
      password: 'not it at all',
      next: '/desk/editions',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('do not match an account');
    const right = await client.post('/desk/sign-in', {
      _csrf: csrf,
      email: 'Olga@Example.org',
      password: PASSWORD,
      next: '/desk/editions',
    });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/desk/editions');
    expect((await client.get('/desk/editions')).status).toBe(200);
    const out = await client.post('/desk/sign-out', { _csrf: await client.csrf('/desk') });
    expect(out.status).toBe(303);
    expect((await client.get('/desk/editions')).status).toBe(303);
  });

  it('never redirects off the desk after sign-in', async () => {
    const client = deskClient(desk.url);
    const csrf = await client.csrf();
    const answer = await client.post('/desk/sign-in', {
      _csrf: csrf,
      email: 'olga@example.org',
      password: PASSWORD,
      next: '//evil.example/x',
    });
    expect(answer.headers.get('location')).toBe('/desk');
  });

  it('keeps each role to its pages: an editor gets no editions, ops get no drafts', async () => {
    const editor = deskClient(desk.url);
    await editor.welcome(await desk.account('ed@example.org', 'editor'));
    const ops = deskClient(desk.url);
    await ops.welcome(await desk.account('op@example.org', 'ops'));
    expect((await editor.get('/desk/editions')).status).toBe(403);
    expect((await editor.get('/desk/drafts')).status).toBe(200);
    expect((await ops.get('/desk/drafts')).status).toBe(403);
    expect((await ops.get('/desk/subscribers')).status).toBe(200);
  });

  it('refuses a form with a forged CSRF token, changing nothing', async () => {
    const client = deskClient(desk.url);
    await client.welcome(await desk.account('csrf@example.org', 'ops'));
    await desk.ctx.store.addSubscriber('ana@example.org', null);
    const forged = await client.post('/desk/subscribers/status', {
      _csrf: 'x'.repeat(43),
      email: 'ana@example.org',
      status: 'bounced',
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('security token');
    expect((await desk.ctx.store.findSubscriber('ana@example.org'))?.status).toBe('active');
  });

  it('refuses an unknown form field by name', async () => {
    const client = deskClient(desk.url);
    const csrf = await client.csrf();
    const answer = await client.post('/desk/sign-in', {
      _csrf: csrf,
      email: 'a@example.org',
      password: 'x',
      admin: '1',
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('unknown field &quot;admin&quot;');
  });

  it('limits sign-in attempts: past ten, even the right password gets 429 and no session', async () => {
    const client = deskClient(desk.url);
    const csrf = await client.csrf();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await client.post('/desk/sign-in', {
        _csrf: csrf,
        email: 'olga@example.org',
        password: `guess number ${i}`,
      });
      statuses.push(r.status);
    }
    // Ten a minute per client (other tests here used some), ten an hour per address.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.at(-1)).toBe(429);
    const right = await client.post('/desk/sign-in', {
      _csrf: csrf,
      email: 'olga@example.org',
      password: PASSWORD,
    });
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(right.headers.getSetCookie().some((c) => c.startsWith('digest_session='))).toBe(false);
  });

  it('shows /preview to a signed-in account only (no dev inbox here)', async () => {
    expect((await deskClient(desk.url).get('/preview')).status).toBe(404);
    const client = deskClient(desk.url);
    await client.welcome(await desk.account('viewer@example.org', 'editor'));
    const preview = await client.get('/preview');
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('gun from Ukraine');
  });

  it('writes sign-ins and refusals to the audit log', async () => {
    const actions = (await desk.ctx.store.audit.list({ limit: 200 })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['session.sign-in', 'session.refused', 'session.sign-out', 'user.password-set']),
    );
  });
});
