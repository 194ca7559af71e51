import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('the SQLite store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: DigestStore;
  beforeEach(() => {
    temp = makeTempDir();
    store = openSqliteStore(join(temp.dir, 'nested', 'digest.db'));
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('migrates a database of the first schema and keeps its deliveries', async () => {
    await store.close();
    const path = join(temp.dir, 'old.db');
    const db = new Database(path);
    db.exec(MIGRATIONS[0]?.sqlite ?? '');
    db.pragma('user_version = 1');
    db.exec(`INSERT INTO subscribers VALUES (1, 'a@example.org', NULL, 'active', 't', 't');
      INSERT INTO editions VALUES ('e1', NULL, 'sending', 'S', '{}', 't', NULL);
      INSERT INTO deliveries VALUES ('e1', 1, 'sent', 1, '<e1.1@example.org>', NULL, 0, 't');`);
    db.close();
    store = openSqliteStore(path);
    expect(await store.editionProgress('e1')).toMatchObject({ sent: 1, total: 1 });
  });

  it('refuses a 0-byte database file instead of taking it for a new one (with a new secret)', () => {
    const path = join(temp.dir, 'empty.db');
    writeFileSync(path, '');
    expect(() => openSqliteStore(path)).toThrow(
      /^cannot open the database .*empty\.db: the file is empty \(0 bytes\), so it is not a database: restore it from a backup, or delete it/,
    );
    expect(statSync(path).size).toBe(0);
  });

  it('stops with a clear error when the database file cannot be opened', () => {
    expect(() => openSqliteStore(join(temp.dir))).toThrow(/cannot open the database/);
  });
});
