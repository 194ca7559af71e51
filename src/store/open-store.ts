import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { DigestStore } from './store.ts';

/** True when DIGEST_DB names a Postgres database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db);
}

/**
 * Opens the store DIGEST_DB names: a postgres:// (or postgresql://) URL opens Postgres, for
 * several processes on several machines; anything else is a SQLite file, the embedded default.
 */
export async function openStore(config: { dbPath: string }): Promise<DigestStore> {
  return isPostgresUrl(config.dbPath) ? openPostgresStore(config.dbPath) : openSqliteStore(config.dbPath);
}
