import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { emailAddressProblem } from '../../src/store/email-address.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { exportSubscribersCsv, importSubscribersCsv } from '../../src/store/subscriber-csv.ts';
import { freshStoreEach, STORE_BACKENDS } from '../helpers/store-backends.ts';

const CSV = [
  'email,name',
  'ana@example.org,Ana',
  'not-an-address,Nobody',
  '"bob@example.org","Doe, Bob"',
  '',
  'ANA@EXAMPLE.ORG,Ana again',
  'carl@localhost,Carl',
  'dana@bücher.example,Dana',
].join('\n');

async function collect(stream: PassThrough): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe.each(STORE_BACKENDS)('subscriber CSV import and export on $name', (backend) => {
  let store: DigestStore;
  freshStoreEach(backend, (s) => {
    store = s;
  });

  it('reports each bad row with its line number and imports the good ones', async () => {
    const rejected: [number, string][] = [];
    const report = await importSubscribersCsv(store, Readable.from([CSV]), {
      onRejected: (line, reason) => rejected.push([line, reason]),
    });
    expect(report).toEqual({ rows: 6, added: 3, existing: 1, keptLeft: 0, rejected: 2 });
    expect(rejected).toEqual([
      [3, '"not-an-address" has no @'],
      [7, '"carl@localhost" has a domain without a dot "localhost"'],
    ]);
    expect((await store.findSubscriber('bob@example.org'))?.name).toBe('Doe, Bob');
  });

  it('adds nobody twice when the same file is imported again', async () => {
    await importSubscribersCsv(store, Readable.from([CSV]));
    const again = await importSubscribersCsv(store, Readable.from([CSV]));
    expect(again).toMatchObject({ added: 0, existing: 4, rejected: 2 });
    expect(await store.countSubscribers()).toBe(3);
  });

  it('never resubscribes someone who left, and keeps the status a file carries', async () => {
    await store.addSubscriber('ana@example.org', 'Ana');
    await store.setSubscriberStatus('ana@example.org', 'unsubscribed', { source: 'cli' });
    const csv = 'Email,Name,Status\nana@example.org,Ana,active\nzoe@example.org,Zoe,bounced\n';
    await importSubscribersCsv(store, Readable.from([csv]));
    expect((await store.findSubscriber('ana@example.org'))?.status).toBe('unsubscribed');
    expect((await store.findSubscriber('zoe@example.org'))?.status).toBe('bounced');
  });

  it('refuses a file without an email column, naming line 1', async () => {
    await expect(importSubscribersCsv(store, Readable.from(['mail,name\na@b.org,A\n']))).rejects.toThrow(
      /line 1 must be a header with an "email" column/,
    );
    expect(await store.countSubscribers()).toBe(0);
  });

  it('refuses only the line of a quote that never closes, and reads the lines after it as rows', async () => {
    const rejected: [number, string][] = [];
    const csv = 'email,name\na@example.org,A\n\n"b@example.org,B\nc@example.org,C\n';
    const report = await importSubscribersCsv(store, Readable.from([csv]), {
      onRejected: (line, reason) => rejected.push([line, reason]),
    });
    expect(rejected).toEqual([
      [
        4,
        'a quote opens on this line and does not close before the end of the file: the line is refused, the lines after it are read as rows',
      ],
    ]);
    expect(report).toEqual({ rows: 3, added: 2, existing: 0, keptLeft: 0, rejected: 1 });
    expect((await store.findSubscriber('c@example.org'))?.name).toBe('C');
    expect(await store.findSubscriber('b@example.org')).toBeNull();
  });

  it('refuses a line with a stray quote, and imports the rows before and after it', async () => {
    const rejected: [number, string][] = [];
    const csv = 'email,name\na@example.org,A\nb@example.org,B"ob\nc@example.org,C\n';
    await importSubscribersCsv(store, Readable.from([csv]), {
      onRejected: (line, reason) => rejected.push([line, reason]),
    });
    expect(rejected).toEqual([
      [3, expect.stringMatching(/^not valid CSV: a quote inside a field that does not start with one/)],
    ]);
    expect(await store.countSubscribers()).toBe(2);
  });

  it('refuses a quote inside a quoted field once, at its line, and the summary adds up', async () => {
    const rejected: [number, string][] = [];
    const csv = 'email,name\nb1@example.org,One\nb2@example.org,"Bad "quote" here"\nb3@example.org,Three\n';
    const report = await importSubscribersCsv(store, Readable.from([csv]), {
      onRejected: (line, reason) => rejected.push([line, reason]),
    });
    expect(rejected).toEqual([[3, expect.stringMatching(/^not valid CSV: text after the closing quote/)]]);
    expect(report).toEqual({ rows: 3, added: 2, existing: 0, keptLeft: 0, rejected: 1 });
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])(
    'names each bad line once, where it starts, with %s endings; rows = added + already + refused',
    async (_name, eol) => {
      await store.addSubscriber('old@example.org', null);
      const lines = [
        'email,name', // 1
        'A1,Ann', // 2: no @
        'ok1@example.org,"Doe, Jo"', // 3
        'ok2@example.org,"two', // 4: a quoted name over two lines: one row
        'lines"', // 5
        'x@example.org,B"ob', // 6: stray quote
        'old@example.org,Old', // 7: already on the list
        '', // 8: blank, no row
        'ok3@example.org,"The ""Third""",extra', // 9
        'a11,"Eleven', // 10: never closes
        'ok4@example.org,Four', // 11
      ];
      const rejected: [number, string][] = [];
      const report = await importSubscribersCsv(store, Readable.from([lines.join(eol) + eol]), {
        onRejected: (line, reason) => rejected.push([line, reason]),
      });
      // Line 6 is named as line 6 after a record of two lines: the count follows the file.
      expect(rejected.map(([line]) => line)).toEqual([2, 6, 10]);
      expect(report).toEqual({ rows: 8, added: 4, existing: 1, keptLeft: 0, rejected: 3 });
      expect(report.rows).toBe(report.added + report.existing + report.rejected);
      expect((await store.findSubscriber('ok3@example.org'))?.name).toBe('The "Third"');
      expect((await store.findSubscriber('ok4@example.org'))?.name).toBe('Four');
      expect((await store.findSubscriber('ok2@example.org'))?.name).toBe('two\nlines');
    },
  );

  it('never takes an address from inside a quoted field that spans lines (a notes column)', async () => {
    const csv = 'email,name,notes\nana@example.org,Ana,"friends:\nben@example.org\ncarl@example.org"\n';
    const report = await importSubscribersCsv(store, Readable.from([csv]));
    expect(report).toEqual({ rows: 1, added: 1, existing: 0, keptLeft: 0, rejected: 0 });
    expect(await store.findSubscriber('ben@example.org')).toBeNull();
  });

  it('refuses a quote still open after 16 KiB at its line, and imports every row it had swallowed', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `r${i}@example.org,R${i}`);
    const csv = ['email,name', '"x@example.org,X', ...rows].join('\n');
    const rejected: number[] = [];
    const report = await importSubscribersCsv(store, Readable.from([csv]), {
      onRejected: (line) => rejected.push(line),
    });
    expect(rejected).toEqual([2]);
    expect(report).toMatchObject({ rows: 2001, added: 2000, rejected: 1 });
  });

  it('refuses a header that names a column twice: which one is the address would be a guess', async () => {
    await expect(
      importSubscribersCsv(store, Readable.from(['email,name,email\na@example.org,A,b@example.org\n'])),
    ).rejects.toThrow(
      'line 1 must be a header with an "email" column (email,name), but it names the column "email" twice',
    );
    expect(await store.countSubscribers()).toBe(0);
  });

  it('refuses a 20 MB line and a name over 200 characters by line, and never stores them', async () => {
    const rejected: [number, string][] = [];
    const huge = `huge@example.org,${'x'.repeat(20 * 1024 * 1024)}`;
    const long = `long@example.org,${'y'.repeat(201)}`;
    const chunks = [
      'email,name\na@example.org,A\n',
      huge.slice(0, 1e6),
      huge.slice(1e6),
      `\n${long}\nz@example.org,Z\n`,
    ];
    const report = await importSubscribersCsv(store, Readable.from(chunks), {
      onRejected: (line, reason) => rejected.push([line, reason]),
    });
    expect(rejected).toEqual([
      [3, 'the line is longer than 16384 bytes: not read'],
      [4, 'long@example.org: the name is longer than 200 characters (201)'],
    ]);
    expect(report).toMatchObject({ added: 2, rejected: 2 });
    expect(await store.findSubscriber('huge@example.org')).toBeNull();
    expect(await store.findSubscriber('long@example.org')).toBeNull();
    expect((await store.findSubscriber('z@example.org'))?.name).toBe('Z');
  });

  it('names each row whose address left and stays so, though the file says active', async () => {
    await store.addSubscriber('ana@example.org', 'Ana');
    await store.setSubscriberStatus('ana@example.org', 'bounced', { source: 'bounce' });
    const kept: [number, string, string][] = [];
    const report = await importSubscribersCsv(
      store,
      Readable.from(['email\nben@example.org\nANA@example.org\n']),
      { onKeptLeft: (line, email, status) => kept.push([line, email, status]) },
    );
    expect(kept).toEqual([[3, 'ana@example.org', 'bounced']]);
    expect(report).toMatchObject({ added: 1, existing: 1, keptLeft: 1 });
    expect((await store.findSubscriber('ana@example.org'))?.status).toBe('bounced');
  });

  it('exports the list as CSV that imports back into an empty store unchanged', async () => {
    await importSubscribersCsv(store, Readable.from([CSV]));
    await store.setSubscriberStatus('ana@example.org', 'unsubscribed', { source: 'cli' });
    const out = new PassThrough();
    const text = collect(out);
    expect(await exportSubscribersCsv(store, out)).toBe(3);
    out.end();
    const csv = await text;
    expect(csv.split('\n')[0]).toBe('email,name,status,created_at');
    expect(csv).toContain('bob@example.org,"Doe, Bob",active,');

    const other = await backend.fresh();
    expect(await importSubscribersCsv(other.store, Readable.from([csv]))).toMatchObject({
      added: 3,
      rejected: 0,
    });
    expect((await other.store.findSubscriber('ana@example.org'))?.status).toBe('unsubscribed');
    await other.dispose();
  });
});

