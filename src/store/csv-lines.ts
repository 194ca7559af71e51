/** One physical line of a file (LF or CRLF ended), numbered from 1. */
export interface PhysicalLine {
  line: number;
  /** The text without its line ending; '' for a line over the limit. */
  text: string;
  /** The line was longer than the limit: it was never held in memory, only counted. */
  tooLong: boolean;
}

const NEWLINE = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into lines, decoding each as UTF-8 once it is whole (a character split
 * between two chunks stays whole). A line over `maxBytes` is dropped as it streams by and
 * reported as `tooLong`, so a 20 MB line costs no more memory than a short one.
 */
export async function* readPhysicalLines(
  input: AsyncIterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<PhysicalLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 1;
  const take = (piece: Buffer) => {
    if (tooLong || piece.length === 0) return;
    // One byte more for the CR of a CRLF line: the limit is the same for both endings.
    if (size + piece.length > maxBytes + 1) {
      tooLong = true;
      parts = [];
      return;
    }
    // A copy: a slice would keep the whole chunk it came from alive.
    parts.push(Buffer.from(piece));
    size += piece.length;
  };
  const finish = (): PhysicalLine => {
    const bytes = Buffer.concat(parts);
    const length = bytes.at(-1) === CR ? bytes.length - 1 : bytes.length;
    const over = tooLong || length > maxBytes;
    const done = { line, text: over ? '' : bytes.subarray(0, length).toString('utf8'), tooLong: over };
    parts = [];
    size = 0;
    tooLong = false;
    line++;
    return done;
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let from = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, from)) {
      take(bytes.subarray(from, end));
      yield finish();
      from = end + 1;
    }
    take(bytes.subarray(from));
  }
  if (size > 0 || tooLong) yield finish();
}
