import { createHash } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { foldLines } from 'nodemailer/lib/mime-funcs/index.js';
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
    textPart('text/plain', message.text, message.pieces?.text),
    `\r\n--${alternative}\r\n`,
    textPart('text/html', message.html, message.pieces?.html),
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
  const lines = [
    headerLine('From', message.from),
    headerLine('To', message.to),
    headerLine('Subject', message.subject),
    `Date: ${message.date.toUTCString().replace(/GMT/, '+0000')}`,
    headerLine('Message-ID', message.messageId),
  ];
  for (const [key, value] of Object.entries(message.headers)) lines.push(headerLine(key, value));
  lines.push('MIME-Version: 1.0', `Content-Type: ${type};\r\n boundary="${boundary}"`);
  return lines.join('\r\n');
}

/**
 * One header, folded: printable ASCII is written as it is (folded at spaces past 76
 * characters); anything else goes through nodemailer's encoders (RFC 2047 words, address
 * encoding), remembered because most headers are the same for every recipient.
 */
function headerLine(key: string, value: string): string {
  const cacheKey = `${key}\u0000${value}`;
  let line = encodedHeaders.get(cacheKey);
  if (line !== undefined) return line;
  if (PLAIN_HEADER.test(value)) {
    let name = headerNames.get(key);
    if (name === undefined) {
      name = nodemailerHeader(key, 'x@example.org').split(':')[0] ?? key;
      headerNames.set(key, name);
    }
    return foldLines(`${name}: ${value}`, 76, false).replace(/\r\n$/, '');
  }
  line = nodemailerHeader(key, value);
  if (encodedHeaders.size >= HEADER_CACHE_SIZE) encodedHeaders.clear();
  encodedHeaders.set(cacheKey, line);
  return line;
}

/** The header as nodemailer writes it: its key spelling (List-ID) and value encoding. */
function nodemailerHeader(key: string, value: string): string {
  const node = new MimeNode(undefined, { baseBoundary: 'x' });
  node.setHeader(key, value);
  // buildHeaders puts ours first, then adds Date, Message-ID and MIME-Version: keep ours.
  return node.buildHeaders().split(/\r\n(?! )/)[0] ?? `${key}: `;
}

const PLAIN_HEADER = /^[\x20-\x7e]*$/;
const encodedHeaders = new Map<string, string>();
/** Header names as nodemailer spells them, by the name given (a handful, never cleared). */
const headerNames = new Map<string, string>();
const HEADER_CACHE_SIZE = 256;

function textPart(type: string, content: string, pieces?: string[]): string {
  const encoded = pieces ? encodePieces(pieces) : encodeQuotedPrintable(content);
  return `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${encoded}`;
}

/**
 * Quoted-printable of a document given as pieces (see OutgoingMessage.pieces). Each piece is
 * encoded on its own and ends with a soft line break unless it ends a line, so the pieces
 * join into valid quoted-printable that decodes to the whole document. The static pieces
 * (even indices) are cached: for an edition they are encoded once.
 */
function encodePieces(pieces: string[]): string {
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    if (piece === '') continue;
    let encoded = i % 2 === 0 ? encodedPieces.get(piece) : undefined;
    if (encoded === undefined) {
      encoded = encodeQuotedPrintable(piece);
      if (i % 2 === 0) {
        if (encodedPieces.size >= PIECE_CACHE_SIZE) encodedPieces.clear();
        encodedPieces.set(piece, encoded);
      }
    }
    out += encoded;
    if (i < pieces.length - 1 && !encoded.endsWith('\r\n')) out += '=\r\n';
  }
  return out;
}

const encodedPieces = new Map<string, string>();
const PIECE_CACHE_SIZE = 64;

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