describe.each(STORE_BACKENDS)('formulas in a CSV export on $name', (backend) => {
  let store: DigestStore;
  freshStoreEach(backend, (s) => {
    store = s;
  });

  it('neutralises every cell a spreadsheet would run (OWASP), and imports them back unchanged', async () => {
    const names = [
      '=HYPERLINK("http://evil.example","x")',
      '+1 555 0100',
      '-2+3',
      '@SUM(A1:A2)',
      "'=already quoted",
      "''+twice",
      "O'Brien",
      "'plain quote",
    ];
    const addresses = names.map((_, i) => `reader${i}@example.org`);
    for (const [i, name] of names.entries()) await store.addSubscriber(addresses[i] ?? '', name);
    // Addresses may start with these characters too.
    await store.addSubscriber('=cmd@example.org', null);
    await store.addSubscriber('-minus@example.org', null);
    const out = new PassThrough();
    const text = collect(out);
    await exportSubscribersCsv(store, out);
    out.end();
    const csv = await text;
    const cells = csv
      .split('\n')
      .slice(1, -1)
      .flatMap((line) => [line.split(',')[0] ?? '', /^[^,]+,("(?:[^"]|"")*"|[^,]*)/.exec(line)?.[1] ?? '']);
    const unquoted = cells.map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c));
    // No cell starts a formula: each starts with ' or a harmless character.
    expect(unquoted.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(csv).toContain('reader0@example.org,"\'=HYPERLINK(""http://evil.example"",""x"")",active,');
    expect(csv).toContain("'=cmd@example.org,,active,");
    expect(csv).toContain("reader4@example.org,''=already quoted,active,");
    expect(csv).toContain("reader6@example.org,O'Brien,active,");
    expect(csv).toContain("reader7@example.org,'plain quote,active,");

    const other = await backend.fresh();
    expect(await importSubscribersCsv(other.store, Readable.from([csv]))).toMatchObject({
      added: names.length + 2,
      rejected: 0,
    });
    for (const [i, name] of names.entries())
      expect((await other.store.findSubscriber(addresses[i] ?? ''))?.name).toBe(name);
    expect(await other.store.findSubscriber('=cmd@example.org')).not.toBeNull();
    expect(await other.store.findSubscriber('-minus@example.org')).not.toBeNull();
    await other.dispose();
  });
});

describe('the address rule', () => {
  it.each([
    'ana@example.org',
    'first.last+tag@sub.example.co.uk',
    "o'brien@example.ie",
    'dana@bücher.example',
    'x@xn--bcher-kva.example',
  ])('accepts %s', (address) => {
    expect(emailAddressProblem(address)).toBeNull();
  });

  it.each([
    ['', 'is empty'],
    ['ana.example.org', 'has no @'],
    ['@example.org', 'has nothing before the @'],
    ['ana..b@example.org', 'has a character not allowed before the @'],
    ['ana b@example.org', 'has a character not allowed before the @'],
    ['ana@', 'has no domain after the @'],
    ['ana@example', 'has a domain without a dot "example"'],
    ['ana@-example.org', 'has an invalid domain "-example.org"'],
    ['ana@example.c0m', 'has an invalid top-level domain "example.c0m"'],
    ['ana@example.123', 'has an invalid domain "example.123"'],
    [`${'a'.repeat(65)}@example.org`, 'has more than 64 characters before the @'],
  ])('refuses "%s": %s', (address, reason) => {
    expect(emailAddressProblem(address)).toBe(reason);
  });
});
