import { Readable } from 'node:stream';
import { type Attachment, type ParsedMail, simpleParser } from 'mailparser';
import { type FieldBlock, field, parseHeaderSection } from './header-blocks.ts';

/** What the report readers look at in one parsed mail, each piece bounded. */
export interface MailView {
  /** The top-level header section as received. */
  headerText: string;
  headers: FieldBlock;
  subject: string;
  from: string;
  /** The text part (the prose of a bounce), at most 256 KiB. */
  text: string;
  /** The Date header, or now. */
  date: Date;
  /** In-Reply-To: an auto-reply names the original there. */
  inReplyTo: string | null;
  /** The first part of one of these types, as text (at most 64 KiB). */
  part(type: RegExp): string | null;
}

/** Chunks fed to the parser: the event loop gets a turn between them, whatever the mail's size. */
const CHUNK = 64 * 1024;
/** Characters of a part or a header section read for tokens, fields and Message-IDs. */
export const PART_CHARS = 64 * 1024;

// ignoreEmbedded (mailsplit's): a returned message/rfc822 stays one part, even "inline", so its
// headers (Message-ID, Return-Path) can be read; the parser does not descend into it.
const PARSER_OPTIONS = {
  keepDeliveryStatus: true,
  ignoreEmbedded: true,
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
  maxHtmlLengthToParse: 256 * 1024,
} as const;

/** Parses a mail with mailparser (its first `maxBytes`), fed in 64 KiB pieces. Rejects on a mail it cannot parse. */
export async function viewMail(raw: Buffer, maxBytes: number): Promise<MailView> {
  const input = raw.subarray(0, maxBytes);
  const chunks: Buffer[] = [];
  for (let i = 0; i < input.length; i += CHUNK) chunks.push(input.subarray(i, i + CHUNK));
  const mail: ParsedMail = await simpleParser(Readable.from(chunks, { objectMode: false }), PARSER_OPTIONS);
  const headerText = mail.headerLines
    .map((h) => h.line)
    .join('\n')
    .slice(0, PART_CHARS);
  const headers = parseHeaderSection(headerText);
  return {
    headerText,
    headers,
    subject: mail.subject ?? '',
    from: mail.from?.text ?? '',
    text: (mail.text ?? '').slice(0, 256 * 1024),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : new Date(),
    inReplyTo: field(headers, 'in-reply-to'),
    part: (type) => {
      const found: Attachment | undefined = mail.attachments.find((a) =>
        type.test(a.contentType.toLowerCase()),
      );
      return found ? found.content.subarray(0, PART_CHARS).toString('utf8') : null;
    },
  };
}
