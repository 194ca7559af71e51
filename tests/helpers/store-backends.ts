import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, inject, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres-store.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { makeTempDir } from './temp-dir.ts';

/** One fresh, empty store of a backend; another() opens a second connection to the same data. */
export interface FreshStore {
  store: DigestStore;
  /** What a second process on the same database sees. */
  another(): Promise<DigestStore>;
  /** Closes `store` (not the others) and removes the data. */
  dispose(): Promise<void>;
}

/** A store backend the parameterized suites run against. */
export interface StoreBackend {
  name: 'SQLite' | 'Postgres';
  /** null when available; else why the suite is skipped. */
  skipReason: string | null;
  fresh(): Promise<FreshStore>;
}

let databaseUrl: Promise<string> | null = null;
let schemas = 0;

/** A new, empty database in the test cluster (DIGEST_DB for a process under test). */
export async function freshPostgresDatabase(): Promise<string> {
  const admin = inject('postgresUrl');
  if (!admin) throw new Error('no Postgres in this run');
  const name = `digest_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The test file's database (created on first use). */
export function testDatabaseUrl(): Promise<string> {
  databaseUrl ??= freshPostgresDatabase();
  return databaseUrl;
}

const sqlite: StoreBackend = {
  name: 'SQLite',
  skipReason: null,
  async fresh() {
    const temp = makeTempDir('digest-store-');
    const path = join(temp.dir, 'nested', 'digest.db');
    const store = openSqliteStore(path);
    return {
      store,
      another: async () => openSqliteStore(path),
      async dispose() {
        await store.close();
        temp.remove();
      },
    };
  },
};

const postgres: StoreBackend = {
  name: 'Postgres',
  get skipReason() {
    return inject('postgresUrl') ? null : `Postgres tests skipped: ${inject('servicesNote')}`;
  },
  async fresh() {
    // A schema per test in the file's database: empty, and cheap to make.
    const url = await testDatabaseUrl();
    const schema = `t${++schemas}_${Math.random().toString(36).slice(2, 8)}`;
    const store = await openPostgresStore(url, { schema, maxConnections: 4 });
    return {
      store,
      another: () => openPostgresStore(url, { schema, maxConnections: 4 }),
      dispose: () => store.close(),
    };
  },
};

/** Every backend: SQLite always, Postgres when the test run has one (see tests/setup/services.ts). */
export const STORE_BACKENDS: readonly StoreBackend[] = [sqlite, postgres];

/** What each test of eachStore sees: a fresh, empty store of the backend, disposed after it. */
export interface StoreUnderTest {
  readonly store: DigestStore;
  readonly fresh: FreshStore;
}

/**
 * The same tests for every backend, each on a fresh store: `title` names the suite ($name is
 * the backend's); a backend that is not available says why in one skipped test.
 */
export function eachStore(title: string, body: (t: StoreUnderTest) => void): void {
  describe.each(STORE_BACKENDS)(title, (backend) => {
    it.runIf(backend.skipReason)(`is skipped: ${backend.skipReason}`, () => undefined);
    describe.skipIf(backend.skipReason !== null)('contract', () => {
      let fresh: FreshStore | undefined;
      beforeEach(async () => {
        fresh = await backend.fresh();
      });
      afterEach(async () => {
        await fresh?.dispose();
      });
      const current = () => {
        if (!fresh) throw new Error('no store: eachStore gives one inside a test only');
        return fresh;
      };
      body({
        get store() {
          return current().store;
        },
        get fresh() {
          return current();
        },
      });
    });
  });
}

/**
 * Gives each test of the enclosing suite a fresh store of `backend` (through `use`), skipped
 * with the reason when the backend is not available, and disposed after the test.
 */
export function freshStoreEach(
  backend: StoreBackend,
  use: (store: DigestStore, fresh: FreshStore) => void,
): void {
  let fresh: FreshStore | undefined;
  beforeEach(async (context) => {
    if (backend.skipReason) return context.skip(backend.skipReason);
    fresh = await backend.fresh();
    use(fresh.store, fresh);
  });
  afterEach(async () => {
    await fresh?.dispose();
    fresh = undefined;
  });
}
