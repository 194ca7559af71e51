import { describe, expect, it } from 'vitest';
import { type MailboxItem, splitMailbox } from '../../src/bounces/mailbox.ts';

async function split(text: string, max = 1024 * 1024, chunk = 7, keep = max): Promise<MailboxItem[]> {
  const bytes = Buffer.from(text);
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
    bytes.subarray(i * chunk, (i + 1) * chunk),
  );
  const items: MailboxItem[] = [];
  for await (const item of splitMailbox(
    (async function* () {
      yield* chunks;
    })(),
    { keepBytes: keep, maxBytes: max },
  ))
    items.push(item);
  return items;
}

const mails = (items: MailboxItem[]) =>
  items.map((i) => ('mail' in i ? i.mail.toString() : `too large: ${i.tooLarge}`));

describe('splitting a stream into mails', () => {
  it('takes a stream without a postmark as one mail, whole', async () => {
    expect(mails(await split('Subject: a\r\n\r\nFrom me to you\r\n'))).toEqual([
      'Subject: a\r\n\r\nFrom me to you\r\n',
    ]);
  });

  it('drops the postmark Postfix puts before a piped mail', async () => {
    const text = 'From MAILER-DAEMON  Thu Jan  4 10:00:02 2024\nSubject: a\n\nbody\n';
    expect(mails(await split(text))).toEqual(['Subject: a\n\nbody\n']);
  });

  it('splits an mbox at postmarks after blank lines and undoes >From quoting', async () => {
    const text = [
      'From a@example.org Thu Jan  4 10:00:00 2024',
      'Subject: one',
      '',
      '>From the start',
      '>>From deeper',
      'From here on, no postmark',
      '',
      'From b@example.org Fri Jan  5 11:00:00 2024',
      'Subject: two',
      '',
      'body',
      '',
    ].join('\n');
    expect(mails(await split(text))).toEqual([
      'Subject: one\n\nFrom the start\n>From deeper\nFrom here on, no postmark\n\n',
      'Subject: two\n\nbody\n',
    ]);
  });

  it('reports a mail over the limit as too large and goes on with the next', async () => {
    const big = 'x'.repeat(5000);
    const text = `From a Thu Jan  4 10:00:00 2024\nSubject: big\n\n${big}\n\nFrom b Thu Jan  4 10:00:00 2024\nSubject: small\n\nok\n`;
    const items = mails(await split(text, 1000, 512));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^too large: \d+$/);
    expect(items[1]).toBe('Subject: small\n\nok\n');
  });

  it('bounds a single endless line too', async () => {
    const items = await split(`Subject: x\n\n${'y'.repeat(50_000)}`, 1000, 4096);
    expect(items).toHaveLength(1);
    expect('tooLarge' in (items[0] as MailboxItem)).toBe(true);
  });

  it('keeps only the first bytes of a mail of a million lines, and counts them all', async () => {
    const text = `Subject: lines\n\n${'\n'.repeat(1_000_000)}From a Thu Jan  4 10:00:00 2024\n`;
    const items = await split(text, 10_000_000, 65_536, 1000);
    expect(items).toHaveLength(1);
    const item = items[0] as { mail: Buffer; size: number };
    expect(item.mail.length).toBe(1000);
    expect(item.mail.subarray(0, 16).toString()).toBe('Subject: lines\n\n');
    expect(item.size).toBe(text.length);
  });

  it('splits an mbox whose lines are longer than a chunk, unquoting a long >From line', async () => {
    const long = 'y'.repeat(5000);
    const text = `From a Thu Jan  4 10:00:00 2024\nSubject: one\n\n>From ${long}\n\nFrom b Thu Jan  4 10:00:00 2024\nSubject: two\n\n${long}`;
    expect(mails(await split(text, 1_000_000, 512))).toEqual([
      `Subject: one\n\nFrom ${long}\n\n`,
      `Subject: two\n\n${long}`,
    ]);
  });
});
