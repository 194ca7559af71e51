import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSignInLink } from '../../../src/accounts/accounts.ts';
import { rawRequest } from '../../helpers/http-request.ts';
import { PASSWORD, pageText, startDeskServer } from './desk-server.ts';

/** A browser on its own loopback address (a client IP of its own), with its own cookies. */
function browserAt(base: string, ip: string) {
  const jar = new Map<string, string>();
  const send = async (path: string, form?: Record<string, string>) => {
    const response = await rawRequest(`${base}${path}`, {
      localAddress: ip,
      method: form ? 'POST' : 'GET',
      headers: {
        host: new URL(base).host,
        ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const line of [response.headers['set-cookie'] ?? []].flat()) {
      const [name, ...rest] = (line.split(';')[0] ?? '').split('=');
      if (name) jar.set(name.trim(), rest.join('='));
    }
    return response;
  };
  return {
    jar,
    send,
    async signIn(email: string, password: string) {
      const page = await send('/desk/sign-in');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      return send('/desk/sign-in', { _csrf: csrf, email, password });
    },
  };
}

describe('sign-in limits that a stranger cannot turn against the owner', () => {
  let desk: Awaited<ReturnType<typeof startDeskServer>>;
  const olga = 'olga@example.org';
  /** The device cookie of Olga's own browser. */
  let device = '';
  beforeAll(async () => {
    desk = await startDeskServer();
    const link = await desk.account(olga, 'ops');
    // Olga's own browser: it set her password, so it is a known device of hers.
    const own = browserAt(desk.url, '127.0.0.1');
    const token = new URL(link).searchParams.get('token') ?? '';
    const page = await own.send(`/desk/welcome?token=${token}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    await own.send('/desk/welcome', { _csrf: csrf, token, password: PASSWORD, repeat: PASSWORD });
    expect(own.jar.has('digest_device')).toBe(true);
    device = own.jar.get('digest_device') ?? '';
  });
  afterAll(async () => {
    await desk.close();
  });

  it('locks the address for unknown browsers after ten guesses from ten IPs, yet lets the owner in from her own browser', async () => {
    const statuses: number[] = [];
    for (let i = 2; i <= 12; i++) {
      const guess = await browserAt(desk.url, `127.0.0.${i}`).signIn(olga, `guess number ${i}`);
      statuses.push(guess.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.at(-1)).toBe(429);
    // A new browser, even with the right password, waits; the page says what still works.
    const stranger = await browserAt(desk.url, '127.0.0.13').signIn(olga, PASSWORD);
    expect(stranger.status).toBe(429);
    expect(stranger.headers['retry-after']).toMatch(/^\d+$/);
    expect([stranger.headers['set-cookie'] ?? []].flat().some((c) => c.startsWith('digest_session='))).toBe(
      false,
    );
    const said = pageText(stranger.body);
    expect(said).toContain('A browser that signed in to this account before is not held up by this');
    expect(said).toContain('digest users link ADDRESS');

    // Olga's browser, on another network now, carries her device cookie: she gets in.
    const own = browserAt(desk.url, '127.0.0.20');
    own.jar.set('digest_device', device);
    const signedIn = await own.signIn(olga, PASSWORD);
    expect(signedIn.status).toBe(303);
    expect([signedIn.headers['set-cookie'] ?? []].flat().some((c) => c.startsWith('digest_session='))).toBe(
      true,
    );
  });

  it('counts a device cookie only for its own address, and never a forged one', async () => {
    const forged = browserAt(desk.url, '127.0.0.21');
    const [nonce, issued] = device.split('.');
    forged.jar.set('digest_device', `${nonce}.${issued}.${'A'.repeat(43)}`);
    expect((await forged.signIn(olga, PASSWORD)).status).toBe(429);
    // Olga's cookie does not make another address's tries her device's.
    const other = browserAt(desk.url, '127.0.0.22');
    other.jar.set('digest_device', device);
    for (let i = 0; i < 10; i++) await browserAt(desk.url, `127.0.1.${i + 1}`).signIn('ben@example.org', 'x');
    expect((await other.signIn('ben@example.org', 'guess')).status).toBe(429);
  });

  it('locks a known device after its own ten tries in an hour', async () => {
    const own = browserAt(desk.url, '127.0.0.30');
    own.jar.set('digest_device', device);
    const statuses: number[] = [];
    // The sign-in of the test above was this device's first try this hour.
    for (let i = 0; i < 10; i++) statuses.push((await own.signIn(olga, `typo ${i}`)).status);
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(statuses.at(-1)).toBe(429);
    expect(pageText((await own.signIn(olga, PASSWORD)).body)).toContain('Too many tries');
  });

  it('lets a one-time sign-in link in while the address is locked', async () => {
    const link = await issueSignInLink(desk.ctx.store, { email: olga, actor: 'test', publicUrl: desk.url });
    const fresh = browserAt(desk.url, '127.0.0.40');
    const token = new URL(link).searchParams.get('token') ?? '';
    const page = await fresh.send(`/desk/welcome?token=${token}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const set = await fresh.send('/desk/welcome', {
      _csrf: csrf,
      token,
      password: 'another long password',
      repeat: 'another long password',
    });
    expect(set.status).toBe(303);
    expect((await fresh.send('/desk')).status).toBe(200);
  });
});
