import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/models/message.ts';
import { buildMime, composeMime, toMailOptions } from '../../src/render/mime.ts';
import { encodeQuotedPrintable } from '../../src/render/quoted-printable.ts';

function message(fields: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    from: 'The Daily <digest@example.org>',
    to: '"Ána O’Brien" <ana@example.org>',
    subject: 'Daily: “the gun from Ukraine’s head” = news',
    html: `<!DOCTYPE html><html lang="en"><body><p>${'Grüße, “quotes” = fine. '.repeat(200)}</p><a href="https://x.example/u?a=1&amp;b=2">u</a></body></html>`,
    text: 'Hello,\n\nLine with trailing space \nTabbed\t\n=start\n.dot line\nFrom here\n'.repeat(5),
    messageId: '<m1@example.org>',
    date: new Date('2022-01-06T07:00:00Z'),
    headers: {
      'List-Unsubscribe':
        '<https://x.example/unsubscribe?token=abc.def>, <mailto:unsubscribe@example.org?subject=unsubscribe>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': 'The Daily <digest.example.org>',
    },
    attachments: [
      {
        filename: 'events.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Zürich\r\nEND:VCALENDAR\r\n',
      },
    ],
    ...fields,
  };
}

async function nodemailerMime(m: OutgoingMessage): Promise<Buffer> {
  return new MailComposer(toMailOptions(m)).compile().build();
}

describe('composeMime', () => {
  it('means exactly what nodemailer composes: headers, both parts and the attachment (mailparser)', async () => {
    const m = message();
    const [ours, theirs] = await Promise.all([
      composeMime(m).then((b) => simpleParser(b)),
      nodemailerMime(m).then((b) => simpleParser(b)),
    ]);
    expect(ours.subject).toBe(m.subject);
    expect(ours.html).toBe(m.html);
    expect(ours.text).toBe(m.text);
    for (const key of ['subject', 'html', 'text', 'messageId'] as const)
      expect(ours[key]).toEqual(theirs[key]);
    expect(ours.date?.toISOString()).toBe(theirs.date?.toISOString());
    expect(ours.from?.value).toEqual(theirs.from?.value);
    expect(JSON.stringify(ours.to)).toBe(JSON.stringify(theirs.to));
    // mailparser gathers List-Unsubscribe, List-Unsubscribe-Post and List-Id under "list".
    expect(ours.headers.get('list')).toEqual(theirs.headers.get('list'));
    expect(ours.headers.get('list')).toMatchObject({
      'unsubscribe-post': expect.anything(),
      id: expect.anything(),
    });
    expect(ours.headers.get('mime-version')).toBe('1.0');
    const lines = (mail: typeof ours) => mail.headerLines.map((h) => h.line.replace(/\r?\n\s+/g, ' '));
    expect(lines(ours)).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(
      lines(ours)
        .filter((l) => l.startsWith('List-'))
        .sort(),
    ).toEqual(
      lines(theirs)
        .filter((l) => l.startsWith('List-'))
        .sort(),
    );
    const [a, b] = [ours.attachments[0], theirs.attachments[0]];
    expect(a?.filename).toBe('events.ics');
    expect(a?.contentType).toBe('text/calendar');
    expect(a?.content.toString('utf8')).toBe(b?.content.toString('utf8'));
    expect(a?.contentDisposition).toBe('attachment');
  });

  it('writes lines of at most 78 characters, in 7-bit ASCII, with CRLF line ends', async () => {
    const raw = (await composeMime(message())).toString('latin1');
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    const outside = [...raw].filter((c) => c !== '\t' && c !== '\r' && c !== '\n' && (c < ' ' || c > '~'));
    expect(outside).toEqual([]);
    expect(raw).not.toMatch(/[^\r]\n/);
  });

  it('is a multipart/alternative without attachments', async () => {
    const mail = await simpleParser(buildMime(message({ attachments: [] })));
    expect(mail.attachments).toHaveLength(0);
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(mail.text).toBe(message().text);
  });

  it('keeps a recipient name with CR/LF inside the To header', async () => {
    const raw = buildMime(message({ to: '"Eve\r\nBcc: x@evil.example" <eve@example.org>' })).toString(
      'latin1',
    );
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(headers).not.toMatch(/^Bcc:/im);
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(JSON.stringify(mail.to)).toContain('eve@example.org');
  });

  it('writes the same html and text from pieces as from whole strings, within line limits', async () => {
    const m = message();
    // Cut anywhere: mid-word, after a trailing space, before a line break, around "=".
    const cut = (s: string, at: number[]) =>
      at.map((n, i) => s.slice(at[i - 1] ?? 0, n)).concat(s.slice(at.at(-1)));
    const pieces = {
      html: cut(m.html, [0, 30, 31, 2000, 2001, 4999]),
      text: cut(m.text, [5, 6, 31, 32, 33, 90]),
    };
    expect(pieces.html.join('')).toBe(m.html);
    const raw = buildMime({ ...m, pieces });
    const mail = await simpleParser(raw);
    expect(mail.html).toBe(m.html);
    expect(mail.text).toBe(m.text);
    const latin = raw.toString('latin1');
    for (const line of latin.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(latin).not.toMatch(/[^\r]\n/);
    // A second recipient reuses the encoded static pieces and still gets their own values.
    const other = { ...pieces, text: pieces.text.map((p, i) => (i % 2 === 1 ? `other${i}` : p)) };
    const second = await simpleParser(buildMime({ ...m, pieces: other, text: other.text.join('') }));
    expect(second.text).toBe(other.text.join(''));
  });

  it('writes plain ASCII headers as nodemailer would read them', async () => {
    const m = message({ to: '"Reader 7" <reader7@example.org>', subject: 'Daily: plain words' });
    const [ours, theirs] = await Promise.all([
      simpleParser(buildMime(m)),
      nodemailerMime(m).then((b) => simpleParser(b)),
    ]);
    expect(JSON.stringify(ours.to)).toBe(JSON.stringify(theirs.to));
    expect(ours.subject).toBe(theirs.subject);
    expect(ours.headers.get('list')).toEqual(theirs.headers.get('list'));
  });

  it('gives the same bytes for the same message (stable .eml)', () => {
    expect(buildMime(message()).equals(buildMime(message()))).toBe(true);
  });
});

describe('encodeQuotedPrintable', () => {
  async function decode(qp: string): Promise<string> {
    const raw = `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp}`;
    return (await simpleParser(raw)).text ?? '';
  }

  it('round-trips white space at line ends, "=", non-ASCII and long lines', async () => {
    const text = `a \nb\t\n= == =\n${'x'.repeat(200)}\n${'ü€😀'.repeat(40)}\nend `;
    const qp = encodeQuotedPrintable(text);
    for (const line of qp.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(qp).not.toMatch(/[ \t]\r\n/);
    expect(await decode(qp)).toBe(text);
  });

  it('never splits an escape sequence across a soft line break', () => {
    const qp = encodeQuotedPrintable('é'.repeat(100));
    for (const line of qp.split('=\r\n')) expect(line).toMatch(/^(=[0-9A-F]{2})*$/);
  });
});
