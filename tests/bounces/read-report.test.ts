import { describe, expect, it } from 'vitest';
import { readBounceMail } from '../../src/bounces/read-report.ts';
import { signVerpToken, verpAddress } from '../../src/bounces/verp.ts';
import { type SampleName, sample } from './samples.ts';

const SECRET = 'read-secret-0123456789';
const BOUNCES = 'bounces@news.example';
const delivery = { editionId: '2024-01-04-abcdef01', subscriberId: 42 };
const values = {
  verp: verpAddress(BOUNCES, delivery, SECRET),
  rcpt: 'Ana.Reader@reader.example',
  messageId: '<2024-01-04-abcdef01.42@news.example>',
};
const token = signVerpToken(delivery, SECRET);
/** A delivery status notification to `to` whose per-recipient blocks are `blocks`. */
const dsnMail = (to: string, blocks: string) =>
  Buffer.from(
    [
      `To: ${to}`,
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; x.example',
      '',
      blocks,
      '--b--',
      '',
    ].join('\r\n'),
  );
const read = (name: SampleName, v = values) => readBounceMail(sample(name, v), { bounceAddress: BOUNCES });

describe('reading the bounce mailbox', () => {
  it.each([
    ['postfix-hard', 'dsn', 'hard', '5.1.1', /User unknown in virtual mailbox table/],
    ['gmail-hard', 'dsn', 'hard', '5.1.1', /account that you tried to reach does not exist/],
    ['outlook-hard', 'dsn', 'hard', '5.1.10', /RESOLVER\.ADR\.RecipientNotFound/],
    ['exim-text', 'text', 'hard', '550', /No such user here/],
    ['qmail-text', 'text', 'hard', '5.1.1', /no mailbox here by that name/],
    ['postfix-soft', 'dsn', 'soft', '4.2.2', /Mailbox full/],
    ['postfix-delayed', 'dsn', 'notice', '4.4.1', /Connection timed out/],
  ] as const)('reads %s as a %s report: %s, %s', async (name, format, kind, code, words) => {
    const report = await read(name);
    expect(report).toMatchObject({ format, kind, verpTokens: [token], hadVerpAddress: true });
    expect(report.originalMessageId).toBe(values.messageId);
    expect(report.recipients[0]).toMatchObject({ address: 'ana.reader@reader.example', kind, code });
    expect(report.recipients[0]?.diagnostic).toMatch(words);
  });

  it('reads every recipient of an RFC 3464 report, the worst one deciding the report', async () => {
    const report = await read('rfc3464-multi');
    expect(report.kind).toBe('hard');
    expect(report.recipients.map((r) => [r.address, r.kind, r.code])).toEqual([
      ['ana.reader@reader.example', 'hard', '5.0.0'],
      ['other@example.net', 'notice', '4.0.0'],
    ]);
  });

  it('takes the time of the last attempt, not of the arrival', async () => {
    expect((await read('postfix-soft')).at.toISOString()).toBe('2024-01-09T10:00:01.000Z');
  });

  it.each([
    ['arf-abuse', 'ana.reader@reader.example'],
    ['arf-redacted', null],
    ['jmrp-outlook', 'ana.reader@reader.example'],
  ] as const)('reads %s as a complaint about %s, with the original’s token', async (name, address) => {
    const report = await read(name);
    expect(report).toMatchObject({ format: 'arf', kind: 'complaint', verpTokens: [token] });
    expect(report.recipients[0]?.address ?? null).toBe(address);
    expect(report.originalMessageId).toBe(values.messageId);
  });

  it.each(['outlook-auto-reply', 'vacation'] as const)('knows %s for an auto-reply', async (name) => {
    const report = await read(name);
    expect(report).toMatchObject({ format: 'auto-reply', kind: 'auto-reply', recipients: [] });
    expect(report.originalMessageId).toBe(values.messageId);
  });

  it('calls a person’s mail and binary junk unparseable, saying why', async () => {
    const person = await read('not-a-bounce');
    const junk = await read('garbage');
    expect(person).toMatchObject({ kind: 'unparseable', recipients: [] });
    expect(person.note).toMatch(/Question about your newsletter/);
    expect(junk).toMatchObject({ kind: 'unparseable', recipients: [] });
    expect(await readBounceMail(Buffer.alloc(0), { bounceAddress: BOUNCES })).toMatchObject({
      kind: 'unparseable',
    });
  });

  it('treats a 5.7.1 policy refusal as soft: it says nothing of the address', async () => {
    const text = sample('postfix-hard', values)
      .toString('latin1')
      .replace('Status: 5.1.1', 'Status: 5.7.1')
      .replace(
        /550 5\.1\.1 <([^>]+)>: Recipient address rejected:\r\n {4}User unknown in virtual mailbox table/,
        '550 5.7.1 Message rejected as spam',
      );
    const report = await readBounceMail(Buffer.from(text, 'latin1'), { bounceAddress: BOUNCES });
    expect(report.recipients[0]).toMatchObject({ kind: 'soft', code: '5.7.1' });
  });

  it('reads a huge report in bounded time and memory: only the first MiB is parsed', async () => {
    const head = sample('postfix-hard', values).toString('latin1');
    const huge = Buffer.from(
      head.replace('Good morning. Here is your digest.', 'x'.repeat(76).concat('\r\n').repeat(200_000)),
      'latin1',
    );
    expect(huge.length).toBeGreaterThan(15_000_000);
    const report = await readBounceMail(huge, { bounceAddress: BOUNCES });
    expect(report).toMatchObject({ kind: 'hard', verpTokens: [token] });
  });

  it('keeps a hostile report’s fields bounded: thousands of recipients and a megabyte diagnostic', async () => {
    const blocks = Array.from(
      { length: 5000 },
      (_, i) =>
        `Final-Recipient: rfc822; r${i}@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; ${'z'.repeat(300)}`,
    ).join('\r\n\r\n');
    const report = await readBounceMail(dsnMail(values.verp, blocks), { bounceAddress: BOUNCES });
    expect(report.recipients.length).toBeLessThanOrEqual(50);
    expect(Math.max(...report.recipients.map((r) => r.diagnostic?.length ?? 0))).toBeLessThanOrEqual(500);
  });

  it('finds the token in the report part when the feedback loop sends no copy of the original', async () => {
    const text = sample('arf-redacted', values).toString('latin1');
    const withoutCopy = text.slice(0, text.indexOf('Content-Type: text/rfc822-headers'));
    const report = await readBounceMail(Buffer.from(`${withoutCopy}\r\n------=_Part_1--\r\n`, 'latin1'), {
      bounceAddress: BOUNCES,
    });
    expect(report).toMatchObject({ format: 'arf', kind: 'complaint', verpTokens: [token] });
  });

  // Each of these made a backtracking pattern take 18 to 65 seconds (a line of dashes before
  // the copy marker, a run of address characters, `a@a@…` in a recipient field); the readers
  // are linear now. The test's timeout is only there so that a hang fails.
  it('reads crafted prose bounces and recipient fields without backtracking', {
    timeout: 60_000,
  }, async () => {
    const prose = (headers: string, body: string) =>
      readBounceMail(
        Buffer.from(
          `From: MAILER-DAEMON@mx.example\r\nTo: ${BOUNCES}\r\nSubject: Mail delivery failed\r\n${headers}\r\n${body}`,
        ),
        { bounceAddress: BOUNCES },
      );
    const dashes = await prose(
      'X-Failed-Recipients: ana@reader.example\r\n',
      `permanent error: User unknown\r\n${'-'.repeat(200_000)}\r\n`,
    );
    expect(dashes).toMatchObject({ format: 'text', kind: 'hard' });
    expect(dashes.recipients[0]?.address).toBe('ana@reader.example');
    // The recipient named after 200,000 characters of junk is beyond what is read of an explanation.
    const run = await prose(
      '',
      `could not be delivered:\r\n${'a'.repeat(200_000)}\r\n\r\n  ana@reader.example\r\n  550 no such user\r\n------ This is a copy of the message\r\n`,
    );
    expect(run.kind).toBe('unparseable');
    const field = `rfc822; ${'a@'.repeat(995)}"`;
    const blocks = Array.from(
      { length: 50 },
      () => `Final-Recipient: ${field}\r\nAction: failed\r\nStatus: 5.1.1`,
    );
    const dsn = await readBounceMail(dsnMail(BOUNCES, blocks.join('\r\n\r\n')), { bounceAddress: BOUNCES });
    // As many blocks as the 64 KiB read of a part holds.
    expect(dsn.recipients).toHaveLength(32);
    expect(dsn.kind).toBe('hard');
  });
});
