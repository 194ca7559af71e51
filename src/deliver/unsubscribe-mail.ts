import { simpleParser } from 'mailparser';
import { DigestError } from '../errors.ts';
import type { DigestStore } from '../store/store.ts';
import { type UnsubscribeOutcome, unsubscribeAddress } from './unsubscribe-address.ts';
import { verifyUnsubscribeToken } from './unsubscribe-token.ts';

/** A token as signUnsubscribeToken writes it: base64url address, ".", base64url HMAC-SHA256. */
const TOKEN = /[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/**
 * Acts on a mail sent to the List-Unsubscribe mailto address: the subject the link asks for
 * ("unsubscribe TOKEN") carries the subscriber's signed token, checked as the one-click link
 * checks it, so nobody can unsubscribe someone else by forging a From line. The body is
 * searched too, for clients that move the subject. Returns the token's address and what was done.
 */
export async function unsubscribeByMail(
  message: Buffer | string,
  store: DigestStore,
  secret: string,
): Promise<{ email: string; outcome: UnsubscribeOutcome }> {
  const mail = await simpleParser(message);
  const haystacks = [mail.subject ?? '', mail.text ?? ''];
  for (const text of haystacks) {
    for (const [candidate] of text.matchAll(TOKEN)) {
      const email = verifyUnsubscribeToken(candidate, secret);
      if (email === null) continue;
      const from = mail.from?.value[0]?.address ?? null;
      const note = `unsubscribe mail${from ? ` from ${from}` : ''}`;
      return { email, outcome: await unsubscribeAddress(store, email, { source: 'mail', note }) };
    }
  }
  const from = mail.from?.value[0]?.address ?? 'an unknown sender';
  throw new DigestError(
    'UNSUBSCRIBE_UNVERIFIED',
    `the mail from ${from} carries no valid unsubscribe token (subject: "${(mail.subject ?? '').slice(0, 80)}"); nobody was unsubscribed`,
  );
}
