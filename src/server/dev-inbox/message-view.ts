import type { Attachment } from 'mailparser';
import { simpleParser } from 'mailparser';
import { splitHeaderLine } from './mime-words.ts';

/** What the message page shows, taken from the parsed .eml. */
export interface MessageView {
  subject: string;
  headers: { name: string; value: string }[];
  text: string | null;
  html: string | null;
  attachments: Attachment[];
}

/** Parses a stored message with mailparser into what the pages need. */
export async function parseMessageView(raw: Buffer): Promise<MessageView> {
  const parsed = await simpleParser(raw, { skipTextToHtml: true });
  return {
    subject: parsed.subject ?? '',
    headers: parsed.headerLines.map((line) => splitHeaderLine(line.line)),
    text: parsed.text ?? null,
    html: typeof parsed.html === 'string' ? parsed.html : null,
    attachments: parsed.attachments,
  };
}
