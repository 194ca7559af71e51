import Database from 'better-sqlite3';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { freshPostgresDatabase, STORE_BACKENDS } from '../helpers/store-backends.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ingestSample, openTestContext } from '../schedule/context.ts';

const HUGE = 'x'.repeat(20 * 1024 * 1024);

// A row written before names were bounded (the store refuses one now) must not stop a send.
describe.each(STORE_BACKENDS)('a huge name already in the $name store', (backend) => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeEach(async () => {
    temp = makeTempDir('digest-huge-');
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    await sink.close();
    temp.remove();
  });

  it('is refused on write, and a send reads only its first 200 characters', async (test) => {
    if (backend.skipReason) return test.skip(backend.skipReason);
    const env: Record<string, string> =
      backend.name === 'Postgres' ? { DIGEST_DB: await freshPostgresDatabase() } : {};
    const ctx = await openTestContext(temp.dir, sink.url, env);
    try {
      await expect(ctx.store.addSubscriber('huge@example.org', HUGE)).rejects.toThrow(
        /the name is longer than 200 characters/,
      );
      await ctx.store.addSubscriber('huge@example.org', 'Short');
      await ctx.store.addSubscriber('ana@example.org', 'Ana');
      // As an older version could have stored it: straight into the table.
      if (backend.name === 'Postgres') {
        const client = new pg.Client({ connectionString: env.DIGEST_DB });
        await client.connect();
        await client.query("UPDATE subscribers SET name = $1 WHERE email = 'huge@example.org'", [HUGE]);
        await client.end();
      } else {
        const db = new Database(ctx.config.dbPath);
        db.prepare("UPDATE subscribers SET name = ? WHERE email = 'huge@example.org'").run(HUGE);
        db.close();
      }
      const runner = createEditionRunner(ctx, { logger: ctx.logger, loadSources: ingestSample });
      const result = await runner.run({});
      expect(result.kind === 'ran' ? result.reports[0]?.progress : null).toMatchObject({
        sent: 2,
        failed: 0,
      });
      const huge = sink.received.find((m) => m.to.includes('huge@example.org'));
      expect(huge?.raw.length).toBeLessThan(200_000);
      const parsed = await simpleParser(huge?.raw ?? Buffer.alloc(0));
      const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
      expect(to?.value[0]?.name).toBe('x'.repeat(200));
    } finally {
      await ctx.close();
    }
  });
});
