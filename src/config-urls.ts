import { isIP, isIPv4, isIPv6 } from 'node:net';
import { z } from 'zod';
import { looksLikeUrl, maskUrlValue } from './url-mask.ts';

/** What a URL variable may hold. */
export interface ServerUrlRule {
  /** Accepted schemes, without `://`: `['smtp', 'smtps']`. */
  schemes: readonly string[];
  /** The right form, shown in every refusal: `smtp://user:pass@host:587`. */
  example: string;
  /** A user name or password in the URL is refused (PUBLIC_URL: it would be in every link). */
  noCredentials?: boolean;
  /** A query or fragment is refused (PUBLIC_URL: paths are appended to it). */
  noQuery?: boolean;
  /** The path and query are a secret (a webhook's key): an error shows the scheme and host only. */
  secretPath?: boolean;
}

/** How the value of a URL-valued schema may be shown in an error line (see shownValue). */
const SHOWN = new WeakMap<z.ZodType, (value: string) => string>();

/** Marks `schema` as holding a URL whose value is shown through `show` (credentials masked). */
export function showUrlAs<T extends z.ZodType>(schema: T, show: (value: string) => string): T {
  SHOWN.set(schema, show);
  return schema;
}

/**
 * `value` as an error line may show it for a variable whose schema is `schema`, when the schema
 * (under any optional, default or preprocess around it) holds a URL: credentials masked. Null
 * for a schema that holds no URL. Derived from the schema, so a URL variable added later is
 * masked without a list to keep.
 */
export function shownUrlValue(schema: z.ZodType, value: string): string | null {
  const show = findShow(schema, 0);
  return show ? show(value) : null;
}

function findShow(schema: z.ZodType | undefined, depth: number): ((value: string) => string) | undefined {
  if (!schema || depth > 8) return undefined;
  const own = SHOWN.get(schema);
  if (own) return own;
  const def = schema._zod.def as { innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType };
  return findShow(def.innerType, depth + 1) ?? findShow(def.in, depth + 1) ?? findShow(def.out, depth + 1);
}

/**
 * A URL variable that names a server: one of the rule's schemes, a host that is a DNS name
 * or an IP address (`smtp://user:pw@` with no host, `smtp://relay%20example`, `smtp://[::1`
 * are refused at start, not at the first send), and a port from 1 to 65535 if one is given.
 */
export function serverUrl(rule: ServerUrlRule) {
  const schema = z.string().superRefine((value, ctx) => {
    const problem = serverUrlProblem(value, rule);
    if (problem === WRONG_SCHEME) ctx.addIssue({ code: 'custom', message: `must look like ${rule.example}` });
    else if (problem)
      ctx.addIssue({ code: 'custom', message: `${problem}: it must look like ${rule.example}` });
  });
  return showUrlAs(schema, (value) => maskUrlValue(value, { hidePath: rule.secretPath === true }));
}

const WRONG_SCHEME = 'has another scheme';

/** Why `value` is not a URL the rule accepts; null when it is. Never repeats the credentials. */
export function serverUrlProblem(value: string, rule: ServerUrlRule): string | null {
  if (/\s/.test(value)) return 'must not contain spaces';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (!scheme || !rule.schemes.includes(scheme)) return WRONG_SCHEME;
  const authority = value.slice(scheme.length + 3).split(/[/?#]/, 1)[0] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (hostPort === '' || hostPort.startsWith(':')) return 'has no host';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    if (hostPort.startsWith('[') && !hostPort.includes(']'))
      return 'has an IPv6 host without its closing "]"';
    if (/:\d*$/.test(hostPort)) return 'has a port that is not a number from 1 to 65535';
    return 'is not a valid URL';
  }
  if (url.port === '0') return 'has a port that is not a number from 1 to 65535';
  if (!isHostName(url.hostname)) return 'has a host that is neither a DNS name nor an IP address';
  if (rule.noCredentials && (url.username !== '' || url.password !== ''))
    return 'must not carry a user name or password (they would be in every link)';
  if (rule.noQuery && (url.search !== '' || url.hash !== ''))
    return 'must not have a query (?…) or a fragment (#…)';
  return null;
}

/** A DNS name (letters, digits, `-` and `_` labels), an IPv4 address, or an IPv6 one in brackets. */
function isHostName(host: string): boolean {
  if (host.startsWith('[')) return host.endsWith(']') && isIPv6(host.slice(1, -1));
  if (/^[\d.]+$/.test(host)) return isIPv4(host);
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return (
    name.length > 0 &&
    name.length <= 253 &&
    name.split('.').every((label) => /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/i.test(label))
  );
}

/**
 * HTTP_TRUST_PROXY: `true`, `false`, or comma-separated addresses and networks
 * (`127.0.0.1,10.0.0.0/8,fd00::/8`), each checked (`10.0.0.0/33` and `999.1.1.1` are refused).
 */
export const trustProxyText = z.string().superRefine((value, ctx) => {
  const v = value.trim();
  if (/^(true|false)$/i.test(v)) return;
  const bad = v.split(',').find((entry) => !isAddressOrNetwork(entry.trim()));
  if (bad === undefined) return;
  ctx.addIssue({
    code: 'custom',
    message: `must be true, false, or comma-separated proxy addresses or networks (127.0.0.1,10.0.0.0/8): ${JSON.stringify(bad.trim().slice(0, 60))} is neither`,
  });
});

function isAddressOrNetwork(entry: string): boolean {
  const [address = '', prefix, more] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || more !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const POSTGRES: ServerUrlRule = {
  schemes: ['postgres', 'postgresql'],
  example: 'postgres://host:5432/digest, with USER:PASSWORD@ before the host',
};

/**
 * DIGEST_DB: a postgres:// (or postgresql://) URL, or the path of a SQLite file. A value that
 * looks like a URL but is not a valid Postgres one (`postgres:/u:pw@host/d`, `postgresql//…`,
 * `mysql://…`) is refused at start: taken as a path, it would quietly become a new, empty
 * SQLite list in folders named after the password.
 */
export const databaseLocation = showUrlAs(
  z
    .string()
    .min(1)
    .superRefine((value, ctx) => {
      if (!looksLikeUrl(value)) return;
      const problem = serverUrlProblem(value, POSTGRES);
      if (problem === null) return;
      const why = problem === WRONG_SCHEME ? 'is not a postgres:// or postgresql:// URL' : problem;
      ctx.addIssue({
        code: 'custom',
        message: `looks like a URL but ${why}: it must look like ${POSTGRES.example}, or be the path of a SQLite file`,
      });
    }),
  (value) => (looksLikeUrl(value) ? maskUrlValue(value) : value),
);
