import { DigestError } from '../errors.ts';
import type { Account, Role } from '../store/accounts.ts';
import { ROLES } from '../store/accounts.ts';
import { checkEmailAddress, normalizeEmailAddress as normalized } from '../store/email-address.ts';
import type { DigestStore } from '../store/store.ts';
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { hashToken, isToken, newToken } from './tokens.ts';

/** How long a one-time sign-in link stays valid. */
export const LINK_TTL_MS = 24 * 3_600_000;
/** How long a session lasts from sign-in, however active: then the desk asks again. */
export const SESSION_TTL_MS = 12 * 3_600_000;

/** Where a sign-in link leads: the page that sets the password and signs in. */
export function signInLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/desk/welcome?token=${token}`;
}

/** Reads a role name, or a USAGE error listing the roles. */
export function parseRole(value: string): Role {
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new DigestError('USAGE', `--role must be one of ${ROLES.join(', ')}, got "${value}"`);
}

/**
 * Creates a named account and its first one-time sign-in link (valid LINK_TTL_MS). The
 * address is checked and normalised as subscribers' are. Written to the audit log.
 */
export async function addAccount(
  store: DigestStore,
  input: { email: string; role: Role; actor: string; publicUrl: string },
): Promise<{ account: Account; link: string }> {
  const checked = checkEmailAddress(input.email);
  if ('problem' in checked) throw new DigestError('ACCOUNT_INVALID', `"${input.email}" ${checked.problem}`);
  const account = await store.accounts.addUser(checked.address, input.role);
  if (!account) {
    throw new DigestError(
      'ACCOUNT_INVALID',
      `${checked.address} has an account already (\`digest users link ${checked.address}\` makes a new sign-in link)`,
    );
  }
  await store.audit.record({
    actor: input.actor,
    action: 'user.add',
    target: account.email,
    detail: { role: input.role },
  });
  return { account, link: await issueLink(store, account, input.publicUrl) };
}

/** A new one-time sign-in link for an existing, active account (a forgotten password). */
export async function issueSignInLink(
  store: DigestStore,
  input: { email: string; actor: string; publicUrl: string },
): Promise<string> {
  const account = await store.accounts.findUser(normalized(input.email));
  if (!account || account.disabledAt)
    throw new DigestError('ACCOUNT_INVALID', `no active account ${input.email}`);
  await store.audit.record({ actor: input.actor, action: 'user.link', target: account.email });
  return issueLink(store, account, input.publicUrl);
}

/** Disables an account, ending its sessions and links. */
export async function removeAccount(
  store: DigestStore,
  input: { email: string; actor: string },
): Promise<void> {
  if (!(await store.accounts.disableUser(normalized(input.email)))) {
    throw new DigestError('ACCOUNT_INVALID', `no active account ${input.email}`);
  }
  await store.audit.record({ actor: input.actor, action: 'user.remove', target: normalized(input.email) });
}

/** A signed-in session: the token for the cookie (never stored as such) and the account. */
export interface NewSession {
  token: string;
  account: Account;
  expiresAt: Date;
}

/**
 * Uses a one-time link: sets the account's password and opens a session. The link is spent
 * in one statement, so of two uses at once one wins. null when the link is unknown, used,
 * expired or its account disabled.
 */
export async function redeemSignInLink(
  store: DigestStore,
  input: { token: string; password: string; ip: string | null },
): Promise<NewSession | null> {
  if (!isToken(input.token)) return null;
  const waiting = await store.accounts.findSignInLink(hashToken(input.token), new Date());
  if (!waiting) return null;
  const problem = passwordProblem(input.password, waiting.email);
  if (problem) throw new DigestError('ACCOUNT_INVALID', `the password ${problem}`);
  const hash = await hashPassword(input.password);
  const account = await store.accounts.spendSignInLink(hashToken(input.token), new Date());
  if (!account) return null;
  await store.accounts.setPassword(account.id, hash);
  await store.audit.record({
    actor: account.email,
    action: 'user.password-set',
    target: account.email,
    detail: { ip: input.ip },
  });
  return openSession(store, account, input.ip);
}

/**
 * Signs in with address and password: a session, or null. An unknown address costs the same
 * hash as a known one, so the answer time does not tell which addresses have accounts.
 */
export async function signIn(
  store: DigestStore,
  input: { email: string; password: string; ip: string | null },
): Promise<NewSession | null> {
  const account = await store.accounts.findUser(normalized(input.email));
  const hash = account && !account.disabledAt ? await store.accounts.passwordHash(account.id) : null;
  const valid = await verifyPassword(input.password, hash ?? DUMMY_HASH);
  if (!account || !hash || !valid) {
    await store.audit.record({
      actor: 'anonymous',
      action: 'session.refused',
      target: normalized(input.email),
      detail: { ip: input.ip },
    });
    return null;
  }
  return openSession(store, account, input.ip);
}

/** The account of a session cookie's token, or null (unknown, expired, disabled). */
export async function sessionAccount(store: DigestStore, token: unknown): Promise<Account | null> {
  if (!isToken(token)) return null;
  return (await store.accounts.findSession(hashToken(token), new Date()))?.account ?? null;
}

/** Ends a session. */
export async function signOut(store: DigestStore, token: unknown, actor: string): Promise<void> {
  if (!isToken(token)) return;
  await store.accounts.endSession(hashToken(token));
  await store.audit.record({ actor, action: 'session.sign-out', target: actor });
}

async function openSession(store: DigestStore, account: Account, ip: string | null): Promise<NewSession> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await store.accounts.createSession(hashToken(token), account.id, expiresAt);
  await store.audit.record({
    actor: account.email,
    action: 'session.sign-in',
    target: account.email,
    detail: { ip },
  });
  return { token, account, expiresAt };
}

async function issueLink(store: DigestStore, account: Account, publicUrl: string): Promise<string> {
  const token = newToken();
  await store.accounts.createSignInLink(account.id, hashToken(token), new Date(Date.now() + LINK_TTL_MS));
  return signInLinkUrl(publicUrl, token);
}
