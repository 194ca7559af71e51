import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DevInbox, type DevInboxOptions, startDevInbox } from '../../src/server/dev-inbox/index.ts';

interface Running {
  inbox: DevInbox;
  http: Server;
  base: string;
  port: number;
}

let dir = '';
const running: Running[] = [];

async function start(options: Partial<DevInboxOptions> = {}): Promise<Running> {
  const inbox = await startDevInbox({ dir, smtpPort: 0, ...options });
  const http = createServer((req, res) => {
    void inbox.handle(req, res, '/inbox').then((handled) => {
      if (!handled) res.writeHead(418).end('not the inbox');
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const run = { inbox, http, base, port: Number(new URL(inbox.smtpUrl).port) };
  running.push(run);
  return run;
}

async function stop(run: Running): Promise<void> {
  running.splice(running.indexOf(run), 1);
  await new Promise<void>((resolve) => run.http.close(() => resolve()));
  await run.inbox.close();
}

function send(port: number, message: Parameters<ReturnType<typeof createTransport>['sendMail']>[0]) {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return transport.sendMail({ from: 'Digest <digest@example.test>', to: 'reader@example.test', ...message });
}

/** A GET that sends the path exactly as written (fetch would resolve "%2e%2e" first). */
function getExact(base: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    get({ hostname, port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dev-inbox-'));
});

afterEach(async () => {
  for (const run of [...running]) await stop(run);
  await rm(dir, { recursive: true, force: true });
});

describe('dev inbox', () => {
  it('keeps a sent message and lists it in list() and in /inbox.json', async () => {
    const { inbox, base, port } = await start();
    await send(port, { subject: 'Morning digest', text: 'Hello', bcc: 'hidden@example.test' });
    const [message] = await inbox.list();
    expect(message).toMatchObject({ from: '"Digest" <digest@example.test>', subject: 'Morning digest' });
    expect(message?.to).toEqual(['reader@example.test', 'hidden@example.test']);
    expect(message?.id).toMatch(/^\d{13}-[0-9a-f]{8}$/);
    const response = await fetch(`${base}/inbox.json`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(await inbox.list());
    expect(await readdir(dir)).toEqual([`${message?.id}.eml`]);
  });

  it('lists messages newest first and shows an empty state before any mail', async () => {
    const { base, port } = await start();
    const empty = await (await fetch(`${base}/inbox`)).text();
    expect(empty).toContain('No mail yet');
    expect(empty).toMatch(/<meta http-equiv="refresh" content="\d+">/);
    await send(port, { subject: 'First issue', text: '1' });
    await send(port, { subject: 'Second issue', text: '2' });
    const html = await (await fetch(`${base}/inbox`)).text();
    expect(html.indexOf('Second issue')).toBeLessThan(html.indexOf('First issue'));
    expect(html.replace(/<wbr>/g, '')).toContain('reader@example.test');
  });

  it('shows the subject, the text part and the headers on the message page', async () => {
    const { inbox, base, port } = await start();
    await send(port, {
      subject: 'Café digest',
      text: 'Blinken met Lavrov in Geneva.',
      headers: { 'List-Unsubscribe': '<https://example.test/u/1>' },
    });
    const [message] = await inbox.list();
    const response = await fetch(`${base}/inbox/${message?.id}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('<h2>Café digest</h2>');
    expect(html).toMatch(/<pre>Blinken met Lavrov in Geneva.\s*<\/pre>/);
    expect(html).toContain('<th>Subject</th><td>Café digest</td>');
    // A long value is marked as an address: it may wrap anywhere.
    expect(html).toContain(
      '<th>List-Unsubscribe</th><td><span class="addr">&lt;https://example.test/u/1&gt;</span></td>',
    );
    expect(html).toContain('This message has no HTML part.');
  });

  it('escapes a subject containing <script> on the list and message pages', async () => {
    const { inbox, base, port } = await start();
    const subject = '<script>alert("x")</script> & more';
    await send(port, { subject, text: '<b>not bold</b>' });
    const [message] = await inbox.list();
    expect(message?.subject).toBe(subject);
    for (const path of ['/inbox', `/inbox/${message?.id}`]) {
      const html = await (await fetch(`${base}${path}`)).text();
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    }
    const page = await (await fetch(`${base}/inbox/${message?.id}`)).text();
    expect(page).toContain('&lt;b&gt;not bold&lt;/b&gt;');
  });

  it('serves the HTML part with a strict Content-Security-Policy inside a sandboxed frame', async () => {
    const { inbox, base, port } = await start();
    await send(port, { subject: 'Rich', text: 'plain', html: '<p>Hello <strong>reader</strong></p>' });
    const [message] = await inbox.list();
    const page = await (await fetch(`${base}/inbox/${message?.id}`)).text();
    const frame = /<iframe[^>]*>/.exec(page)?.[0] ?? '';
    expect(frame).toMatch(/sandbox="[^"]*"/);
    expect(frame).not.toContain('allow-scripts');
    expect(frame).not.toContain('allow-same-origin');
    expect(frame).toContain(`src="/inbox/${message?.id}/html"`);
    const response = await fetch(`${base}/inbox/${message?.id}/html`);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline'",
    );
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<p>Hello <strong>reader</strong></p>');
  });

  it('serves the raw message and attachments as downloads', async () => {
    const { inbox, base, port } = await start();
    const ics = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
    await send(port, {
      subject: 'With events',
      text: 'see attached',
      attachments: [{ filename: 'événements.ics', content: ics }],
    });
    const [message] = await inbox.list();
    const raw = await fetch(`${base}/inbox/${message?.id}/raw`);
    const source = await raw.text();
    expect(source).toContain('Subject: With events');
    expect(Buffer.from(source)).toEqual(await inbox.read(message?.id ?? ''));
    const page = await (await fetch(`${base}/inbox/${message?.id}`)).text();
    expect(page).toContain(`href="/inbox/${message?.id}/attachments/0"`);
    expect(page).toContain('événements.ics');
    const attachment = await fetch(`${base}/inbox/${message?.id}/attachments/0`);
    expect(attachment.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''%C3%A9v%C3%A9nements.ics",
    );
    expect(await attachment.text()).toBe(ics);
    expect((await fetch(`${base}/inbox/${message?.id}/attachments/1`)).status).toBe(404);
  });

  it('keeps messages across closing and restarting the inbox on the same folder', async () => {
    const first = await start();
    await send(first.port, { subject: 'Before restart', text: 'kept', bcc: 'hidden@example.test' });
    const before = await first.inbox.list();
    await stop(first);
    const second = await start();
    expect(await second.inbox.list()).toEqual(before);
    const html = await (await fetch(`${second.base}/inbox/${before[0]?.id}`)).text();
    expect(html).toMatch(/<pre>kept\s*<\/pre>/);
  });

  it('answers 404 for a path-traversal id and for an unknown id', async () => {
    const { inbox, base } = await start();
    for (const path of [
      '/inbox/..%2F..%2Fetc%2Fpasswd',
      '/inbox/%2e%2e/raw',
      '/inbox/../../etc/passwd',
      '/inbox/..',
      '/inbox/1234-abc',
      '/inbox/1234-abc/html',
    ]) {
      const response = await getExact(base, path);
      expect(response.status, path).toBe(404);
      expect(response.body).toContain('Not found');
    }
    expect(await inbox.read('../../etc/passwd')).toBeNull();
    expect(await inbox.read('1234-abc')).toBeNull();
  });

  it('leaves paths outside its prefix to the caller and refuses other methods', async () => {
    const { base } = await start();
    expect((await fetch(`${base}/inboxes`)).status).toBe(418);
    expect((await fetch(`${base}/`)).status).toBe(418);
    expect((await fetch(`${base}/inbox`, { method: 'POST' })).status).toBe(405);
  });

  it('removes the oldest messages beyond maxMessages', async () => {
    const { inbox, port } = await start({ maxMessages: 2 });
    for (const subject of ['one', 'two', 'three']) await send(port, { subject, text: subject });
    expect((await inbox.list()).map((message) => message.subject)).toEqual(['three', 'two']);
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('refuses a message over 10 MB and keeps nothing of it', async () => {
    const { inbox, port } = await start();
    const big = 'x'.repeat(11 * 1024 * 1024);
    await expect(send(port, { subject: 'Too big', text: big })).rejects.toThrow(/552|size/i);
    expect(await inbox.list()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects with an error naming the port when the SMTP port is in use', async () => {
    const { port } = await start();
    await expect(startDevInbox({ dir, smtpPort: port })).rejects.toThrow(`port ${port} is already in use`);
  });
});
