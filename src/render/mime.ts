import { createHash } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer/index.js';
import MimeNode from 'nodemailer/lib/mime-node/index.js';
import type { MessageAttachment, OutgoingMessage } from '../models/message.ts';
import { encodeQuotedPrintable } from './quoted-printable.ts';

/** nodemailer's message options for an outgoing message: the same for .eml export and SMTP. */
export function toMailOptions(message: OutgoingMessage): Mail.Options {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: message.messageId,
    date: message.date,
    headers: message.headers,
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}

/**
 * nodemailer options that send the message composed by composeMime, unchanged: the
 * envelope from the addresses, the raw bytes as the message (DKIM still signs raw messages).
 */
export function toRawMailOptions(message: OutgoingMessage): Mail.Options {
  return { envelope: { from: message.from, to: message.to }, raw: buildMime(message) };
}

/** The complete MIME message (RFC 5322), exactly as it would be sent. */
export function composeMime(message: OutgoingMessage): Promise<Buffer> {
  return Promise.resolve(buildMime(message));
}

/**
 * Writes the message in one synchronous pass: headers through nodemailer's own encoders
 * (addresses, RFC 2047 words, folding), parts with a fast quoted-printable encoder, and the
 * attachments (the same for every recipient of an edition) encoded once and reused.
 * Structure: multipart/mixed { multipart/alternative { text, html }, attachments }.
 */
export function buildMime(message: OutgoingMessage): Buffer {
  // "=_" never occurs in quoted-printable or base64 output: the boundary cannot collide.
  const seed = createHash('sha256').update(message.messageId).digest('hex').slice(0, 24);
  const alternative = `=_alt_${seed}`;
  const body = [
    `--${alternative}\r\n`,
    textPart('text/plain', message.text),
    `\r\n--${alternative}\r\n`,
    textPart('text/html', message.html),
    `\r\n--${alternative}--\r\n`,
  ];
  if (message.attachments.length === 0) {
    return Buffer.from(
      `${rootHeaders(message, 'multipart/alternative', alternative)}\r\n\r\n${body.join('')}`,
    );
  }
  const mixed = `=_mix_${seed}`;
  const parts = [
    `--${mixed}\r\nContent-Type: multipart/alternative;\r\n boundary="${alternative}"\r\n\r\n`,
    ...body,
  ];
  for (const attachment of message.attachments) parts.push(`\r\n--${mixed}\r\n`, attachmentPart(attachment));
  parts.push(`\r\n--${mixed}--\r\n`);
  return Buffer.from(`${rootHeaders(message, 'multipart/mixed', mixed)}\r\n\r\n${parts.join('')}`);
}

function rootHeaders(message: OutgoingMessage, type: string, boundary: string): string {
  const root = new MimeNode(undefined, { baseBoundary: boundary });
  root.setHeader('From', message.from);
  root.setHeader('To', message.to);
  root.setHeader('Subject', message.subject);
  root.setHeader('Date', message.date.toUTCString().replace(/GMT/, '+0000'));
  root.setHeader('Message-ID', message.messageId);
  for (const [key, value] of Object.entries(message.headers)) root.setHeader(key, value);
  root.setHeader('MIME-Version', '1.0');
  return `${root.buildHeaders()}\r\nContent-Type: ${type};\r\n boundary="${boundary}"`;
}

function textPart(type: string, content: string): string {
  return `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${encodeQuotedPrintable(content)}`;
}

/** Encoded attachment parts by content: an edition's calendar is encoded once, not per recipient. */
const attachmentCache = new Map<string, string>();
const ATTACHMENT_CACHE_SIZE = 8;

function attachmentPart(attachment: MessageAttachment): string {
  const key = `${attachment.filename}\u0000${attachment.contentType}\u0000${attachment.content}`;
  let part = attachmentCache.get(key);
  if (part === undefined) {
    const node = new MimeNode(attachment.contentType, { filename: attachment.filename, baseBoundary: 'x' });
    node.setHeader('Content-Transfer-Encoding', 'base64');
    const base64 = Buffer.from(attachment.content, 'utf8')
      .toString('base64')
      .replace(/.{76}(?!$)/g, '$&\r\n');
    part = `${node.buildHeaders()}\r\n\r\n${base64}`;
    if (attachmentCache.size >= ATTACHMENT_CACHE_SIZE) attachmentCache.clear();
    attachmentCache.set(key, part);
  }
  return part;
}
