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

  it('answers 400 to a bad token and changes nothing', async () => {
    const res = await fetch(`${server.url}/unsubscribe?token=nope`, { method: 'POST', body: '' });
    expect(res.status).toBe(400);
    expect((await store.findSubscriber('ana@example.org'))?.status).toBe('active');
  });
});
