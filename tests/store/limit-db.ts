import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres-store.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { STORE_BACKENDS, testDatabaseUrl } from '../helpers/store-backends.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** A rate_limits row as stored. */
export interface LimitRow {
  key: string;
  hits: number;
  reset_at: number;
}

/** One database several stores (processes) open, and its rate_limits table read raw. */
export interface SharedDatabase {
  /** The SQLite file or the Postgres URL (with the schema), for a child process. */
  readonly where: { sqlitePath?: string; postgresUrl?: string; schema?: string };
  /** A new store on the database: another process, or the same one after a restart. */
  open(): Promise<DigestStore>;
  rows(): Promise<LimitRow[]>;
  dispose(): Promise<void>;
}

/** Each backend of STORE_BACKENDS as a shared database (Postgres only when the run has one). */
export const LIMIT_BACKENDS = STORE_BACKENDS.map((backend) => ({
  name: backend.name,
  get skipReason() {
    return backend.skipReason;
  },
  shared: backend.name === 'SQLite' ? sharedSqlite : sharedPostgres,
}));

async function sharedSqlite(): Promise<SharedDatabase> {
  const temp = makeTempDir('digest-limits-');
  const path = join(temp.dir, 'digest.db');
  const opened: DigestStore[] = [];
  return {
    where: { sqlitePath: path },
    async open() {
      const store = openSqliteStore(path);
      opened.push(store);
      return store;
    },
    async rows() {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare('SELECT key, hits, reset_at FROM rate_limits ORDER BY key').all() as LimitRow[];
      } finally {
        db.close();
      }
    },
    async dispose() {
      for (const store of opened) await store.close().catch(() => undefined);
      temp.remove();
    },
  };
}

let schemas = 0;

async function sharedPostgres(): Promise<SharedDatabase> {
  const url = await testDatabaseUrl();
  const schema = `lim${++schemas}_${Math.random().toString(36).slice(2, 8)}`;
  const opened: DigestStore[] = [];
  return {
    where: { postgresUrl: url, schema },
    async open() {
      const store = await openPostgresStore(url, { schema, maxConnections: 4 });
      opened.push(store);
      return store;
    },
    async rows() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<LimitRow>(
          `SELECT key, hits, reset_at::float8 AS reset_at FROM ${schema}.rate_limits ORDER BY key`,
        );
        return rows;
      } finally {
        await client.end();
      }
    },
    async dispose() {
      for (const store of opened) await store.close().catch(() => undefined);
    },
  };
}
