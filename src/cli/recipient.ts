import { DigestError } from '../errors.ts';

/** "Name <a@b>" or "a@b" into its parts. */
export function parseRecipient(value: string): { email: string; name: string | null } {
  const match = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
  if (match) return { name: match[1]?.replace(/^"|"$/g, '') || null, email: match[2] ?? '' };
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value.trim())) return { name: null, email: value.trim() };
  throw new DigestError('SUBSCRIBER_INVALID', `"${value}" is not an email address`);
}
