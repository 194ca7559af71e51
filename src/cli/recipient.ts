import { DigestError } from '../errors.ts';
import { parseMailbox } from '../mailbox.ts';

/** "Name <a@b>" or "a@b" into its parts, the address in normal form; SUBSCRIBER_INVALID otherwise. */
export function parseRecipient(value: string): { email: string; name: string | null } {
  const mailbox = parseMailbox(value);
  if ('problem' in mailbox) throw new DigestError('SUBSCRIBER_INVALID', mailbox.problem);
  return mailbox;
}
