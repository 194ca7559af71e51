import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verpAddress } from '../../src/bounces/verp.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { runCli } from '../cli/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { sample } from './samples.ts';
import { sendEmptyEdition } from './sent-edition.ts';

const SECRET = 'intake-secret-0123456789abc';
const BOUNCES = 'bounces@news.example';
const EDITION = '2024-01-04-0badc0de';
const POSTMARK = 'From MAILER-DAEMON  Thu Jan  4 10:00:02 2024\n';

/** The heap flags `npm run digest` (and so the mail server's pipe) runs the CLI with. */
const PRODUCTION_HEAP = (() => {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
    .scripts.digest;
  return (script?.match(/--max-(?:old|semi)-space-size=\d+/g) ?? []).join(' ');
})();

/** A database whose subscribers were all sent EDITION; their ids by address. */
async function seed(dir: string, emails: string[]): Promise<{ db: string; ids: Map<string, number> }> {
  const db = join(dir, 'digest.db');
  const store = openSqliteStore(db);
  await store.addSubscribers(emails.map((email) => ({ email, name: null })));
  const sent = await sendEmptyEdition(store, EDITION);
  await store.close();
  return { db, ids: new Map(sent.map((d) => [d.email, d.subscriberId])) };
}

async function statusOf(db: string, email: string) {
  const store = openSqliteStore(db);
  const subscriber = await store.findSubscriber(email);
  await store.close();
  return subscriber?.status;
}

/** A Postfix DSN for the subscriber's delivery of EDITION, to its VERP address. */
const dsnFor = (email: string, subscriberId: number) =>
  sample('postfix-hard', {
    verp: verpAddress(BOUNCES, { editionId: EDITION, subscriberId }, SECRET),
    rcpt: email,
    messageId: `<${EDITION}.${subscriberId}@news.example>`,
  });

const mbox = (mails: Buffer[]) =>
  Buffer.concat(mails.flatMap((m) => [Buffer.from(POSTMARK), m, Buffer.from('\n')]));

describe('`digest bounces ingest` on odd and oversize mail', () => {
  const temp = makeTempDir('digest-intake-size-');
  let env: Record<string, string>;
  let ids: Map<string, number>;
  let db: string;
  beforeAll(async () => {
    ({ db, ids } = await seed(temp.dir, ['ana@reader.example', 'ben@reader.example']));
    // The production heap: a mail that needs more memory than the product has fails here as it would there.
    env = {
      DIGEST_DB: db,
      MAIL_FROM: 'Digest <digest@news.example>',
      UNSUBSCRIBE_SECRET: SECRET,
      LOG_LEVEL: 'silent',
      NODE_OPTIONS: PRODUCTION_HEAP,
    };
  });
  afterAll(() => temp.remove());

  it('runs with the heap flags of `npm run digest`', () => {
    expect(PRODUCTION_HEAP).toMatch(/^--max-old-space-size=\d+ --max-semi-space-size=\d+$/);
  });

  it('records a mail of two million empty lines as unparseable, in bounded memory', {
    timeout: 60_000,
  }, async () => {
    const mail = Buffer.concat([
      Buffer.from('From: x@y\nTo: bounces@news.example\nSubject: big\n\n'),
      Buffer.alloc(2_000_000, '\n'),
    ]);
    const result = await runCli(['bounces', 'ingest', '-'], env, mail);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('unparseable no recipient: no change\n');
  });

  it('records ten megabytes of short lines as unparseable', { timeout: 60_000 }, async () => {
    const mail = Buffer.concat([
      Buffer.from('From: x@y\nTo: bounces@news.example\nSubject: big\n\n'),
      Buffer.from('a\n'.repeat(5_000_000)),
    ]);
    const result = await runCli(['bounces', 'ingest', '-'], env, mail);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('unparseable no recipient: no change\n');
  });

  it('goes on to the next mail of a backlog after an odd one, and applies it', {
    timeout: 60_000,
  }, async () => {
    const odd = Buffer.concat([Buffer.from('From: x@y\nSubject: big\n\n'), Buffer.alloc(2_000_000, '\n')]);
    const tooLarge = Buffer.concat([
      Buffer.from('From: x@y\nSubject: huge\n\n'),
      Buffer.alloc(11 * 1024 * 1024, 'b'),
      Buffer.from('\n'),
    ]);
    const ana = dsnFor('ana@reader.example', ids.get('ana@reader.example') ?? 0);
    const result = await runCli(['bounces', 'ingest', '-'], env, mbox([odd, tooLarge, ana]));
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'unparseable no recipient: no change',
      'unparseable no recipient: no change',
    ]);
    expect(lines[2]).toMatch(/^hard 5\.1\.1 ana@reader\.example edition \S+ \(verp\): bounced$/);
    expect(lines.at(-1)).toBe('3 mail(s): 2 unparseable, 1 hard');
    expect(await statusOf(db, 'ana@reader.example')).toBe('bounced');
    expect(await statusOf(db, 'ben@reader.example')).toBe('active');
  });
});

/** A bounce anyone can type, to the plain bounce address, naming a subscriber (QA's mail). */
const PROSE_FORGERY = Buffer.from(
  [
    'From: Mail Delivery System <MAILER-DAEMON@mx.elsewhere.example>',
    `To: ${BOUNCES}`,
    'Subject: Mail delivery failed: returning message to sender',
    'X-Failed-Recipients: bob@example.org',
    '',
    'This message was created automatically by mail delivery software.',
    '',
    'A message that you sent could not be delivered to one or more of its',
    'recipients. This is a permanent error. The following address(es) failed:',
    '',
    '  bob@example.org',
    '    550 5.1.1 User unknown',
    '',
  ].join('\n'),
);

