import { domainToASCII } from 'node:url';

/** RFC 5322 "atext": the characters of an unquoted local part, besides the dot. */
const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
/** One DNS label after IDNA: letters, digits, inner hyphens. */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A top-level domain: letters, or an IDNA "xn--" label. */
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

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
  return null;
}
