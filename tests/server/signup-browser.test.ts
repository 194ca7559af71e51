import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { simpleParser } from 'mailparser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../cli/run-cli.ts';
import { type DigestProcess, startDigest } from '../helpers/child.ts';
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from '../helpers/chromium.ts';
import { freeLoopbackPort } from '../helpers/ports.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

if (!HAS_CHROMIUM) console.warn(`signup-browser: skipped, ${CHROMIUM} is missing (apt-get install chromium)`);

const SAMPLE = 'examples/articles/blinken-gun-from-ukraines-head.md';
const SECOND = 'tests/fixtures/eval/01-andes-water-talks.md';
const TOKEN = 'ops-token-0123456789abcdef';
const READER = 'new.reader@example.org';

interface InboxEntry {
  id: string;
  subject: string;
  to: string[];
}

/** Issue 14, "Checked from outside": a person signs up in Chromium against the real worker. */
describe.skipIf(!HAS_CHROMIUM)('signing up in a real browser (Chromium), end to end', () => {
  const temp = makeTempDir('digest-signup-e2e-');
  let browser: Browser;
  let worker: DigestProcess;
  let base = '';
  let env: Record<string, string>;

  /** The first dev-inbox message to READER whose subject matches, once it has arrived. */
  const waitForMail = async (subject: RegExp) => {
    for (let i = 0; i < 200; i++) {
      const list = (await (await fetch(`${base}/inbox.json`)).json()) as InboxEntry[];
      const found = list.find((m) => m.to.includes(READER) && subject.test(m.subject));
      if (found)
        return simpleParser(Buffer.from(await (await fetch(`${base}/inbox/${found.id}/raw`)).arrayBuffer()));
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no mail ${subject} to ${READER}`);
  };

  beforeAll(async () => {
    const sources = join(temp.dir, 'articles');
    mkdirSync(sources);
    copyFileSync(SAMPLE, join(sources, 'sample.md'));
    const [http, smtp] = [await freeLoopbackPort(), await freeLoopbackPort()];
    base = `http://127.0.0.1:${http}`;
    env = {
      DIGEST_DB: join(temp.dir, 'digest.db'),
      HTTP_PORT: String(http),
      DEV_INBOX_SMTP_PORT: String(smtp),
      DIGEST_SOURCES: sources,
      OPS_TOKEN: TOKEN,
      DIGEST_CRON: '0 0 1 1 *',
      DIGEST_CATCH_UP: 'skip',
      LOG_LEVEL: 'info',
    };
    worker = startDigest(['worker'], env);
    await worker.waitFor(/sign-up page: /);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    temp.remove();
  });

  it('signs up, confirms from the dev inbox, gets the welcome and the next edition, and reads it in the archive', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${base}/subscribe`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByLabel('Email address').fill(READER);
    await page.getByLabel(/Name/).fill('New Reader');
    // The keyboard reaches the button from the fields.
    await page.getByLabel(/Name/).press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Subscribe');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.waitForSelector('text=Check your inbox');

    const confirmation = await waitForMail(/Confirm your subscription/);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/subscribe\/confirm\?token=[\w.-]+)/.exec(
      confirmation.text ?? '',
    )?.[1];
    expect(link).toBeDefined();
    await page.goto(link ?? '');
    await page.getByRole('button', { name: 'Confirm my subscription' }).click();
    await page.waitForSelector('text=You are subscribed');
    await waitForMail(/Welcome to/);

    const listed = await startCli(['subscribers', 'list', '--consent'], env).done;
    const line = listed.stdout.split('\n').find((l) => l.startsWith(READER));
    expect(line).toMatch(
      /^new\.reader@example\.org\tNew Reader\tactive\tconfirmed \d{4}-\d\d-\d\dT\S+ form 127\.0\.0\.1$/,
    );

    copyFileSync(SECOND, join(env.DIGEST_SOURCES ?? '', 'second.md'));
    const started = await fetch(`${base}/api/editions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(started.status).toBe(202);
    const digest = await waitForMail(/glacier water talks/);
    const view = /href="([^"]+\/archive\/[^"]+)"[^>]*>View in browser/.exec(String(digest.html))?.[1];
    expect(view).toBeDefined();
    await page.goto(view ?? '');
    // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees
    const text = await page.locator('body').innerText();
    expect(text).toContain('Chile and Argentina to resume glacier water talks');
    expect(text).not.toContain(READER);
    expect(text).not.toContain('New Reader');

    const feed = await (await fetch(`${base}/archive/feed.xml`)).text();
    expect(XMLValidator.validate(feed)).toBe(true);
    const entries = new XMLParser({ ignoreAttributes: false }).parse(feed).feed.entry;
    expect(JSON.stringify(entries)).toContain(view ?? 'missing');
    await page.close();
  }, 90_000);
});
