import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { DigestError } from '../errors.ts';
import { listWords } from '../list-words.ts';
import { CsvLineGuard } from './csv-line-guard.ts';
import { checkEmailAddress } from './email-address.ts';
import type { DigestStore, NewSubscriber, SubscriberStatus } from './store.ts';
import { subscriberFieldProblem } from './subscriber-fields.ts';

/** What an import did. Re-running it adds nobody twice: the second run counts them as existing. */
export interface ImportReport {
  /** Data rows read (the header not counted). */
  rows: number;
  added: number;
  /** Already on the list (any status: an import never resubscribes someone who left). */
  existing: number;
  /** Of those, the ones the file lists as active who unsubscribed or bounced: kept as they are. */
  keptLeft: number;
  rejected: number;
}

/** Options of importSubscribersCsv. */
export interface ImportOptions {
  /** Told each refused row: its line number in the file (the header is line 1) and why. */
  onRejected?: (line: number, reason: string) => void;
  /** Told each row whose address left (unsubscribed, bounced) and stays so though the file says active. */
  onKeptLeft?: (line: number, email: string, status: SubscriberStatus) => void;
  /** Rows written per transaction. Default 1,000. */
  batchSize?: number;
}

/**
 * Longest physical line read, in bytes: a row is an address (254), a name (200) and a few
 * columns; a longer line is refused by number, never held in memory.
 */
export const MAX_CSV_LINE_BYTES = 16 * 1024;

const STATUSES = new Set<string>(['active', 'unsubscribed', 'bounced']);

/**
 * Streams a CSV with an `email` column (and optionally `name`, `status`; other columns are
 * ignored) into the store, a batch at a time. Bad rows (a bad address, a name too long, a
 * stray quote, a line over MAX_CSV_LINE_BYTES) are reported by line and skipped; the good
 * rows before and after them are imported. A quote that never closes swallows the rest of
 * the file: it is reported at the line where it opens. An address or name starting with `'`
 * before `=`, `+`, `-`, `@`, a tab or a CR loses that `'` (the export's, see neutralizeCell).
 */
export async function importSubscribersCsv(
  store: DigestStore,
  input: Readable,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { rows: 0, added: 0, existing: 0, keptLeft: 0, rejected: 0 };
  const reject = (line: number, reason: string) => {
    report.rejected++;
    options.onRejected?.(line, reason);
  };
  const guard = new CsvLineGuard(MAX_CSV_LINE_BYTES, (line) =>
    reject(line, `the line is longer than ${MAX_CSV_LINE_BYTES} bytes: not read`),
  );
  const parser = input.pipe(guard).pipe(
    parse({
      bom: true,
      columns: readHeader,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // A broken record is reported and skipped, not fatal: the parser would drop the good
      // records it holds with it.
      skip_records_with_error: true,
    }),
  );
  // pipe() does not forward read errors (a missing file): the parser's iteration must see them.
  input.once('error', (error) => parser.destroy(error));
  parser.on('skip', (error: CsvError) => reject(...describeBrokenRecord(error, guard)));
  const batch = new ImportBatch(store, report, options);
  for await (const { record, info } of parser as AsyncIterable<CsvRow>) {
    report.rows++;
    guard.forget(info.bytes);
    const row = toSubscriber(record);
    if (typeof row === 'string') reject(info.lines, row);
    else await batch.add(row, info.lines);
  }
  await batch.flush();
  return report;
}

/** The line a broken record begins on, and what is wrong with it. */
function describeBrokenRecord(error: CsvError, guard: CsvLineGuard): [number, string] {
  const context = error as CsvError & { bytes_records?: number; lines?: number };
  const detected = context.lines ?? 0;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    const opens = guard.lineAt(context.bytes_records ?? 0) ?? detected;
    return [
      opens,
      'a quote opens on this line and is never closed: the rest of the file, from here, was not read',
    ];
  }
  return [detected, `not valid CSV: ${error.message.replace(/ at line \d+.*$/, '')}`];
}

