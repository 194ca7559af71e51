import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBounces } from '../../src/cli/bounces-command.ts';
import { registerSend } from '../../src/cli/send-command.ts';
import { registerStatus } from '../../src/cli/status-command.ts';
import { registerSubscribers } from '../../src/cli/subscribers-command.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { runCli } from '../cli/run-cli.ts';
import { runCommand } from '../cli/run-command.ts';
import { type ReceivedMail, startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { type SampleName, sample } from './samples.ts';

const READERS = ['ana', 'ben', 'cat', 'dan', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jon', 'kim'].map(
  (name) => `${name}@reader.example`,
);

/** What a delivery was sent as: the VERP envelope sender and the Message-ID, per recipient. */
function sentTo(received: ReceivedMail[], rcpt: string): { verp: string; messageId: string } {
  const mail = received.filter((m) => m.to.includes(rcpt)).at(-1);
  if (!mail) throw new Error(`nothing was sent to ${rcpt}`);
  const messageId = /^Message-ID: (<[^>]+>)/im.exec(mail.raw.toString('latin1'))?.[1] ?? '';
  return { verp: mail.from, messageId };
}

/** An mbox of the mails, as a mailbox file (or Postfix's local delivery, for one) writes them. */
const mbox = (mails: Buffer[]) =>
  Buffer.concat(
    mails.flatMap((m) => [
      Buffer.from('From MAILER-DAEMON  Thu Jan  4 10:00:02 2024\n'),
      m,
      Buffer.from('\n'),
    ]),
  );

// One scenario in order, as the bounce mailbox would see it: sends go to a real SMTP server on
// loopback, each bounce is written for the delivery it got and piped into the real CLI process.
describe('bounces piped into `digest bounces ingest -`', () => {
  const temp = makeTempDir('digest-bounces-');
  const db = join(temp.dir, 'digest.db');
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let env: Record<string, string>;
  let editions = 0;
  const digest = (args: string[]) =>
    runCommand([registerSend, registerStatus, registerSubscribers, registerBounces], args, env);
  const ingest = (mail: Buffer) => runCli(['bounces', 'ingest', '-'], env, mail);
  const status = async (email: string) => {
    const store = openSqliteStore(db);
    const subscriber = await store.findSubscriber(email);
    await store.close();
    return subscriber?.status;
  };
  const bounce = (name: SampleName, rcpt: string) => sample(name, { ...sentTo(sink.received, rcpt), rcpt });
  /** Sends a new edition (a new article) to every active subscriber; returns who got it. */
  const sendEdition = async (): Promise<string[]> => {
    const before = sink.received.length;
    const file = join(temp.dir, `article-${++editions}.md`);
    writeFileSync(
      file,
      `---\ntitle: News number ${editions}\npublished: 2024-01-0${editions}\n---\nNews number ${editions}\n\nThe council met on edition day ${editions} and decided things.\n`,
    );
    const sent = await digest(['send', file, '--now']);
    expect(sent.code, sent.stderr).toBe(0);
    return sink.received
      .slice(before)
      .flatMap((m) => m.to)
      .sort();
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    const store = openSqliteStore(db);
    await store.addSubscribers(READERS.map((email) => ({ email, name: null })));
    await store.close();
    env = {
      SMTP_URL: sink.url,
      DIGEST_DB: db,
      MAIL_FROM: 'The Article Digest <digest@news.example>',
      UNSUBSCRIBE_SECRET: 'bounce-secret-for-tests-0123',
      LOG_LEVEL: 'silent',
    };
    expect(await sendEdition()).toEqual([...READERS].sort());
  });
  afterAll(async () => {
    await sink.close();
    temp.remove();
  });

  it('sends each delivery from its own signed VERP address, the From header unchanged', () => {
    const ana = sink.received.find((m) => m.to.includes('ana@reader.example'));
    const ben = sink.received.find((m) => m.to.includes('ben@reader.example'));
    expect(ana?.from).toMatch(/^bounces\+[a-z2-7]{20,32}@news\.example$/);
    expect(ben?.from).not.toBe(ana?.from);
    expect(ana?.raw.toString('latin1')).toMatch(/^From: The Article Digest <digest@news\.example>$/m);
  });

  it('marks the recipient of a Postfix DSN bounced, and only them', async () => {
    const result = await ingest(mbox([bounce('postfix-hard', 'ana@reader.example')]));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^hard 5\.1\.1 ana@reader\.example edition \S+ \(verp\): bounced$/m);
    expect(await status('ana@reader.example')).toBe('bounced');
    expect(await status('ben@reader.example')).toBe('active');
  });

  it('maps the Gmail, Outlook, Exim, qmail and RFC 3464 shapes to their subscribers', async () => {
    const shapes: [SampleName, string][] = [
      ['gmail-hard', 'ben@reader.example'],
      ['outlook-hard', 'cat@reader.example'],
      ['exim-text', 'dan@reader.example'],
      ['qmail-text', 'ivy@reader.example'],
      ['rfc3464-multi', 'jon@reader.example'],
    ];
    const result = await ingest(mbox(shapes.map(([name, rcpt]) => bounce(name, rcpt))));
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    for (const [i, [, rcpt]] of shapes.entries()) {
      expect(lines[i]).toMatch(new RegExp(`^hard \\S+ ${rcpt.replace('.', '\\.')} .*\\(verp\\): bounced$`));
    }
    expect(lines.at(-1)).toBe('5 mail(s): 5 hard');
    for (const [, rcpt] of shapes) expect(await status(rcpt)).toBe('bounced');
  });

  it('changes nothing for a forged VERP token nor for an address not on the list', async () => {
    const real = sentTo(sink.received, 'kim@reader.example');
    const [local, domain] = real.verp.split('@');
    const flipped = `${local?.slice(0, -1)}${local?.endsWith('a') ? 'b' : 'a'}@${domain}`;
    const forged = sample('postfix-hard', { ...real, verp: flipped, rcpt: 'kim@reader.example' });
    const stranger = sample('postfix-hard', {
      verp: 'bounces@news.example',
      rcpt: 'stranger@elsewhere.example',
      messageId: '<someone-else@elsewhere.example>',
    });
    const result = await ingest(mbox([forged, stranger]));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^hard 5\.1\.1 kim@reader\.example \(forged\): no change$/m);
    expect(result.stdout).toMatch(/^hard 5\.1\.1 stranger@elsewhere\.example \(unmatched\): no change$/m);
    expect(await status('kim@reader.example')).toBe('active');
    expect(await status('stranger@elsewhere.example')).toBeUndefined();
  });

  it('unsubscribes the recipient of an ARF complaint at once', async () => {
    const result = await ingest(bounce('arf-abuse', 'eve@reader.example'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^complaint abuse eve@reader\.example .*\(verp\): unsubscribed$/m);
    expect(await status('eve@reader.example')).toBe('unsubscribed');
  });

  it('counts auto-replies, notices and unreadable mail, and changes nothing for them', async () => {
    const mails = [
      bounce('outlook-auto-reply', 'gus@reader.example'),
      bounce('postfix-delayed', 'gus@reader.example'),
      bounce('not-a-bounce', 'gus@reader.example'),
      bounce('garbage', 'gus@reader.example'),
    ];
    const result = await ingest(mbox(mails));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('4 mail(s): 1 auto-reply, 1 notice, 2 unparseable');
    expect(await status('gus@reader.example')).toBe('active');
    const stats = await digest(['bounces', 'stats', '--json']);
    expect(JSON.parse(stats.stdout)).toEqual({
      hard: 6,
      soft: 0,
      complaint: 1,
      notice: 1,
      autoReply: 1,
      unparseable: 2,
      unmatched: 1,
      forged: 1,
    });
  });

  it('marks bounced after soft bounces from three editions, not before', async () => {
    const fay = 'fay@reader.example';
    // The first edition's soft bounce, reported twice: still one edition.
    for (const _ of [1, 2])
      expect((await ingest(bounce('postfix-soft', fay))).stdout).toMatch(/: no change$/m);
    expect(await sendEdition()).toContain(fay);
    expect((await ingest(bounce('postfix-soft', fay))).stdout).toMatch(
      /^soft 4\.2\.2 fay@reader\.example .*: no change$/m,
    );
    expect(await status(fay)).toBe('active');
    expect(await sendEdition()).toContain(fay);
    expect((await ingest(bounce('postfix-soft', fay))).stdout).toMatch(
      /^soft 4\.2\.2 fay@reader\.example .*: bounced$/m,
    );
    expect(await status(fay)).toBe('bounced');
  });

  it('skips everyone who bounced or complained in the next edition', async () => {
    expect(await sendEdition()).toEqual(['gus@reader.example', 'hal@reader.example', 'kim@reader.example']);
  });

  it('shows why a subscriber is bounced, and the bounces per edition in status', async () => {
    const list = await digest(['subscribers', 'list', '--status', 'bounced']);
    expect(list.stdout).toMatch(
      /^ana@reader\.example\t\tbounced\thard bounce 5\.1\.1 on 2024-01-04, edition \S+: 550 5\.1\.1 <ana@reader\.example>: Recipient address rejected: User unknown in virtual mailbox table$/m,
    );
    expect(list.stdout).toMatch(
      /^fay@reader\.example\t\tbounced\tsoft bounces reached BOUNCE_SOFT_LIMIT; the last 4\.2\.2 on 2024-01-09, edition \S+: 452 4\.2\.2 <fay@reader\.example>: Mailbox full$/m,
    );
    const store = openSqliteStore(db);
    const [, , , first] = await store.listEditions(10);
    await store.close();
    const detail = await digest(['status', first?.id ?? '', '--json']);
    expect(JSON.parse(detail.stdout).bounces).toEqual({
      hard: 6,
      soft: 2,
      complaint: 1,
      notice: 1,
      autoReply: 1,
      unparseable: 0,
      unmatched: 0,
      forged: 0,
    });
    const text = await digest(['status', first?.id ?? '']);
    expect(text.stdout).toMatch(
      /^ {2}bounce reports {2}6 hard, 2 soft, 1 complaint\(s\), 1 auto-reply\(s\), 1 notice\(s\)$/m,
    );
  });
});
