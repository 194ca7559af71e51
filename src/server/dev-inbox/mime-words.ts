const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

/**
 * Decodes RFC 2047 encoded words (`=?UTF-8?Q?Caf=C3=A9?=`) in a raw header value, so the
 * headers table shows what the recipient sees. Words in an unknown charset are kept as is.
 */
export function decodeMimeWords(value: string): string {
  // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2).
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(ENCODED_WORD, (word, charset: string, encoding: string, text: string) => {
    const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQ(text);
    const label = charset.split('*')[0] ?? charset;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown charset label: showing the word undecoded beats hiding the header.
      return word;
    }
  });
}

function decodeQ(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    const hex = text.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(char === '_' ? 0x20 : char.charCodeAt(0) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** Splits a raw header line into its name and its unfolded, decoded value. */
export function splitHeaderLine(line: string): { name: string; value: string } {
  const colon = line.indexOf(':');
  if (colon < 0) return { name: line.trim(), value: '' };
  const raw = line.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ');
  return { name: line.slice(0, colon).trim(), value: decodeMimeWords(raw.trim()) };
}
