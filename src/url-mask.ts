/**
 * How a URL-valued setting is shown in an error line: never its user name or password,
 * whatever the shape of the mistake. The URL parser cannot be trusted to find the credentials
 * in a value that is wrong (an unencoded `/` or `#` in a password, `smtp:/`, `smtp//`, no
 * scheme, no host), so this works on the text: everything before the last `@` is credentials.
 */

/** Schemes a setting of ours takes: shown even when the slashes after them are missing. */
const KNOWN_SCHEMES = new Set([
  'smtp',
  'smtps',
  'redis',
  'rediss',
  'http',
  'https',
  'postgres',
  'postgresql',
]);

/** Options of maskUrlValue. */
export interface MaskOptions {
  /** Show the scheme and host only (webhook URLs carry their key in the path or query). */
  hidePath?: boolean;
}

/**
 * `value` with its credentials replaced by `***`: `smtp://AKIA:pa/ss@relay:587` is shown as
 * `smtp://***@relay:587`, `user:pw@relay` as `***@relay`, `smtp://user:pw` (no host) as
 * `smtp://user:***`. What is left is the scheme as typed and the part after the last `@`.
 */
export function maskUrlValue(value: string, options: MaskOptions = {}): string {
  const scheme = schemePrefix(value);
  const rest = value.slice(scheme.length);
  const at = rest.lastIndexOf('@');
  const tail = at >= 0 ? rest.slice(at + 1) : maskPortlessPassword(rest);
  const shown = options.hidePath ? tail.replace(/[/?#].*$/s, '/…') : tail;
  return `${scheme}${at >= 0 ? '***@' : ''}${shown}`;
}

/**
 * True when a DIGEST_DB value is meant as a URL rather than a file path: a scheme (a word of
 * two or more letters, then `:` and `/`, so `C:/data` stays a path), `@` with `:`, or a start
 * of `postgres`.
 */
export function looksLikeUrl(value: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]+:\//i.test(value) ||
    (value.includes('@') && value.includes(':')) ||
    /^postgres/i.test(value)
  );
}

/** `smtp://`, `smtp:/`, `smtp//`, `smtps:///` or `smtp:` as typed; '' when there is none. */
function schemePrefix(value: string): string {
  const match = /^([a-z][a-z0-9+.-]*)(:\/*|\/+)/i.exec(value);
  if (!match) return '';
  const [prefix, word = '', separator = ''] = match;
  // `user:pw@host` has no scheme: "user" is only taken as one when slashes follow it.
  return separator.includes('/') || KNOWN_SCHEMES.has(word.toLowerCase()) ? prefix : '';
}

/**
 * Without `@` there are no credentials, unless the host was left out (`smtp://user:pw`): a
 * "port" that is not digits is hidden, with all that follows it.
 */
function maskPortlessPassword(rest: string): string {
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  if (authority.startsWith('[')) return rest;
  const colon = authority.indexOf(':');
  if (colon < 0 || /^\d*$/.test(authority.slice(colon + 1))) return rest;
  // What follows may be the rest of a password holding `/`, `?` or `#`: hidden too.
  return `${authority.slice(0, colon)}:***`;
}
