import type { Response } from 'undici';
import { DigestError } from '../errors.ts';

/**
 * Reads a response body into memory, aborting as soon as it passes `maxBytes`: a huge page
 * costs at most the cap, never the whole download. `abort` stops the underlying request.
 */
export async function readCappedBody(
  response: Response,
  url: string,
  maxBytes: number,
  abort: () => void,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new DigestError('FETCH_TOO_LARGE', `${url}: larger than the ${maxBytes}-byte cap`, {
      data: { url, maxBytes },
    });
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    abort();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      abort();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Decodes a body by the charset of its Content-Type, else the one the document declares
 * (`<meta charset>`, the XML declaration), else UTF-8.
 */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  const declared = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ?? sniffCharset(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared);
  } catch {
    // An unknown charset label is the publisher's mistake; UTF-8 is the best remaining guess.
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

function sniffCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return (
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    null
  );
}
