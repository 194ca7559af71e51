import { describe, expect, it } from 'vitest';
import {
  addAccount,
  issueSignInLink,
  redeemSignInLink,
  removeAccount,
  sessionAccount,
  signIn,
  signOut,
} from '../../src/accounts/accounts.ts';
import { hashPassword, verifyPassword } from '../../src/accounts/password.ts';
import { hashToken } from '../../src/accounts/tokens.ts';
import { eachStore } from '../helpers/store-backends.ts';

const PUBLIC = 'https://digest.example.org';
const PASSWORD = 'correct horse battery';
const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';

describe('passwords', () => {
  it('are hashed with scrypt and a fresh salt each time, and verified only by the right password', async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword('correct horse battery!', a)).toBe(false);
  });

  it('refuses a stored hash that asks for an unbounded cost, without computing it', async () => {
    const greedy = (await hashPassword(PASSWORD)).replace('scrypt$15$', 'scrypt$30$');
    expect(await verifyPassword(PASSWORD, greedy)).toBe(false);
  });
});

eachStore('accounts and sessions in the $name store', (t) => {
  const add = (email = 'Eve@Example.org', role: 'editor' | 'ops' | 'admin' = 'editor') =>
    addAccount(t.store, { email, role, actor: 'root@cli', publicUrl: PUBLIC });

  it('creates a named account with a one-time link, and refuses the same address twice', async () => {
    const { account, link } = await add();
    expect(account).toMatchObject({ email: 'eve@example.org', role: 'editor', hasPassword: false });
    expect(link).toMatch(/^https:\/\/digest\.example\.org\/desk\/welcome\?token=[\w-]{43}$/);
    await expect(add('EVE@example.org', 'ops')).rejects.toThrow(/has an account already/);
    await expect(add('not-an-address')).rejects.toThrow(/has no @/);
  });

  it('sets the password with the link and signs in; the link works once, a short password spends nothing', async () => {
    const { link } = await add();
    await expect(
      redeemSignInLink(t.store, { token: tokenOf(link), password: 'short', ip: null }),
    ).rejects.toThrow(/at least 12/);
    const session = await redeemSignInLink(t.store, {
      token: tokenOf(link),
      password: PASSWORD,
      ip: '127.0.0.1',
    });
    expect(session?.account.email).toBe('eve@example.org');
    expect(
      await redeemSignInLink(t.store, { token: tokenOf(link), password: PASSWORD, ip: null }),
    ).toBeNull();
    expect((await sessionAccount(t.store, session?.token))?.email).toBe('eve@example.org');
    expect((await t.store.accounts.findUser('eve@example.org'))?.hasPassword).toBe(true);
  });

  it('opens one session when the same link is used twice at once', async () => {
    const { link } = await add();
    const uses = await Promise.all([
      redeemSignInLink(t.store, { token: tokenOf(link), password: PASSWORD, ip: null }),
      redeemSignInLink(t.store, { token: tokenOf(link), password: PASSWORD, ip: null }),
    ]);
    expect(uses.filter((u) => u !== null)).toHaveLength(1);
  });

  it('signs in with the right password only, and writes each attempt to the audit log', async () => {
    const { link } = await add();
    await redeemSignInLink(t.store, { token: tokenOf(link), password: PASSWORD, ip: null });
    expect(
      await signIn(t.store, { email: 'eve@example.org', password: 'wrong password!!', ip: '10.0.0.9' }),
    ).toBeNull();
    expect(await signIn(t.store, { email: 'nobody@example.org', password: PASSWORD, ip: null })).toBeNull();
    const session = await signIn(t.store, { email: 'EVE@example.org', password: PASSWORD, ip: null });
    expect(session?.account.role).toBe('editor');
    const actions = (await t.store.audit.list({ limit: 20 })).map((e) => e.action);
    expect(actions.filter((a) => a === 'session.refused')).toHaveLength(2);
    expect(actions).toEqual(expect.arrayContaining(['user.add', 'user.password-set', 'session.sign-in']));
  });

  it('ends sessions that expired, that signed out, and all of an account that was removed', async () => {
    const { account, link } = await add();
    const first = await redeemSignInLink(t.store, { token: tokenOf(link), password: PASSWORD, ip: null });
    await t.store.accounts.createSession(hashToken('x'.repeat(43)), account.id, new Date(Date.now() - 1000));
    expect(await sessionAccount(t.store, 'x'.repeat(43))).toBeNull();
    const second = await signIn(t.store, { email: account.email, password: PASSWORD, ip: null });
    await signOut(t.store, second?.token, account.email);
    expect(await sessionAccount(t.store, second?.token)).toBeNull();
    expect(await sessionAccount(t.store, first?.token)).not.toBeNull();
    await removeAccount(t.store, { email: account.email, actor: 'root@cli' });
    expect(await sessionAccount(t.store, first?.token)).toBeNull();
    expect(await signIn(t.store, { email: account.email, password: PASSWORD, ip: null })).toBeNull();
    await expect(
      issueSignInLink(t.store, { email: account.email, actor: 'root@cli', publicUrl: PUBLIC }),
    ).rejects.toThrow(/no active account/);
  });

  it('keeps only hashes of tokens: a link or session token is not in the store', async () => {
    const { link } = await add();
    expect(await t.store.accounts.findSignInLink(tokenOf(link), new Date())).toBeNull();
    expect(await t.store.accounts.findSignInLink(hashToken(tokenOf(link)), new Date())).not.toBeNull();
  });
});
