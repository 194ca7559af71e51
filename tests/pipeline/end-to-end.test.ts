import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { resolveUnsubscribeSecret, sendEdition } from '../../src/pipeline.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';

const SAMPLE = 'examples/articles/blinken-gun-from-ukraines-head.md';

describe('the sample article to a delivered digest', () => {
  let dir: string;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'digest-e2e-'));
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers one digest with summary, quotes, meeting dates and read-more links over real SMTP', async () => {
    const config = loadConfig({ SMTP_URL: sink.url, DIGEST_DB: join(dir, 'digest.db') });
    const store = openSqliteStore(config.dbPath);
    await store.addSubscriber('ana@example.org', 'Ana');
    const mailer = createSmtpMailer(sink.url);
    const ctx = {
      config,
      store,
      mailer,
      secret: await resolveUnsubscribeSecret(config, store),
      log: () => {},
    };
    const { articles } = await loadArticles([SAMPLE]);
    const report = await sendEdition(ctx, articles, { now: new Date('2022-01-06T07:00:00Z') });
    mailer.close();

    expect(report?.outcome).toBe('done');
    expect(report?.progress.sent).toBe(1);
    expect(sink.received).toHaveLength(1);
    const mail = await simpleParser(sink.received[0]?.raw ?? Buffer.alloc(0));
    expect(mail.subject).toContain('the gun from Ukraine’s head');
    expect(mail.html).toBeTruthy();
    const text = mail.text ?? '';
    expect(text).toContain('Hi Ana,');
    expect(text).toMatch(/Blinken called the Russian military presence/);
    expect(text).toMatch(/It will be very difficult to make progress[^\n]*\n\s+— Antony Blinken/);
    for (const date of ['10 Jan 2022', '12 Jan 2022', '13 Jan 2022']) {
      expect(text).toContain(date);
      expect(mail.html).toContain(date);
    }
    expect(text).toMatch(/read more/i);
    expect(mail.html).toMatch(/read more/i);
    // mailparser folds List-* headers into one "list" object: read the raw header.
    expect(sink.received[0]?.raw.toString('utf8')).toMatch(
      /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m,
    );
    expect(mail.attachments.map((a) => a.contentType)).toContain('text/calendar');

    const again = await sendEdition(ctx, articles, { now: new Date('2022-01-06T07:00:00Z') });
    expect(again).toBeNull();
    expect(sink.received).toHaveLength(1);
    await store.close();
  });
});
