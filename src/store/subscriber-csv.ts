import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { DigestError } from '../errors.ts';
import { checkEmailAddress } from './email-address.ts';
import type { DigestStore, NewSubscriber, SubscriberStatus } from './store.ts';

/** What an import did. Re-running it adds nobody twice: the second run counts them as existing. */
export interface ImportReport {
  /** Data rows read (the header not counted). */
  rows: number;
  added: number;
  /** Already on the list (any status: an import never resubscribes someone who left). */
  existing: number;
  rejected: number;
}

/** Options of importSubscribersCsv. */
export interface ImportOptions {
  /** Told each refused row: its line number in the file (the header is line 1) and why. */
  onRejected?: (line: number, reason: string) => void;
  /** Rows written per transaction. Default 1,000. */
  batchSize?: number;
}

const STATUSES = new Set<string>(['active', 'unsubscribed', 'bounced']);

/**
 * Streams a CSV with an `email` column (and optionally `name`, `status`; other columns are
 * ignored) into the store, a batch at a time. Bad rows are reported and skipped; a file that
 * is not CSV stops the import with the line where it broke (rows before it are kept).
 */
export async function importSubscribersCsv(
  store: DigestStore,
  input: Readable,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { rows: 0, added: 0, existing: 0, rejected: 0 };
  const parser = input.pipe(
    parse({ bom: true, columns: readHeader, info: true, relax_column_count: true, skip_empty_lines: true }),
  );
  // pipe() does not forward read errors (a missing file): the parser's iteration must see them.
  input.once('error', (error) => parser.destroy(error));
  let batch: NewSubscriber[] = [];
  const flush = async () => {
    const added = await store.addSubscribers(batch);
    report.added += added;
    report.existing += batch.length - added;
    batch = [];
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<CsvRow>) {
      report.rows++;
      const row = toSubscriber(record);
      if (typeof row === 'string') {
        report.rejected++;
        options.onRejected?.(info.lines, row);
        continue;
      }
      batch.push(row);
      if (batch.length >= (options.batchSize ?? 1000)) await flush();
    }
  } catch (cause) {
    if (cause instanceof DigestError) throw cause;
    if ((cause as NodeJS.ErrnoException).syscall) throw cause;
    const line = cause instanceof CsvError ? ` at line ${String(cause.lines ?? '?')}` : '';
    throw new DigestError(
      'SUBSCRIBER_INVALID',
      `the file is not valid CSV${line}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  await flush();
  return report;
}

interface CsvRow {
  record: Record<string, string | undefined>;
  info: { lines: number };
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
  const given = (record.email ?? '').trim();
  const checked = checkEmailAddress(given);
  if ('problem' in checked) return `"${given}" ${checked.problem}`;
  const status = (record.status ?? '').trim().toLowerCase() || 'active';
  if (!STATUSES.has(status)) return `status "${status}" is not active, unsubscribed or bounced`;
  return {
    email: checked.address,
    name: (record.name ?? '').trim() || null,
    status: status as SubscriberStatus,
  };
}

/** Streams the list (or those with `status`) as CSV: email,name,status,created_at. */
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
    await write(`${[s.email, s.name ?? '', s.status, s.createdAt].map(csvField).join(',')}\n`);
    count++;
  }
  return count;
}

/** RFC 4180 quoting: only when the value needs it. */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
