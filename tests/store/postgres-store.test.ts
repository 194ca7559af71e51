import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { openStore } from '../../src/store/open-store.ts';
import { openPostgresStore } from '../../src/store/postgres-store.ts';
import { testDatabaseUrl } from '../helpers/store-backends.ts';

const skip = inject('postgresUrl') ? null : `Postgres tests skipped: ${inject('servicesNote')}`;

describe.skipIf(skip !== null)('the Postgres store', () => {
  it('migrates once when several processes start at once', async () => {
    const url = await testDatabaseUrl();
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url, { schema: 'race' })));
    for (const s of stores) await s.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version, name FROM race.schema_migrations ORDER BY version');
    await client.end();
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('is what DIGEST_DB opens when it is a postgres:// or postgresql:// URL', async () => {
    const url = await testDatabaseUrl();
    const store = await openStore({ dbPath: url.replace(/^postgres:/, 'postgresql:') });
    await store.addSubscriber('a@example.org', null);
    expect(await store.countSubscribers()).toBeGreaterThan(0);
    await store.close();
  });

  it('stops with a clear error naming the server but never the password', async () => {
    const error = await openPostgresStore('postgres://digest:s3cret-pw@127.0.0.1:1/digest').catch((e) => e);
    expect(String(error.message)).toMatch(/cannot open the database postgres:\/\/127\.0\.0\.1:1\/digest/);
    expect(String(error.message)).not.toContain('s3cret-pw');
  });
});

describe.runIf(skip !== null)('the Postgres store (not installed)', () => {
  it(`is skipped: ${skip}`, () => undefined);
});
