import { randomBytes } from 'node:crypto';

/** The per-recipient fields of a rendered edition. */
export const RECIPIENT_FIELDS = ['greeting', 'unsubscribeUrl'] as const;
export type RecipientField = (typeof RECIPIENT_FIELDS)[number];
export type RecipientValues = Record<RecipientField, string>;

/**
 * A document rendered once with placeholder tokens, split at them: `parts` alternate
 * static text and field names. Filling it is a join: no template runs per recipient.
 */
export interface SlottedDocument {
  parts: string[];
  fields: RecipientField[];
}

/** Random placeholder tokens for one render: article text cannot guess (and so forge) them. */
export function createPlaceholders(): RecipientValues & { pattern: RegExp } {
  const nonce = randomBytes(8).toString('hex');
  const values = Object.fromEntries(
    RECIPIENT_FIELDS.map((f) => [f, `rcpt${nonce}${f}end`]),
  ) as RecipientValues;
  return { ...values, pattern: new RegExp(`rcpt${nonce}(${RECIPIENT_FIELDS.join('|')})end`, 'g') };
}

/** Splits a document rendered with placeholders into static parts and slots. */
export function splitAtPlaceholders(document: string, pattern: RegExp): SlottedDocument {
  const parts: string[] = [];
  const fields: RecipientField[] = [];
  let last = 0;
  for (const match of document.matchAll(pattern)) {
    parts.push(document.slice(last, match.index));
    fields.push(match[1] as RecipientField);
    last = match.index + match[0].length;
  }
  parts.push(document.slice(last));
  return { parts, fields };
}

/**
 * The filled document as pieces: the static parts (the same strings for every recipient) at
 * even indices, the recipient's encoded values at odd ones. Joined, it is the document; kept
 * apart, the MIME writer encodes the static parts once per edition, not once per message.
 */
export function fillPieces(
  doc: SlottedDocument,
  values: RecipientValues,
  encode?: (s: string) => string,
): string[] {
  const pieces: string[] = [doc.parts[0] ?? ''];
  for (let i = 0; i < doc.fields.length; i++) {
    const value = values[doc.fields[i] as RecipientField];
    pieces.push(encode ? encode(value) : value, doc.parts[i + 1] ?? '');
  }
  return pieces;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};

/** Escapes exactly as React does for text and attributes, so a fill equals a per-recipient render. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
