import { addressOf } from './header-blocks.ts';
import { cleanDiagnostic, type RecipientReport } from './report.ts';
import { classifyFailure, findStatusCode } from './status-code.ts';

/** A bounce written as prose (no message/delivery-status): Exim's classic form, qmail, and the like. */
export interface TextBounce {
  recipients: RecipientReport[];
  /** The returned original message, from its copy marker on (its headers hold Message-ID and Return-Path). */
  original: string | null;
}

/** Senders of bounces: the local parts mail systems send them from. */
const DAEMON = /^(?:mailer-daemon|postmaster|mail delivery (?:system|subsystem)|mail administrator)\b/i;
const BOUNCE_SUBJECT =
  /\b(?:undeliver(?:ed|able)|delivery (?:status notification|failure|failed|has failed)|failure notice|mail delivery failed|returned mail|could not be delivered|non[- ]?delivery)/i;
const BOUNCE_TEXT =
  /(?:could not be delivered|wasn't able to deliver|was not delivered|delivery to the following recipient|permanent error|the following address(?:es)? failed|delivery has failed|unable to deliver)/i;
/** The line where a prose bounce starts its copy of the original message. */
const COPY_MARKER =
  /^[ \t]*-{2,}.*(?:copy of the message|below this line|original message|undelivered message|returned message)/i;
/** A marker is a short line: longer ones are not tested (a line of dashes is no reason to backtrack). */
const MAX_MARKER_LINE = 200;
/** Characters of the explanation looked at, before the copy of the original. */
const MAX_EXPLANATION = 16_384;
const LOCAL_CHAR = /[a-z0-9._%+'!#$&*/=?^`{|}~-]/i;
const DOMAIN = /^[a-z0-9.-]{1,250}\.[a-z]{2,63}/i;

/**
 * Reads a bounce that has no delivery-status part, when the mail looks like one: sent by a
 * mailer daemon or postmaster, or with a bounce subject or an X-Failed-Recipients header, and
 * a text that says a delivery failed. The failed recipients come from X-Failed-Recipients,
 * else the first address of the explanation (the part before the copy of the original) that
 * is not the bounce mailbox's own; the code and the words from the lines after it. null when
 * the mail does not look like a bounce.
 */
export function parseTextBounce(mail: {
  from: string;
  subject: string;
  failedRecipients: string | null;
  text: string;
  ownAddresses: (address: string) => boolean;
}): TextBounce | null {
  const looksLikeBounce =
    mail.failedRecipients !== null ||
    ((DAEMON.test(mail.from) || BOUNCE_SUBJECT.test(mail.subject)) && BOUNCE_TEXT.test(mail.text));
  if (!looksLikeBounce) return null;
  const marker = findCopyMarker(mail.text);
  const explanation = mail.text.slice(0, Math.min(marker?.start ?? MAX_EXPLANATION, MAX_EXPLANATION));
  const original = marker ? mail.text.slice(marker.end).replace(/^\s*\n/, '') : null;
  const permanent = /permanent (?:error|failure)|given up|giving up/i.test(explanation);
  const listed = (mail.failedRecipients ?? '')
    .split(',')
    .map((a) => addressOf(a))
    .filter((a): a is string => a !== null);
  const addresses = listed.length > 0 ? listed : firstForeignAddress(explanation, mail.ownAddresses);
  const recipients = addresses.slice(0, 10).map((address) => {
    const words = wordsAbout(explanation, address);
    const code = findStatusCode(words);
    const kind = classifyFailure(code, words);
    return {
      address,
      // A prose bounce that calls itself permanent and quotes no code is a hard one.
      kind: code === null && permanent ? 'hard' : kind,
      code,
      diagnostic: cleanDiagnostic(words),
    } satisfies RecipientReport;
  });
  return { recipients, original };
}

/** Where the copy of the original starts: its marker line's start and end. Linear in the text. */
function findCopyMarker(text: string): { start: number; end: number } | null {
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end - start <= MAX_MARKER_LINE && COPY_MARKER.test(text.slice(start, end))) return { start, end };
    start = end + 1;
  }
  return null;
}

/**
 * The first address in the text that is not ours nor a mailer daemon's. Found from each `@`
 * outwards (a local part of at most 64 characters, a domain with a dotted name), never by a
 * pattern that backtracks over a long run of address characters.
 */
function firstForeignAddress(text: string, own: (address: string) => boolean): string[] {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let from = at;
    while (from > 0 && at - from <= 64 && LOCAL_CHAR.test(text[from - 1] ?? '')) from--;
    if (from === at || at - from > 64) continue;
    const domain = DOMAIN.exec(text.slice(at + 1, at + 256))?.[0];
    if (!domain) continue;
    const address = `${text.slice(from, at)}@${domain}`.toLowerCase();
    if (!own(address) && !DAEMON.test(address)) return [address];
  }
  return [];
}

/** The lines of the explanation after the address's first mention: what the server said. */
function wordsAbout(explanation: string, address: string): string {
  const at = explanation.toLowerCase().indexOf(address);
  const after = at < 0 ? explanation : explanation.slice(at + address.length);
  const lines = after
    .slice(0, 4096)
    .split(/\r?\n/)
    .map((l) => l.trim());
  // From the first line with a reply code (or the next few lines), up to a blank line.
  const start = lines.findIndex((l) => /\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b/.test(l));
  const from = start >= 0 && start < 12 ? start : 0;
  const end = lines.findIndex((l, i) => i > from && l === '');
  return lines
    .slice(from, end < 0 ? from + 6 : end)
    .join(' ')
    .slice(0, 1000);
}
