import { DigestError } from '../errors.ts';
import type { NewSubscriber } from './store.ts';

/**
 * Bounds of the stored subscriber fields. A name is a greeting, not a document: one of 20 MB
 * once made every send run out of memory. The store refuses past these; the CLI and the CSV
 * import check first, to name the argument or the line.
 */
export const SUBSCRIBER_LIMITS = {
  /** RFC 5321's longest forward path, less the angle brackets. */
  email: 254,
  /** Characters of a name. */
  name: 200,
} as const;

/** Why a subscriber's fields cannot be stored, or null. */
export function subscriberFieldProblem(s: { email: string; name: string | null }): string | null {
  if (s.email.length > SUBSCRIBER_LIMITS.email)
    return `the address is longer than ${SUBSCRIBER_LIMITS.email} characters`;
  if (s.name !== null && s.name.length > SUBSCRIBER_LIMITS.name)
    return `the name is longer than ${SUBSCRIBER_LIMITS.name} characters (${s.name.length})`;
  return null;
}

/** The subscriber unchanged, or a SUBSCRIBER_INVALID error: the store's last line of defence. */
export function checkSubscriberFields<T extends NewSubscriber>(s: T): T {
  const problem = subscriberFieldProblem(s);
  if (problem) throw new DigestError('SUBSCRIBER_INVALID', `${s.email.slice(0, 80)}: ${problem}`);
  return s;
}
