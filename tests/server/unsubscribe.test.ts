import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUnsubscribeToken, verifyUnsubscribeToken } from '../../src/deliver/unsubscribe-token.ts';
import { startHttpServer } from '../../src/server/http-server.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const SECRET = 'test-secret-0123456789abcdef';

describe('one-click unsubscribe', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: DigestStore;
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  beforeEach(async () => {
    temp = makeTempDir();
    store = openSqliteStore(join(temp.dir, 'digest.db'));
    await store.addSubscriber('ana@example.org', 'Ana');
    server = await startHttpServer({ port: 0, store, secret: SECRET, newsletterName: 'Daily' });
  });
  afterEach(async () => {
    await server.close();
    await store.close();
    temp.remove();
  });

  it('rejects a forged token and a token moved to another address', () => {
    const token = signUnsubscribeToken('ana@example.org', SECRET);
    expect(verifyUnsubscribeToken(token, SECRET)).toBe('ana@example.org');
    expect(verifyUnsubscribeToken(token, 'another-secret-0123456789')).toBeNull();
    const [, mac] = token.split('.');
    const moved = `${Buffer.from('bob@example.org').toString('base64url')}.${mac}`;
    expect(verifyUnsubscribeToken(moved, SECRET)).toBeNull();
  });

  it('asks for confirmation on GET and unsubscribes nobody', async () => {
    const token = signUnsubscribeToken('ana@example.org', SECRET);
    const res = await fetch(`${server.url}/unsubscribe?token=${token}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<form method="post"');
    expect((await store.findSubscriber('ana@example.org'))?.status).toBe('active');
  });

  it('unsubscribes on the RFC 8058 one-click POST', async () => {
    const token = signUnsubscribeToken('ana@example.org', SECRET);
    const res = await fetch(`${server.url}/unsubscribe?token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect((await store.findSubscriber('ana@example.org'))?.status).toBe('unsubscribed');
  });

  it('leaves the one-click unsubscriber out of the next edition, and skips them in one going out', async () => {
    await store.addSubscriber('bob@example.org', 'Bob');
    const edition = (id: string) => ({
      edition: { id, date: '2022-01-06', composedAt: '2022-01-06T07:00:00Z', newsletterName: 'D', items: [] },
      subject: 'S',
      slot: null,
      articleIds: [],
      messageIdDomain: 'example.org',
    });
    await store.openEdition(edition('going-out'));
    const token = signUnsubscribeToken('ana@example.org', SECRET);
    await fetch(`${server.url}/unsubscribe?token=${token}`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
    });
    const claimed = await store.claimDeliveries('going-out', 10, new Date());
    expect(claimed.map((d) => d.email)).toEqual(['bob@example.org']);
    expect(await store.editionProgress('going-out')).toMatchObject({ skipped: 1 });
    expect(await store.openEdition(edition('next'))).toEqual({ created: true, queued: 1 });
  });

  const post = (token: string) =>
    fetch(`${server.url}/unsubscribe?token=${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' });

  /** A token as they were signed before addresses had one form: the address lower-cased. */
  const oldToken = (email: string) => {
    const payload = Buffer.from(email.toLowerCase(), 'utf8').toString('base64url');
    return `${payload}.${createHmac('sha256', SECRET).update(`unsubscribe:${payload}`).digest('base64url')}`;
  };

  it.each([
    ['uni@bücher.example', (e: string) => signUnsubscribeToken(e, SECRET)],
    ['UNI@BÜCHER.example', (e: string) => signUnsubscribeToken(e, SECRET)],
    ['uni@xn--bcher-kva.example', (e: string) => signUnsubscribeToken(e, SECRET)],
    ['UNI@BÜCHER.example', oldToken],
    ['uni@bücher.example', oldToken],
  ])('unsubscribes the one row of %s, whatever form its link was signed in', async (form, sign) => {
    await store.addSubscriber('UNI@BÜCHER.example', 'Uni');
    const res = await post(sign(form));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are unsubscribed');
    expect((await store.findSubscriber('uni@bücher.example'))?.status).toBe('unsubscribed');
    expect(await store.countSubscribers('unsubscribed')).toBe(1);
  });

  it('unsubscribes the row of an address with the Kelvin sign through its own link', async () => {
    await store.addSubscriber('\u212Aelvin@example.org', null);
    const res = await post(oldToken('\u212Aelvin@example.org'));
    expect(await res.text()).toContain('You are unsubscribed');
    expect((await store.findSubscriber('kelvin@example.org'))?.status).toBe('unsubscribed');
  });

  it('says "unsubscribed" only when a row changed or had already: not for an address not on the list', async () => {
    const stranger = await post(signUnsubscribeToken('stranger@example.org', SECRET));
    expect(stranger.status).toBe(404);
    const page = await stranger.text();
    expect(page).toContain('not on the list');
    expect(page).not.toMatch(/you are unsubscribed/i);
    const token = signUnsubscribeToken('ana@example.org', SECRET);
    expect(await (await post(token)).text()).toContain('You are unsubscribed');
    const twice = await (await post(token)).text();
    expect(twice).toContain('You were already unsubscribed');
    const confirm = await (await fetch(`${server.url}/unsubscribe?token=${token}`)).text();
    expect(confirm).toContain('already unsubscribed');
    expect(confirm).not.toContain('<form');
  });

  it('records the unsubscribe in the history: the link, and the address it came from', async () => {
    await post(signUnsubscribeToken('ana@example.org', SECRET));
    await post(signUnsubscribeToken('ana@example.org', SECRET));
    const ana = await store.findSubscriber('ana@example.org');
    const events = await store.history.list(ana?.id ?? 0);
    expect(events.map((e) => [e.kind, e.source])).toEqual([
      ['subscribed', 'cli'],
      ['unsubscribed', 'link'],
    ]);
    expect(events[1]?.ip).toMatch(/127\.0\.0\.1|::1/);
  });

  it('answers 400 to a bad token and changes nothing', async () => {
    const res = await fetch(`${server.url}/unsubscribe?token=nope`, { method: 'POST', body: '' });
    expect(res.status).toBe(400);
    expect((await store.findSubscriber('ana@example.org'))?.status).toBe('active');
  });
});
