import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { unsubscribeByMail } from '../../src/deliver/unsubscribe-mail.ts';
import { signUnsubscribeToken } from '../../src/deliver/unsubscribe-token.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { buildMessage, prepareEdition } from '../../src/pipeline.ts';
import { buildMime } from '../../src/render/mime.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { runCli } from '../cli/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const SECRET = 'mailto-secret-0123456789';

/** The mail a client writes from a List-Unsubscribe mailto: URI (RFC 6068). */
function mailFromMailto(mailto: string, from: string): string {
  const uri = new URL(mailto);
  return [
    `From: ${from}`,
    `To: ${uri.pathname}`,
    `Subject: ${uri.searchParams.get('subject') ?? ''}`,
    'Message-ID: <reply-1@reader.example>',
    '',
    'Sent from my phone',
    '',
  ].join('\r\n');
}

describe('unsubscribing by mail (the List-Unsubscribe mailto: address)', () => {
  const temp = makeTempDir('digest-unsub-mail-');
  const dbPath = join(temp.dir, 'digest.db');
  let store: DigestStore;
  let mailto = '';

  beforeAll(async () => {
    store = openSqliteStore(dbPath);
    await store.addSubscriber('ana@example.org', 'Ana');
    await store.addSubscriber('ben@example.org', 'Ben');
    const config = loadConfig({
      DIGEST_DB: dbPath,
      UNSUBSCRIBE_SECRET: SECRET,
      MAIL_FROM: 'Digest <digest@news.example>',
    });
    const { articles } = await loadArticles(['examples/articles']);
    const rendered = await prepareEdition(articles, config, new Date('2022-01-06T07:00:00Z'), SECRET);
    const message = buildMessage(
      rendered,
      { email: 'ana@example.org', name: 'Ana', messageId: '<m@news.example>' },
      config,
      SECRET,
    );
    // What the subscriber's client sees, read back from the message as sent.
    const header =
      /^List-Unsubscribe:(.*(?:\r\n .*)*)/m.exec(buildMime(message).toString('latin1'))?.[1] ?? '';
    mailto = /<(mailto:[^>]+)>/.exec(header.replace(/\r\n /g, ' '))?.[1] ?? '';
  });
  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it("puts the subscriber's signed token in the mailto subject", () => {
    expect(mailto).toMatch(/^mailto:unsubscribe@news\.example\?subject=unsubscribe%20/);
  });

  it('unsubscribes the address the token was signed for, and nobody else', async () => {
    const result = await unsubscribeByMail(mailFromMailto(mailto, 'Ana <ana@example.org>'), store, SECRET);
    expect(result).toEqual({ email: 'ana@example.org', outcome: 'unsubscribed' });
    expect((await store.findSubscriber('ana@example.org'))?.status).toBe('unsubscribed');
    expect((await store.findSubscriber('ben@example.org'))?.status).toBe('active');
  });

  it('refuses a mail without a valid token: a forged From or a token signed with another secret', async () => {
    const forged = mailFromMailto(
      'mailto:unsubscribe@news.example?subject=unsubscribe',
      'Ben <ben@example.org>',
    );
    await expect(unsubscribeByMail(forged, store, SECRET)).rejects.toMatchObject({
      code: 'UNSUBSCRIBE_UNVERIFIED',
    });
    const wrongKey = signUnsubscribeToken('ben@example.org', 'another-secret-0123456789');
    const other = mailFromMailto(
      `mailto:unsubscribe@news.example?subject=unsubscribe%20${wrongKey}`,
      'x@evil.example',
    );
    await expect(unsubscribeByMail(other, store, SECRET)).rejects.toThrow(/no valid unsubscribe token/);
    expect((await store.findSubscriber('ben@example.org'))?.status).toBe('active');
  });

  it('works as `digest subscribers unsubscribe-mail FILE`, exit 0, and exit 1 for a mail it cannot verify', async () => {
    const token = signUnsubscribeToken('ben@example.org', SECRET);
    const good = join(temp.dir, 'good.eml');
    writeFileSync(
      good,
      mailFromMailto(`mailto:unsubscribe@news.example?subject=unsubscribe%20${token}`, 'ben@example.org'),
    );
    const bad = join(temp.dir, 'bad.eml');
    writeFileSync(
      bad,
      mailFromMailto('mailto:unsubscribe@news.example?subject=please%20remove%20me', 'ben@example.org'),
    );
    const env = { DIGEST_DB: dbPath, UNSUBSCRIBE_SECRET: SECRET };
    const refused = await runCli(['subscribers', 'unsubscribe-mail', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no valid unsubscribe token/);
    const done = await runCli(['subscribers', 'unsubscribe-mail', good], env);
    expect(done.code).toBe(0);
    expect(done.stdout).toBe('unsubscribed: ben@example.org\n');
  }, 30_000);
});
