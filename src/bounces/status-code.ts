/** How a failed delivery counts: hard marks the subscriber bounced at once, soft after a few. */
export type FailureKind = 'hard' | 'soft';

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const REPLY = /\b([45])([0-5])(\d)\b/;

/**
 * The enhanced status code (RFC 3463) in a Status field or a diagnostic text, else the SMTP
 * reply code (550) found in the text; null when neither is there.
 */
export function findStatusCode(...texts: (string | null | undefined)[]): string | null {
  for (const text of texts) {
    const enhanced = text ? ENHANCED.exec(text) : null;
    if (enhanced) return enhanced[0];
  }
  for (const text of texts) {
    const reply = text ? REPLY.exec(text) : null;
    if (reply) return reply[0];
  }
  return null;
}

/**
 * Hard or soft, from a status code: class 5 is hard, class 4 soft (RFC 3463), except the
 * permanent failures that are no sign of a dead address: a full mailbox (X.2.2), a message too
 * large (X.3.4) and any security or policy refusal (X.7.X: spam filters, blocked senders,
 * authentication), which count as soft. A reply code alone (550) counts by its first digit.
 * Without a code the text decides, and soft when it says nothing clear.
 */
export function classifyFailure(code: string | null, diagnostic: string | null): FailureKind {
  const enhanced = code ? ENHANCED.exec(code) : null;
  if (enhanced) {
    const [, klass, subject, detail] = enhanced;
    if (klass !== '5') return 'soft';
    if (subject === '7' || (subject === '2' && detail === '2') || (subject === '3' && detail === '4'))
      return 'soft';
    return 'hard';
  }
  if (code && /^5\d\d$/.test(code))
    return HARD_TEXT.test(diagnostic ?? '') || !SOFT_TEXT.test(diagnostic ?? '') ? 'hard' : 'soft';
  if (code && /^4\d\d$/.test(code)) return 'soft';
  return HARD_TEXT.test(diagnostic ?? '') ? 'hard' : 'soft';
}

/** Words of a dead address, for bounces that carry no code. */
const HARD_TEXT =
  /\b(?:user (?:unknown|not found)|unknown user|no such (?:user|mailbox|recipient)|mailbox (?:unavailable|not found|does not exist)|does not exist|recipient (?:address )?rejected|address rejected|invalid (?:recipient|mailbox|address)|account (?:has been )?disabled|permanent(?:ly)? (?:error|failure)|host (?:or domain name )?not found)\b/i;
/** Words of a passing or policy trouble. */
const SOFT_TEXT =
  /\b(?:mailbox (?:is )?full|quota|over ?quota|spam|blocked|blacklist|policy|rate limit|try again|temporar)/i;
