import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { DigestError } from '../errors.ts';
import { listWords } from '../list-words.ts';
import { type CsvRecord, readCsvRecords } from './csv-records.ts';
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
 * Longest physical line read, and longest record (a quoted field may span lines), in bytes:
 * a row is an address (254), a name (200) and a few columns; a longer line is refused by
 * number, never held in memory.
 */
export const MAX_CSV_LINE_BYTES = 16 * 1024;

const STATUSES = new Set<string>(['active', 'unsubscribed', 'bounced']);

/**
 * Streams a CSV with an `email` column (and optionally `name`, `status`; other columns are
 * ignored) into the store, a batch at a time. Bad rows (a bad address, a name too long, a
 * stray quote, a line over MAX_CSV_LINE_BYTES) are reported once each, at the line they start
 * on, and skipped; the good rows before and after them are imported. A quote that does not
 * close refuses its own line and the lines after it are read as rows (see readCsvRecords).
 * Every data row counts once: rows = added + existing + rejected. An address or name starting
 * with `'` before `=`, `+`, `-`, `@`, a tab or a CR loses that `'` (see neutralizeCell).
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
  const batch = new ImportBatch(store, report, options);
  let columns: string[] | null = null;
  for await (const record of readCsvRecords(input, MAX_CSV_LINE_BYTES)) {
    if (columns === null) {
      columns = readHeader(record);
      continue;
    }
    report.rows++;
    if ('error' in record) {
      reject(record.line, record.error);
      continue;
    }
    const row = toSubscriber(cellsOf(columns, record.fields));
    if (typeof row === 'string') reject(record.line, row);
    else await batch.add(row, record.line);
  }
  await batch.flush();
  return report;
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

/** The header's columns, trimmed and lower-cased; one named twice, or no `email`, is refused. */
function readHeader(record: CsvRecord): string[] {
  const fail = (why: string) =>
    new DigestError(
      'SUBSCRIBER_INVALID',
      `line ${record.line} must be a header with an "email" column (email,name), ${why}`,
    );
  if ('error' in record) throw fail(`but ${record.error}`);
  const columns = record.fields.map((h) => h.trim().toLowerCase());
  if (!columns.includes('email')) throw fail(`got "${record.fields.join(',').slice(0, 200)}"`);
  const twice = columns.find((c, i) => c !== '' && columns.indexOf(c) !== i);
  // Which of two "email" columns is the address would be a guess.
  if (twice !== undefined) throw fail(`but it names the column "${twice}" twice`);
  return columns;
}

/** A record's cells by column name; cells past the header's columns are ignored. */
function cellsOf(columns: string[], fields: string[]): Record<string, string | undefined> {
  const cells: Record<string, string | undefined> = Object.create(null);
  columns.forEach((column, i) => {
    cells[column] = fields[i];
  });
  return cells;
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
