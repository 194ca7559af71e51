import { z } from 'zod';
import { type MailboxOptions, parseMailbox, parseMailboxList } from './mailbox.ts';

/**
 * The kinds of value our variables hold, each with an error that says what would be right
 * ("must be a port number", not "expected number, received NaN"). An empty value counts as
 * unset, so a .env copied from .env.example can leave a line blank.
 */

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A number written in digits (with a decimal point when `decimal`) that passes `check`; else `message`. */
function numberVariable(fallback: number, check: (n: number) => boolean, message: string, decimal = false) {
  const digits = decimal ? /^\d+(\.\d+)?$/ : /^\d+$/;
  return z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .refine((v) => digits.test(v) && check(Number(v)), message)
      .transform(Number)
      .default(fallback),
  );
}

/** A whole number from `min` to `max` (default: no upper bound); `fallback` when unset. */
export function wholeNumber(fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) {
  const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
  return numberVariable(fallback, (n) => n >= min && n <= max, `must be a whole number ${range}`);
}

/** A TCP port (0 lets the system pick one); `fallback` when unset. */
export function portNumber(fallback: number) {
  return numberVariable(fallback, (n) => n <= 65_535, 'must be a port number (0 to 65535)');
}

/** A decimal number that passes `check`, which `message` describes; `fallback` when unset. */
export function decimalNumber(fallback: number, check: (n: number) => boolean, message: string) {
  return numberVariable(fallback, check, message, true);
}

/**
 * One address, `Name <address>` or `address`, kept as written (it goes into headers as is).
 * The address must pass the subscriber rule, `name@localhost` aside when `options` allow it.
 */
export function mailboxText(options: MailboxOptions = {}) {
  return z.string().superRefine((value, ctx) => {
    const parsed = parseMailbox(value, options);
    if ('problem' in parsed)
      ctx.addIssue({ code: 'custom', message: `must be an address or "Name <address>": ${parsed.problem}` });
  });
}

/**
 * A comma-separated list of addresses (`EDITOR_EMAILS=ana@example.org, Ben <ben@example.org>`),
 * parsed into mailboxes in normal form; an empty value is an empty list.
 */
export function mailboxList(options: MailboxOptions = {}) {
  return z.string().transform((value, ctx) => {
    const parsed = parseMailboxList(value, options);
    if (!('problem' in parsed)) return parsed;
    ctx.addIssue({
      code: 'custom',
      message: `must be a comma-separated list of addresses: ${parsed.problem}`,
    });
    return z.NEVER;
  });
}
