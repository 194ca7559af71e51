import { Transform, type TransformCallback } from 'node:stream';

const NEWLINE = 0x0a;

/**
 * Sits between a CSV file and the parser: refuses physical lines longer than `maxLineBytes`
 * (the parser gets an empty line in their place, so line numbers stay true, and the line is
 * never held in memory), and remembers where each non-blank line starts, so an error can name
 * the line a broken record begins on (an unclosed quote is only noticed at the end of the file).
 */
export class CsvLineGuard extends Transform {
  readonly #max: number;
  readonly #onTooLong: (line: number) => void;
  /** Bytes passed on so far (what the parser has seen), and the line being read. */
  #offset = 0;
  #line = 1;
  #lineBytes = 0;
  #lineBlank = true;
  #dropping = false;
  /** [offset, line] of the non-blank lines not yet forgotten. */
  #starts: [number, number][] = [];
  /** Output of this chunk, and the current line until it ends. */
  #pending: Buffer[] = [];
  #held: Buffer[] = [];

  constructor(maxLineBytes: number, onTooLong: (line: number) => void) {
    super();
    this.#max = maxLineBytes;
    this.#onTooLong = onTooLong;
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let from = 0;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i] as number;
      if (byte === NEWLINE) {
        this.#take(bytes.subarray(from, i + 1), true);
        from = i + 1;
      } else if (byte !== 0x0d && byte !== 0x20 && byte !== 0x09) {
        this.#lineBlank = false;
      }
    }
    this.#take(bytes.subarray(from), false);
    const out = Buffer.concat(this.#pending);
    this.#pending = [];
    done(null, out.length > 0 ? out : undefined);
  }

  override _flush(done: TransformCallback): void {
    // The last line, without a newline.
    if (this.#dropping || this.#lineBytes === 0) {
      done();
      return;
    }
    if (!this.#lineBlank) this.#remember();
    done(null, Buffer.concat(this.#held));
  }

  /** The line of the first non-blank line starting at or after `offset` (bytes), or null. */
  lineAt(offset: number): number | null {
    return this.#starts.find(([start]) => start >= offset)?.[1] ?? null;
  }

  /** Forgets the starts before `offset`: the parser is past them (bounds the memory). */
  forget(offset: number): void {
    const keep = this.#starts.findIndex(([start]) => start >= offset);
    this.#starts = keep < 0 ? [] : this.#starts.slice(keep);
  }

  /**
   * Holds `piece` (part of the current line) until the line ends, then passes the line on:
   * a line is never passed on in part, and one past the limit is dropped whole.
   */
  #take(piece: Buffer, endsLine: boolean): void {
    if (!this.#dropping && this.#lineBytes + piece.length > this.#max + (endsLine ? 1 : 0)) {
      this.#dropping = true;
      this.#held = [];
      this.#onTooLong(this.#line);
    }
    if (!this.#dropping) {
      this.#held.push(piece);
      this.#lineBytes += piece.length;
    }
    if (!endsLine) return;
    if (this.#dropping) this.#pending.push(Buffer.from('\n'));
    else {
      if (!this.#lineBlank) this.#remember();
      this.#pending.push(...this.#held);
    }
    this.#offset += this.#dropping ? 1 : this.#lineBytes;
    this.#held = [];
    this.#line++;
    this.#lineBytes = 0;
    this.#lineBlank = true;
    this.#dropping = false;
  }

  #remember(): void {
    this.#starts.push([this.#offset, this.#line]);
  }
}
