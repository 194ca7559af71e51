import { isAutoReply } from './auto-reply.ts';
import { field, parseHeaderSection } from './header-blocks.ts';
import { type MailView, viewMail } from './mail-view.ts';
import { jmrpRecipient, parseFeedbackReport } from './parse-arf.ts';
import { parseDeliveryStatus } from './parse-dsn.ts';
import { parseTextBounce } from './parse-text-bounce.ts';
import { type BounceReport, cleanDiagnostic, mostSevere, type RecipientReport } from './report.ts';
import { findVerpTokens } from './verp.ts';

/** Options of readBounceMail. */
export interface ReadBounceOptions {
  /** The bounce mailbox (BOUNCE_ADDRESS): its VERP addresses carry the tokens. */
  bounceAddress: string;
  /** Bytes of the mail parsed at most; the reports come first, the rest is the returned original. Default 1 MiB. */
  maxBytes?: number;
}

/** Bytes of a mail the readers parse: the reports come first, the rest is the returned original. */
export const MAX_PARSED_BYTES = 1024 * 1024;

const REPORT_PART = /^message\/(?:feedback-report|(?:global-)?delivery-status)$/;
const ORIGINAL = /^(?:message\/(?:rfc822|global)|text\/rfc822-headers|message\/global-headers)$/;

/** What a reader found: the shape, the recipients, when, and the returned original (for the clues). */
interface Found {
  format: BounceReport['format'];
  recipients: RecipientReport[];
  at: Date;
  original: string | null;
}

/** The readers, in order: the report parts first, since delivery reports carry Auto-Submitted too. */
const READERS: ((mail: MailView, options: ReadBounceOptions) => Found | null)[] = [
  readDsn,
  readArf,
  readJmrp,
  readProse,
  readAutoReply,
];

/**
 * Reads one mail that reached the bounce mailbox: a delivery status notification
 * (multipart/report; report-type=delivery-status, RFC 3464, or the message/global-delivery-
 * status of RFC 6533), a complaint (ARF, RFC 5965, or Microsoft's JMRP form), a bounce
 * written as prose (Exim, qmail), an auto-reply, or none of these (unparseable). Never
 * throws on bad input: a mail that cannot be read is an unparseable report.
 */
export async function readBounceMail(raw: Buffer, options: ReadBounceOptions): Promise<BounceReport> {
  let mail: MailView;
  try {
    mail = await viewMail(raw, options.maxBytes ?? MAX_PARSED_BYTES);
  } catch (error) {
    return unparseable(`the mail cannot be parsed: ${(error as Error).message}`);
  }
  for (const read of READERS) {
    const found = read(mail, options);
    if (!found) continue;
    const kind =
      found.format === 'auto-reply' ? 'auto-reply' : mostSevere(found.recipients.map((r) => r.kind));
    return {
      format: found.format,
      recipients: found.recipients,
      kind,
      at: found.at,
      note: null,
      ...clues(mail, found.original, options),
    };
  }
  const subject = cleanDiagnostic(mail.subject)?.slice(0, 80) ?? '';
  return {
    ...unparseable(`neither a delivery report, a complaint nor an auto-reply (subject: "${subject}")`),
    ...clues(mail, mail.part(ORIGINAL), options),
  };
}

/** A report that could not be read: it changes nothing and is counted. */
export function unparseable(note: string): BounceReport {
  return {
    format: 'none',
    recipients: [],
    kind: 'unparseable',
    verpTokens: [],
    hadVerpAddress: false,
    originalMessageId: null,
    at: new Date(),
    note: note.slice(0, 300),
  };
}

/** A Message-ID as `<id@domain>`, or null when the value holds none. */
export function normalizeMessageId(value: string | null): string | null {
  const id = value ? /<?([^\s<>]+@[^\s<>]+)>?/.exec(value)?.[1] : null;
  return id ? `<${id.slice(0, 250)}>` : null;
}

function readDsn(mail: MailView): Found | null {
  const part = mail.part(/^message\/(?:global-)?delivery-status$/);
  const status = part ? parseDeliveryStatus(part) : null;
  if (!status || status.recipients.length === 0) return null;
  return {
    format: 'dsn',
    recipients: status.recipients,
    at: status.at ?? mail.date,
    original: mail.part(ORIGINAL),
  };
}

function readArf(mail: MailView): Found | null {
  const part = mail.part(/^message\/feedback-report$/);
  if (!part) return null;
  const arf = parseFeedbackReport(part);
  const original = mail.part(ORIGINAL);
  // Providers often leave Original-Rcpt-To out; Microsoft's form names the complainer in the original.
  const address = arf.recipient.address ?? (original ? jmrpRecipient(parseHeaderSection(original)) : null);
  return { format: 'arf', recipients: [{ ...arf.recipient, address }], at: arf.at ?? mail.date, original };
}

function readJmrp(mail: MailView): Found | null {
  const original = mail.part(ORIGINAL);
  const address = original ? jmrpRecipient(parseHeaderSection(original)) : null;
  if (!address) return null;
  const recipient: RecipientReport = {
    address,
    kind: 'complaint',
    code: 'abuse',
    diagnostic: 'JMRP complaint',
  };
  return { format: 'arf', recipients: [recipient], at: mail.date, original };
}

function readProse(mail: MailView, options: ReadBounceOptions): Found | null {
  const prose = parseTextBounce({
    from: mail.from,
    subject: mail.subject,
    failedRecipients: field(mail.headers, 'x-failed-recipients'),
    text: mail.text,
    ownAddresses: (address) => isOwnAddress(address, options.bounceAddress),
  });
  if (!prose || prose.recipients.length === 0) return null;
  return {
    format: 'text',
    recipients: prose.recipients,
    at: mail.date,
    original: mail.part(ORIGINAL) ?? prose.original,
  };
}

function readAutoReply(mail: MailView): Found | null {
  if (!isAutoReply({ subject: mail.subject, header: (name) => field(mail.headers, name) })) return null;
  return { format: 'auto-reply', recipients: [], at: mail.date, original: mail.part(ORIGINAL) };
}

/**
 * Where the delivery is named: VERP addresses the report came to, its report part names or
 * the original came from; the original's Message-ID.
 */
function clues(mail: MailView, original: string | null, options: ReadBounceOptions) {
  const returned = original ? headerSection(original) : null;
  // The report part names the envelope sender too (ARF's Original-Mail-From, Postfix's
  // X-Postfix-Sender): a feedback loop that sends no copy of the original still gives the token.
  const report = mail.part(REPORT_PART);
  const tokens = [mail.headerText, returned, report].flatMap((t) =>
    t ? findVerpTokens(t, options.bounceAddress) : [],
  );
  const fromOriginal = returned ? field(parseHeaderSection(returned), 'message-id') : null;
  return {
    verpTokens: [...new Set(tokens)],
    hadVerpAddress: tokens.length > 0,
    // An auto-reply names the original in In-Reply-To, not in a part.
    originalMessageId: normalizeMessageId(fromOriginal ?? mail.inReplyTo),
  };
}

function headerSection(message: string): string {
  const end = message.search(/\r?\n\r?\n/);
  return end < 0 ? message : message.slice(0, end);
}

function isOwnAddress(address: string, bounceAddress: string): boolean {
  const at = bounceAddress.lastIndexOf('@');
  const local = bounceAddress.slice(0, at).toLowerCase();
  const domain = bounceAddress.slice(at + 1).toLowerCase();
  return (
    address.endsWith(`@${domain}`) && (address.startsWith(`${local}@`) || address.startsWith(`${local}+`))
  );
}
