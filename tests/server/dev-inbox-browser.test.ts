import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevInbox, startDevInbox } from '../../src/server/dev-inbox/index.ts';
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from '../helpers/chromium.ts';
import { layoutProblems } from '../helpers/page-layout.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

if (!HAS_CHROMIUM)
  console.warn(`dev-inbox-browser: skipped, ${CHROMIUM} is missing (apt-get install chromium)`);

/** Screenshots kept as test artifacts (git-ignored). */
const SHOTS = join('test-results', 'dev-inbox');

describe.skipIf(!HAS_CHROMIUM)('the dev inbox in a real browser (Chromium)', () => {
  const temp = makeTempDir('digest-inbox-browser-');
  let browser: Browser;
  let inbox: DevInbox;
  let http: Server;
  let base = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    inbox = await startDevInbox({ dir: temp.dir, smtpPort: 0 });
    http = createServer((req, res) => {
      void inbox.handle(req, res, '/inbox').then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const transport = createTransport({
      host: '127.0.0.1',
      port: Number(new URL(inbox.smtpUrl).port),
      secure: false,
      ignoreTLS: true,
    });
    // As the digest sends them: a long subject, a long address, links and an attachment.
    await transport.sendMail({
      from: '"The Article Digest" <digest-editions-and-confirmations@newsletter.example.org>',
      to: 'a.very.long.address.of.a.reader.who.reads.the.news@subdomain.of.a.long.example.org',
      subject: 'The Article Digest: The US asks Russia to remove “the gun from Ukraine’s head” to negotiate',
      text: `Read more: https://news.example.org/${'long-path-segment/'.repeat(8)}\nUnsubscribe: https://news.example.org/unsubscribe?token=${'x'.repeat(120)}`,
      html: '<p>Hello</p>',
      headers: { 'List-Unsubscribe': `<https://news.example.org/unsubscribe?token=${'y'.repeat(120)}>` },
      attachments: [{ filename: 'events.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => http?.close(resolve));
    await inbox?.close();
    temp.remove();
  });

  it('fits the list and a message at 375 px and at 1280 px, words whole', async () => {
    const [message] = await inbox.list();
    for (const path of ['/inbox', `/inbox/${message?.id}`]) {
      for (const width of [375, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        await page.goto(`${base}${path}`);
        const layout = await layoutProblems(page);
        expect(layout.scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(width);
        expect(layout.overflowing, `${path} at ${width} px`).toEqual([]);
        expect(layout.brokenWords, `${path} at ${width} px`).toEqual([]);
        const name = path === '/inbox' ? 'list' : 'message';
        await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
        await page.close();
      }
    }
  });
});
