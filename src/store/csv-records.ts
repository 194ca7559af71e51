import { type PhysicalLine, readPhysicalLines } from './csv-lines.ts';

/** One record of a CSV file, by the line it starts on: its fields, or why it is refused. */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

/**
 * Reads RFC 4180 records (quoted fields may hold commas, doubled quotes and line breaks), each
 * reported once, at the line it starts on, whatever the line endings. A broken record (a
 * stray quote, text after a closing quote, a line over `maxBytes`) is refused and reading goes
 * on at the next line. A quote that does not close within `maxBytes` (or before the end of the
 * file) refuses its own line only: the lines it swallowed are read again as records, so one
 * typo never loses the rest of the file. Blank lines are no records.
 */
export async function* readCsvRecords(
  input: AsyncIterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<CsvRecord> {
  const open = new OpenRecord(maxBytes);
  let first = true;
  for await (const physical of readPhysicalLines(input, maxBytes)) {
    if (first) physical.text = physical.text.replace(/^\uFEFF/, '');
    first = false;
    yield* open.take(physical);
  }
  yield* open.end();
}

const STRAY_QUOTE =
  'not valid CSV: a quote inside a field that does not start with one (quote the whole field and double its quotes: "Bad ""quote"" here")';
const AFTER_CLOSING =
  'not valid CSV: text after the closing quote of a field (a quote inside it must be doubled)';

/** The record being read, while a quoted field runs over line ends; and the lines it took. */
class OpenRecord {
  readonly #max: number;
  #lines: PhysicalLine[] = [];
  #bytes = 0;
  #fields = new FieldParser();

  constructor(maxBytes: number) {
    this.#max = maxBytes;
  }

  /** The records this line completes (none while a quoted field is still open). */
  *take(physical: PhysicalLine): Generator<CsvRecord> {
    const queue = [physical];
    while (queue.length > 0) {
      const next = queue.shift() as PhysicalLine;
      if (this.#lines.length === 0) {
        yield* this.#start(next);
        continue;
      }
      this.#bytes += Buffer.byteLength(next.text) + 1;
      if (next.tooLong || this.#bytes > this.#max) {
        yield this.#unclosed(`within ${this.#max} bytes`);
        queue.unshift(...this.#drop().slice(1), next);
        continue;
      }
      this.#lines.push(next);
      const outcome = this.#fields.feed(next.text, true);
      if (outcome !== 'open') yield this.#finish(outcome);
    }
  }

  /** At the end of the file: an open quote refuses its line, and what it swallowed is read again. */
  *end(): Generator<CsvRecord> {
    while (this.#lines.length > 0) {
      yield this.#unclosed('before the end of the file');
      for (const line of this.#drop().slice(1)) yield* this.take(line);
    }
  }

  *#start(physical: PhysicalLine): Generator<CsvRecord> {
    if (physical.tooLong) {
      yield { line: physical.line, error: `the line is longer than ${this.#max} bytes: not read` };
      return;
    }
    if (physical.text.trim() === '') return;
    this.#lines = [physical];
    this.#bytes = Buffer.byteLength(physical.text);
    this.#fields = new FieldParser();
    const outcome = this.#fields.feed(physical.text, false);
    if (outcome !== 'open') yield this.#finish(outcome);
  }

  #finish(outcome: string[] | { error: string }): CsvRecord {
    const line = this.#lines[0]?.line ?? 0;
    this.#drop();
    return Array.isArray(outcome) ? { line, fields: outcome } : { line, error: outcome.error };
  }

  #unclosed(where: string): CsvRecord {
    return {
      line: this.#lines[0]?.line ?? 0,
      error: `a quote opens on this line and does not close ${where}: the line is refused, the lines after it are read as rows`,
    };
  }

  #drop(): PhysicalLine[] {
    const lines = this.#lines;
    this.#lines = [];
    this.#bytes = 0;
    return lines;
  }
}

type State = 'start' | 'unquoted' | 'quoted' | 'after-quote';

/** The fields of one record, fed a line at a time; a quoted field carries over line ends. */
class FieldParser {
  #fields: string[] = [];
  #field = '';
  #state: State = 'start';

  /** The fields once the record ends with this line, 'open' inside a quoted field, or the error. */
  feed(text: string, continued: boolean): string[] | 'open' | { error: string } {
    if (continued) this.#field += '\n';
    for (const c of text) {
      const problem = this.#step(c);
      if (problem) return { error: problem };
    }
    if (this.#state === 'quoted') return 'open';
    this.#fields.push(this.#field);
    return this.#fields;
  }

  #step(c: string): string | null {
    switch (this.#state) {
      case 'start':
        if (c === '"') this.#state = 'quoted';
        else if (c === ',') this.#fields.push('');
        else {
          this.#field = c;
          this.#state = 'unquoted';
        }
        return null;
      case 'unquoted':
        if (c === '"') return STRAY_QUOTE;
        if (c === ',') this.#next();
        else this.#field += c;
        return null;
      case 'quoted':
        if (c === '"') this.#state = 'after-quote';
        else this.#field += c;
        return null;
      case 'after-quote':
        if (c === '"') {
          this.#field += '"';
          this.#state = 'quoted';
          return null;
        }
        if (c !== ',') return AFTER_CLOSING;
        this.#next();
        return null;
    }
  }

  #next(): void {
    this.#fields.push(this.#field);
    this.#field = '';
    this.#state = 'start';
  }
}
