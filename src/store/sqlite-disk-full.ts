import { statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { DigestError } from '../errors.ts';

/** Room kept free beside the write-ahead log, so that folding it can always grow the database. */
const RESERVE_BYTES = 8 * 1024 * 1024;
/**
 * How often the free space is looked at, at most: a send writes up to about 4 MB of WAL a
 * second (a commit per turn of replies), well under the reserve per look.
 */
const CHECK_EVERY_MS = 100;

/** SQLite's "database or disk is full" (a full disk, or a quota). */
function isDiskFull(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_FULL';
}

/**
 * Folds the write-ahead log into the database and truncates it to nothing. The WAL grows with
 * every commit until a checkpoint (up to 40 MB, see openSqliteStore). True when it could.
 */
export function foldWriteAheadLog(db: Database.Database): boolean {
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  } catch {
    // Folding needs room for the database to grow: on a disk that is full it cannot.
    return false;
  }
}

/**
 * Folds the WAL early when the disk is getting full: free space below the WAL's own size
 * (plus a reserve) means a later fold could not grow the database, and the WAL would keep
 * the disk full even after space is freed (what made resume fail again and again).
 */
function foldWhenTight(db: Database.Database, path: string): void {
  try {
    const wal = statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    if (freeBytes(path) < wal + RESERVE_BYTES) foldWriteAheadLog(db);
  } catch {
    // No statfs here (or the file moved): the fold on SQLITE_FULL still applies.
  }
}

/**
 * The error of a database that cannot be opened: on a full disk SQLite says "disk I/O error"
 * (it cannot make its shared-memory file), so the free space decides what to tell.
 */
export function openFailure(path: string, cause: unknown): DigestError {
  const code = String((cause as { code?: unknown } | null)?.code ?? '');
  if ((code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) && freeBytes(path) < RESERVE_BYTES / 8) {
    return diskFullError(path, cause);
  }
  return new DigestError('STORE_FAILED', `cannot open the database ${path}: ${(cause as Error).message}`, {
    cause,
  });
}

function freeBytes(path: string): number {
  try {
    const { bavail, bsize } = statfsSync(dirname(path));
    return bavail * bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function diskFullError(path: string, cause: unknown): DigestError {
  return new DigestError(
    'STORE_FAILED',
    `the disk holding ${path} is full (database or disk is full): free some space, then ` +
      '`digest send --resume` finishes the edition (what was recorded as sent is not sent again)',
    { cause },
  );
}

/**
 * Wraps the store so that a full disk is survived where it can be and explained where it
 * cannot: the WAL is folded early when free space runs low; a write refused for a full disk
 * folds it and is tried once more (each store method is one unit of work whose transactions
 * roll back whole, so trying it again is safe); a write that still fails says what to do.
 * Streams (async iterables) are reads and pass through.
 */
export function recoverWhenDiskFull<T extends object>(store: T, db: Database.Database, path: string): T {
  if (path === ':memory:') return store;
  let checked = 0;
  const afterWrite = <V>(value: V): V => {
    if (Date.now() - checked >= CHECK_EVERY_MS) {
      checked = Date.now();
      foldWhenTight(db, path);
    }
    return value;
  };
  return new Proxy(store, {
    get(target, property) {
      // The store itself as the receiver: its getters and methods use its private fields.
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      // Methods run on the store itself: its private fields are not the proxy's.
      if (property === 'close') return value.bind(target);
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then(afterWrite, (error: unknown) => {
          if (!isDiskFull(error)) throw error;
          if (!foldWriteAheadLog(db)) throw diskFullError(path, error);
          return (value.apply(target, args) as Promise<unknown>).then(afterWrite, (again: unknown) => {
            throw isDiskFull(again) ? diskFullError(path, again) : again;
          });
        });
      };
    },
  });
}