/** The rows waiting to be written, with their lines (to name the ones kept as they were). */
class ImportBatch {
  #rows: NewSubscriber[] = [];
  #lines: number[] = [];

  constructor(
    readonly store: DigestStore,
    readonly report: ImportReport,
    readonly options: ImportOptions,
  ) {}

  async add(row: NewSubscriber, line: number): Promise<void> {
    this.#rows.push(row);
    this.#lines.push(line);
    if (this.#rows.length >= (this.options.batchSize ?? 1000)) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.#rows;
    const lines = this.#lines;
    this.#rows = [];
    this.#lines = [];
    if (rows.length === 0) return;
    const before = new Map(
      (await this.store.findSubscribers(rows.map((r) => r.email))).map((s) => [s.email, s]),
    );
    const added = await this.store.addSubscribers(rows);
    this.report.added += added;
    this.report.existing += rows.length - added;
    rows.forEach((row, i) => {
      const known = before.get(row.email);
      const left = known?.status === 'unsubscribed' || known?.status === 'bounced';
      if (!known || !left || (row.status ?? 'active') !== 'active') return;
      this.report.keptLeft++;
      this.options.onKeptLeft?.(lines[i] ?? 0, known.email, known.status);
    });
  }
}

interface CsvRow {
  record: Record<string, string | undefined>;
  info: { lines: number; bytes: number };
}

function readHeader(header: string[]): string[] {
  const columns = header.map((h) => h.trim().toLowerCase());
  if (!columns.includes('email')) {
    throw new DigestError(
      'SUBSCRIBER_INVALID',
      `line 1 must be a header with an "email" column (email,name), got "${header.join(',')}"`,
    );
  }
  return columns;
}

/** The subscriber of a row, or why the row is refused. */
function toSubscriber(record: Record<string, string | undefined>): NewSubscriber | string {
  const given = restoreCell(record.email ?? '').trim();
  const checked = checkEmailAddress(given);
  if ('problem' in checked) return `"${given.slice(0, 300)}" ${checked.problem}`;
  const name = restoreCell(record.name ?? '').trim() || null;
  const tooLong = subscriberFieldProblem({ email: checked.address, name });
  if (tooLong) return `${checked.address}: ${tooLong}`;
  const status = (record.status ?? '').trim().toLowerCase() || 'active';
  if (!STATUSES.has(status)) return `status "${status}" is not ${listWords([...STATUSES])}`;
  return { email: checked.address, name, status: status as SubscriberStatus };
}

/**
 * Streams the list (or those with `status`) as CSV: email,name,status,created_at, each cell a
 * spreadsheet would run as a formula neutralised (neutralizeCell).
 */
export async function exportSubscribersCsv(
  store: DigestStore,
  out: Writable,
  status?: SubscriberStatus,
): Promise<number> {
  let count = 0;
  const write = async (line: string) => {
    // Respect backpressure: a 200,000-line export never piles up in memory.
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('email,name,status,created_at\n');
  for await (const s of store.listSubscribers(status)) {
    const cells = [s.email, s.name ?? '', s.status, s.createdAt].map((v) => csvField(neutralizeCell(v)));
    await write(`${cells.join(',')}\n`);
    count++;
  }
  return count;
}

/**
 * A cell a spreadsheet would run as a formula starts with one of these (OWASP's list), after
 * any quotes the export added before it (see neutralizeCell).
 */
const FORMULA = /^'*[=+\-@\t\r]/;

/**
 * OWASP's rule against CSV injection: a cell a spreadsheet would run as a formula
 * (`=HYPERLINK(…)` typed as a name into the public sign-up form) gets a leading `'`, which
 * spreadsheets show as text. A cell that starts with quotes before such a character gets one
 * more, so that restoreCell takes exactly one off: an export imports back unchanged.
 */
export function neutralizeCell(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

/** The import's side of neutralizeCell: one leading `'` off a cell that it neutralised. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA.test(value) ? value.slice(1) : value;
}

/** RFC 4180 quoting: only when the value needs it. */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
