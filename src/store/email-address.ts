import { domainToASCII } from 'node:url';

/** RFC 5322 "atext": the characters of an unquoted local part, besides the dot. */
const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
/** One DNS label after IDNA: letters, digits, inner hyphens. */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A top-level domain: letters, or an IDNA "xn--" label. */
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The one form an address is stored, compared and signed in: the same everywhere (store
 * lookups and inserts, unsubscribe tokens, CSV import, CLI, ops API), on SQLite and Postgres.
 *
 * - the domain goes to IDNA ASCII (UTS #46 mapping, as URLs do): `BÜCHER.example`,
 *   `bücher.example` and `xn--bcher-kva.example` are all `xn--bcher-kva.example`, and the
 *   Kelvin sign (U+212A) in a domain is a `k`;
 * - the local part is folded: Unicode compatibility normalisation (NFKC: the Kelvin sign is
 *   `K`, fullwidth `Ａ` is `A`, the long s `ſ` is `s`), then Unicode lower case. Mail providers
 *   treat the local part case-insensitively, and the list always has (one row per address in
 *   any case);
 * - surrounding white space goes.
 *
 * Never throws: an address that cannot be normalised (no @, a domain IDNA refuses) comes
 * back trimmed and lower-cased, and emailAddressProblem says what is wrong with it.
 */
export function normalizeEmailAddress(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return foldLocalPart(trimmed);
  const local = foldLocalPart(trimmed.slice(0, at));
  const domain = trimmed.slice(at + 1);
  const ascii = domainToASCII(domain);
  return `${local}@${ascii === '' ? domain.toLowerCase() : ascii}`;
}

function foldLocalPart(local: string): string {
  return local.normalize('NFKC').toLowerCase();
}

/**
 * The normalised address, or why it is refused: what every place that takes an address from
 * a person or a file (CLI, CSV import, API) calls before the store.
 */
export function checkEmailAddress(address: string): { address: string } | { problem: string } {
  const normalized = normalizeEmailAddress(address);
  const problem = emailAddressProblem(normalized);
  return problem === null ? { address: normalized } : { problem };
}

/**
 * Checks an address the way a mailing list should: strict enough to refuse typos that could
 * never be delivered, loose enough to keep every address a mail provider hands out.
 *
 * The rule: `local@domain`, at most 254 characters; the local part is a dot-atom (RFC 5322
 * atext characters, dots only between them, at most 64); quoted local parts and IP-literal
 * domains are refused (real subscribers do not have them); the domain has two or more DNS
 * labels after IDNA (so `bücher.example` passes), and a top-level label of letters.
 * Returns the reason an address is refused, or null when it is acceptable.
 */
export function emailAddressProblem(address: string): string | null {
  if (address.length === 0) return 'is empty';
  if (address.length > 254) return 'is longer than 254 characters';
  const at = address.lastIndexOf('@');
  if (at < 0) return 'has no @';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length === 0) return 'has nothing before the @';
  if (local.length > 64) return 'has more than 64 characters before the @';
  if (!local.split('.').every((atom) => ATEXT.test(atom))) return 'has a character not allowed before the @';
  return domainProblem(domain);
}

function domainProblem(domain: string): string | null {
  if (domain.length === 0) return 'has no domain after the @';
  const ascii = domainToASCII(domain.toLowerCase());
  if (ascii === '') return `has an invalid domain "${domain}"`;
  const labels = ascii.split('.');
  if (labels.length < 2) return `has a domain without a dot "${domain}"`;
  if (!labels.every((l) => LABEL.test(l))) return `has an invalid domain "${domain}"`;
  if (!TLD.test(labels.at(-1) ?? '')) return `has an invalid top-level domain "${domain}"`;
  if (ascii.length > 253) return 'has a domain longer than 253 characters';
  return null;
}
