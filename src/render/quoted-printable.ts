/**
 * Quoted-printable (RFC 2045 §6.7) for text parts, written for speed: one pass over the
 * UTF-8 bytes into a preallocated buffer, a table lookup per byte. Line breaks become CRLF
 * hard breaks; other lines are cut with soft breaks so no encoded line exceeds 76
 * characters; white space before a break and every byte outside printable ASCII (and "=")
 * are escaped.
 */
export function encodeQuotedPrintable(text: string): string {
  const input = Buffer.from(text, 'utf8');
  const n = input.length;
  // Worst case: every byte escaped (3x) plus a soft break ("=\r\n") every 25 escapes.
  const out = Buffer.allocUnsafe(n * 3 + Math.ceil(n / 25) * 3 + 16);
  let o = 0;
  let column = 0;
  for (let i = 0; i < n; i++) {
    const byte = input[i] as number;
    let kind = KIND[byte] as number;
    if (kind === BREAK) {
      // CRLF, lone CR and lone LF are all one line break in a text part.
      if (byte === 0x0d && i + 1 < n && input[i + 1] === 0x0a) i++;
      out[o++] = 0x0d;
      out[o++] = 0x0a;
      column = 0;
      continue;
    }
    if (kind === SPACE) {
      // Reading past the end would deoptimise the loop: compare the index first.
      const next = i + 1 < n ? (input[i + 1] as number) : 0x0a;
      kind = next === 0x0a || next === 0x0d ? ESCAPE : LITERAL;
    }
    const width = kind === LITERAL ? 1 : 3;
    // Leave room for the "=" of a soft break: lines are at most 75 characters plus "=".
    if (column + width > 75) {
      out[o++] = 0x3d;
      out[o++] = 0x0d;
      out[o++] = 0x0a;
      column = 0;
    }
    if (kind === LITERAL) out[o++] = byte;
    else {
      out[o++] = 0x3d;
      out[o++] = HEX[byte >> 4] as number;
      out[o++] = HEX[byte & 0x0f] as number;
    }
    column += width;
  }
  return out.toString('latin1', 0, o);
}

const LITERAL = 0;
const ESCAPE = 1;
const SPACE = 2;
const BREAK = 3;
const HEX = Buffer.from('0123456789ABCDEF', 'latin1');
const KIND = new Uint8Array(256).map((_, byte) => {
  if (byte === 0x0d || byte === 0x0a) return BREAK;
  if (byte === 0x20 || byte === 0x09) return SPACE;
  return byte >= 0x21 && byte <= 0x7e && byte !== 0x3d ? LITERAL : ESCAPE;
});