/** A complaint anyone can type, to the plain bounce address (QA's mail). */
const ARF_FORGERY = Buffer.from(
  [
    'From: abuse@elsewhere.example',
    `To: ${BOUNCES}`,
    'Subject: Abuse report',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'This is an abuse report.',
    '--b',
    'Content-Type: message/feedback-report',
    '',
    'Feedback-Type: abuse',
    'Version: 1',
    'Original-Rcpt-To: <dee@example.org>',
    '--b--',
    '',
  ].join('\n'),
);

describe('`digest bounces ingest` with VERP on, a report without a token', () => {
  const temp = makeTempDir('digest-intake-verp-');
  let env: Record<string, string>;
  let ids: Map<string, number>;
  let db: string;
  beforeAll(async () => {
    ({ db, ids } = await seed(temp.dir, ['bob@example.org', 'dee@example.org', 'eve@example.org']));
    env = {
      DIGEST_DB: db,
      MAIL_FROM: 'Digest <digest@news.example>',
      UNSUBSCRIBE_SECRET: SECRET,
      LOG_LEVEL: 'silent',
    };
  });
  afterAll(() => temp.remove());

  it('changes no subscriber for a typed bounce or complaint naming them, and counts each as a notice', async () => {
    const result = await runCli(['bounces', 'ingest', '-'], env, mbox([PROSE_FORGERY, ARF_FORGERY]));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      `hard 5.1.1 bob@example.org edition ${EDITION} (recipient): no change, not believed without a VERP token`,
      `complaint abuse dee@example.org edition ${EDITION} (recipient): no change, not believed without a VERP token`,
      '2 mail(s): 2 notice',
    ]);
    expect(await statusOf(db, 'bob@example.org')).toBe('active');
    expect(await statusOf(db, 'dee@example.org')).toBe('active');
    const stats = await runCli(['bounces', 'stats', '--json'], env);
    expect(JSON.parse(stats.stdout)).toMatchObject({ hard: 0, complaint: 0, notice: 2 });
  });

  it('still applies the real bounce, which carries the token', async () => {
    const result = await runCli(
      ['bounces', 'ingest', '-'],
      env,
      dsnFor('eve@example.org', ids.get('eve@example.org') ?? 0),
    );
    expect(result.stdout).toMatch(/^hard 5\.1\.1 eve@example\.org edition \S+ \(verp\): bounced$/m);
    expect(await statusOf(db, 'eve@example.org')).toBe('bounced');
  });

  it('believes the same mail with BOUNCE_VERP=false, as the README warns', async () => {
    const result = await runCli(['bounces', 'ingest', '-'], { ...env, BOUNCE_VERP: 'false' }, PROSE_FORGERY);
    expect(result.stdout).toBe(`hard 5.1.1 bob@example.org edition ${EDITION} (recipient): bounced\n`);
    expect(await statusOf(db, 'bob@example.org')).toBe('bounced');
  });
});

describe('`digest bounces ingest` while the SQLite database is locked', () => {
  const temp = makeTempDir('digest-intake-lock-');
  let ids: Map<string, number>;
  let db: string;
  beforeAll(async () => {
    ({ db, ids } = await seed(temp.dir, ['ana@reader.example', 'ben@reader.example']));
    base = { DIGEST_DB: db, MAIL_FROM: 'Digest <digest@news.example>', LOG_LEVEL: 'silent' };
  });
  afterAll(() => temp.remove());

  /** Runs the ingest while another process holds the database's write lock (BEGIN EXCLUSIVE). */
  const ingestLocked = async (env: Record<string, string>, mail: Buffer) => {
    const other = new Database(db);
    other.exec('BEGIN EXCLUSIVE');
    try {
      return await runCli(['bounces', 'ingest', '-'], env, mail);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  };
  let base: Record<string, string>;

  it('exits 75 when the secret is read from the database, and the mail is applied on the next try', {
    timeout: 60_000,
  }, async () => {
    // No UNSUBSCRIBE_SECRET (as QA ran it): the secret is the one the database keeps.
    const store = openSqliteStore(db);
    await store.setSettingIfAbsent('unsubscribe_secret', SECRET);
    await store.close();
    const mail = dsnFor('ana@reader.example', ids.get('ana@reader.example') ?? 0);
    const locked = await ingestLocked(base, mail);
    expect(locked.code).toBe(75);
    expect(locked.stderr).toMatch(/database is locked; the mail server should keep the mail and try again/);
    expect(await statusOf(db, 'ana@reader.example')).toBe('active');
    const retried = await runCli(['bounces', 'ingest', '-'], base, mail);
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stdout).toMatch(/\(verp\): bounced$/m);
    expect(await statusOf(db, 'ana@reader.example')).toBe('bounced');
  });

  it('exits 75 when the report cannot be recorded, with UNSUBSCRIBE_SECRET set', {
    timeout: 60_000,
  }, async () => {
    const env = { ...base, UNSUBSCRIBE_SECRET: SECRET };
    const locked = await ingestLocked(env, dsnFor('ben@reader.example', ids.get('ben@reader.example') ?? 0));
    expect(locked.code).toBe(75);
    expect(await statusOf(db, 'ben@reader.example')).toBe('active');
  });
});
