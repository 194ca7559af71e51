/** The body of a corpus text with its front matter removed and whitespace collapsed. */
export function normalizedBody(text: string): string;
/** `{ sha256, chars }` of a corpus text. */
export function fingerprint(text: string): { sha256: string; chars: number };
