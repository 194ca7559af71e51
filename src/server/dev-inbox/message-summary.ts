import { open } from 'node:fs/promises';
import type { AddressObject } from 'mailparser';
import { simpleParser } from 'mailparser';
import type { DevInboxMessage } from './types.ts';

/** Headers longer than this are not worth listing; the message page parses the whole file. */
const HEADER_LIMIT = 256 * 1024;
const CHUNK = 16 * 1024;

/** The SMTP envelope of a received message. */
export interface Envelope {
  from: string;
  to: string[];
}

/**
 * Trace headers prepended to every stored message, like a delivery agent does: they keep the
 * envelope (Bcc recipients included) in the .eml, so the index can be rebuilt from the folder.
 */
export function formatTraceHeaders(envelope: Envelope): string {
  const clean = (address: string) => address.replace(/[\r\n<>]/g, '');
  const lines = [`Return-Path: <${clean(envelope.from)}>`];
  for (const to of envelope.to) lines.push(`Delivered-To: ${clean(to)}`);
  return `${lines.join('\r\n')}\r\n`;
}

/** Reads the header section of a stored message (up to the first empty line). */
export async function readHeaderBlock(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < HEADER_LIMIT) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(CHUNK), 0, CHUNK, total);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      const end = findHeaderEnd(Buffer.concat(chunks));
      if (end >= 0) return Buffer.concat(chunks).subarray(0, end);
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

function findHeaderEnd(data: Buffer): number {
  const crlf = data.indexOf('\r\n\r\n');
  const lf = data.indexOf('\n\n');
  if (crlf < 0) return lf;
  return lf < 0 ? crlf : Math.min(crlf, lf);
}

/** Builds the list entry of a stored message from its header section. */
export async function summarizeMessage(
  file: string,
  id: string,
  receivedAt: string,
  size: number,
): Promise<DevInboxMessage> {
  const headers = await readHeaderBlock(file);
  const parsed = await simpleParser(Buffer.concat([headers, Buffer.from('\r\n\r\n')]), {
    skipTextToHtml: true,
    skipHtmlToText: true,
  });
  const delivered = parsed.headerLines
    .filter((line) => line.key === 'delivered-to')
    .map((line) => line.line.slice(line.line.indexOf(':') + 1).trim());
  const returnPath = parsed.headerLines.find((line) => line.key === 'return-path');
  const sender = returnPath ? returnPath.line.slice(returnPath.line.indexOf(':') + 1).trim() : '';
  return {
    id,
    receivedAt,
    from: parsed.from?.text ?? sender.replace(/[<>]/g, ''),
    to: delivered.length > 0 ? delivered : [...listAddresses(parsed.to), ...listAddresses(parsed.cc)],
    subject: parsed.subject ?? '',
    size,
  };
}

function listAddresses(header: AddressObject | AddressObject[] | undefined): string[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return objects.flatMap((object) =>
    object.value.flatMap((entry) => (entry.group ?? [entry]).map((member) => member.address ?? member.name)),
  );
}
