import { checkEmailAddress } from './store/email-address.ts';

/** A person's address as written in a header or a setting: `Name <address>` or `address`. */
export interface Mailbox {
  /** In normal form (see normalizeEmailAddress). */
  email: string;
  name: string | null;
}

/** Options of parseMailbox and parseMailboxList. */
export interface MailboxOptions {
  /** Accept `name@localhost` (a sender for the dev inbox); subscribers never have it. Default false. */
  localhost?: boolean;
}

/** One mailbox, or why it is not one. */
export function parseMailbox(text: string, options: MailboxOptions = {}): Mailbox | { problem: string } {
  const trimmed = text.trim();
  const angle = /^(.*?)\s*<([^<>]*)>$/.exec(trimmed);
  const address = angle ? (angle[2] ?? '') : trimmed;
  const name = angle ? (angle[1] ?? '').trim().replace(/^"(.*)"$/, '$1') || null : null;
  if (/[<>]/.test(address)) return { problem: `"${trimmed}" is not an address or "Name <address>"` };
  // localhost is a real mail domain on this machine, just not a subscriber's: check it as x.localhost.
  const local = options.localhost === true && /@localhost$/i.test(address);
  const checked = checkEmailAddress(local ? `${address}.test` : address);
  if ('problem' in checked) return { problem: `"${address}" ${checked.problem}` };
  return { email: local ? checked.address.slice(0, -'.test'.length) : checked.address, name };
}

/**
 * A comma-separated list of mailboxes (`Ana <ana@example.org>, ben@example.org`); commas
 * inside quotes or angle brackets do not split. Returns the mailboxes or the first problem.
 */
export function parseMailboxList(
  text: string,
  options: MailboxOptions = {},
): Mailbox[] | { problem: string } {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (c === '<' && !quoted) angled = true;
    else if (c === '>' && !quoted) angled = false;
    if (c === ',' && !quoted && !angled) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  const mailboxes: Mailbox[] = [];
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    const mailbox = parseMailbox(part, options);
    if ('problem' in mailbox) return mailbox;
    mailboxes.push(mailbox);
  }
  return mailboxes;
}
