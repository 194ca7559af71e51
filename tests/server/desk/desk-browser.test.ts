import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { type Browser, type Cookie, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { layoutProblems } from '../../helpers/page-layout.ts';
import { until } from '../../helpers/until.ts';
import { welcome } from './desk-page.ts';
import { startDeskServer } from './desk-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`desk-browser: skipped, ${CHROMIUM} is missing (apt-get install chromium)`);

/** Screenshots of the desk are kept as test artifacts here (git-ignored). */
const SHOTS = join('test-results', 'desk');
const NOW = new Date('2022-01-06T05:00:00Z');

type Desk = Awaited<ReturnType<typeof startDeskServer>>;

/**
 * Saves a screenshot at 1280 and 375 px, checking that nothing scrolls sideways, no table is
 * cut in its box, and no word is broken mid-word (addresses may be).
 */
async function shoot(browser: Browser, cookies: Cookie[], url: string, name: string) {
  for (const width of [1280, 375]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(url.split('#')[0] ?? url);
    const layout = await layoutProblems(page);
    expect(layout.scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(width);
    expect(layout.overflowing, `${name} at ${width} px`).toEqual([]);
    expect(layout.brokenWords, `${name} at ${width} px`).toEqual([]);
    const file = join(SHOTS, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    // The first screenful too: what a person sees on arriving.
    await page.screenshot({ path: join(SHOTS, `${name}-${width}-top.png`) });
    expect(statSync(file).size).toBeGreaterThan(5_000);
    await context.close();
  }
}

describe.skipIf(!HAS_CHROMIUM)('the desk in a real browser (Chromium)', () => {
  let browser: Browser;
  const desks: Desk[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-sync',
      ],
    });
  });
  afterEach(async () => {
    for (const d of desks.splice(0)) await d.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const open = async (...args: Parameters<typeof startDeskServer>) => {
    const desk = await startDeskServer(...args);
    desks.push(desk);
    return desk;
  };

  it('an editor fixes a speaker and an event date and approves: the sent message and its .ics carry the fixes', async () => {
    const desk = await open({ DIGEST_REVIEW: 'required', EDITOR_EMAILS: 'editor@example.org' });
    await desk.ctx.store.addSubscriber('ana@example.org', 'Ana');
    await desk.runner.run({ now: NOW });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await welcome(page, await desk.account('eve@example.org', 'editor'));
    await page.getByRole('link', { name: 'Drafts', exact: true }).first().click();
    await page.getByRole('link', { name: /gun from Ukraine/ }).click();
    const frame = page.frameLocator('iframe.frame');
    await expect.poll(() => frame.locator('body').textContent()).toContain('Antony Blinken');

    const quote = page.locator('fieldset', { hasText: 'It will be very difficult to make progress' });
    await quote.getByLabel('Speaker').fill('Tony Blinken');
    await quote.getByRole('button', { name: 'Save quote' }).click();
    await page.getByText('Saved 1 correction(s)').waitFor();
    const event = page.locator('fieldset', {
      has: page.locator('legend', { hasText: 'Bilateral security conversation' }),
    });
    await event.getByLabel('Date').fill('2022-01-11');
    await event.getByRole('button', { name: 'Save event' }).click();
    await page.getByText('Saved 1 correction(s)').waitFor();
    await expect
      .poll(() => page.frameLocator('iframe.frame').locator('body').textContent())
      .toContain('Tue, 11 Jan 2022');
    await shoot(browser, await context.cookies(), page.url(), 'draft');

    await page.getByRole('button', { name: 'Approve and send now' }).click();
    // An editor may not see the edition's page: the draft says it was sent, and links the archive.
    await page.getByText('Approved and under way').waitFor();
    await page.getByRole('link', { name: 'its page in the archive' }).waitFor();
    await until(() => desk.sink.received.some((m) => m.to.includes('ana@example.org')));
    const mail = await simpleParser(
      desk.sink.received.find((m) => m.to.includes('ana@example.org'))?.raw ?? '',
    );
    expect(mail.text).toContain('Tony Blinken');
    expect(mail.html).toContain('Tony Blinken');
    const ics =
      mail.attachments.find((a) => a.contentType === 'text/calendar')?.content.toString('utf8') ?? '';
    const events = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(events.find((v) => v.location === 'Geneva')?.startDate.toString()).toBe('2022-01-11');
    await context.close();
  });

  it('holds an unapproved draft at its slot, mails the editors, and shows it held', async () => {
    const desk = await open(
      {
        DIGEST_REVIEW: 'required',
        EDITOR_EMAILS: 'editor@example.org',
        DIGEST_CRON: '* * * * * *',
        DIGEST_REVIEW_LEAD: '5s',
      },
      { worker: true },
    );
    await desk.ctx.store.addSubscriber('ana@example.org', null);
    await until(async () => (await desk.ctx.store.drafts.list(1))[0]?.heldAt != null);
    await until(() => desk.sink.received.filter((m) => m.to.includes('editor@example.org')).length >= 2);
    const subjects = await Promise.all(
      desk.sink.received
        .filter((m) => m.to.includes('editor@example.org'))
        .map(async (m) => (await simpleParser(m.raw)).subject),
    );
    expect(subjects).toEqual([expect.stringMatching(/Draft ready/), expect.stringMatching(/Draft held/)]);
    expect(desk.sink.received.some((m) => m.to.includes('ana@example.org'))).toBe(false);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await welcome(page, await desk.account('eve@example.org', 'editor'));
    await page.goto(`${desk.url}/desk/drafts`);
    await expect.poll(() => page.locator('main').textContent()).toContain('held');
    await shoot(browser, await context.cookies(), page.url(), 'drafts');
    await context.close();
  });

  it('ops resume a paused edition from its page, once the cause is fixed', async () => {
    let refusing = true;
    const desk = await open(
      { SMTP_MAX_ATTEMPTS: '50', SMTP_RETRY_BASE_MS: '0' },
      {
        sink: {
          onRcptTo(address, _session, callback) {
            if (refusing && address.address.startsWith('reader')) {
              callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
            } else callback();
          },
        },
      },
    );
    for (let i = 0; i < 25; i++) await desk.ctx.store.addSubscriber(`reader${i}@example.org`, null);
    const result = await desk.runner.run({ now: NOW });
    const editionId = result.kind === 'ran' ? result.reports[0]?.editionId : undefined;
    expect(result.kind === 'ran' && result.reports[0]?.outcome).toBe('paused');
    refusing = false;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await welcome(page, await desk.account('olga@example.org', 'ops'));
    await page.getByRole('link', { name: 'Editions' }).first().click();
    await shoot(browser, await context.cookies(), page.url(), 'editions');
    await page.getByRole('link', { name: /gun from Ukraine/ }).click();
    await shoot(browser, await context.cookies(), page.url(), 'edition-paused');
    await page.getByRole('button', { name: 'Resume this edition' }).click();
    await page.getByText('Under way').waitFor();
    await until(async () => (await desk.ctx.store.getEdition(editionId ?? ''))?.status === 'done');
    expect(new Set(desk.sink.received.flatMap((m) => m.to)).size).toBe(25);
    await page.reload();
    await expect.poll(() => page.locator('main').textContent()).toContain('25 / 25');
    await page.goto(`${desk.url}/desk/subscribers?q=reader1`);
    await shoot(browser, await context.cookies(), page.url(), 'subscribers');
    await page.getByRole('link', { name: 'reader1@example.org' }).click();
    await shoot(browser, await context.cookies(), page.url(), 'subscriber');
    await context.close();
  });

  it('lines the header up with the content and wraps a long address, at 375 and 1280 px', async () => {
    const desk = await open();
    const long = 'a.very.long.address.of.a.reader.who.reads.the.news@subdomain.of.a.long.example.org';
    await desk.ctx.store.addSubscriber(long, 'Reader with a long address');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await welcome(page, await desk.account('olga@example.org', 'ops'));
    expect(await page.title()).toBe('Desk');
    const url = `${desk.url}/desk/subscribers/one?email=${encodeURIComponent(long)}`;
    await shoot(browser, await context.cookies(), url, 'subscriber-long');
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      const box = async (selector: string) => {
        const found = await page.locator(selector).first().boundingBox();
        if (!found) throw new Error(`no ${selector}`);
        return found;
      };
      const [link, h1, main, header, signOut] = await Promise.all(
        ['header nav a', 'main h1', 'main', 'header', 'header button'].map(box),
      );
      if (!link || !h1 || !main || !header || !signOut) throw new Error('missing box');
      expect(Math.abs(link.x - h1.x), `nav and content at ${width} px`).toBeLessThanOrEqual(1);
      expect(Math.abs(header.x - main.x), `header and content at ${width} px`).toBeLessThanOrEqual(1);
      expect(signOut.x + signOut.width, `Sign out at ${width} px`).toBeLessThanOrEqual(
        main.x + main.width + 1,
      );
      expect(h1.y - (header.y + header.height), `H1 below the header at ${width} px`).toBeGreaterThanOrEqual(
        12,
      );
      // The address is the heading, whole: wrapped, not cut.
      expect((await page.locator('main h1').textContent())?.replace(/\s/g, '')).toBe(long);
    }
    await context.close();
  });

  it('refuses a signed-out request, a forged CSRF token and a form from another site', async () => {
    const desk = await open();
    await desk.ctx.store.addSubscriber('ana@example.org', null);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${desk.url}/desk/subscribers`);
    expect(new URL(page.url()).pathname).toBe('/desk/sign-in');
    await shoot(browser, [], page.url(), 'sign-in');
    await welcome(page, await desk.account('olga@example.org', 'ops'));

    await page.goto(`${desk.url}/desk/subscribers/one?email=ana%40example.org`);
    // A tampered page: the form's token is not the one the server signed for this browser.
    await page
      .locator('form[action="/desk/subscribers/status"] input[name="_csrf"]')
      .evaluate((input) => input.setAttribute('value', 'forged-token-forged-token-forged-token-xx'));
    await page.getByRole('button', { name: 'Mark bounced' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Form expired');
    expect((await desk.ctx.store.findSubscriber('ana@example.org'))?.status).toBe('active');

    // Another site (localhost is not 127.0.0.1) posting to the desk: no session cookie goes along.
    const evil: Server = createServer((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<form method="post" action="${desk.url}/desk/subscribers/status"><input name="_csrf" value="guess"><input name="email" value="ana@example.org"><input name="status" value="unsubscribed"><button>Win a prize</button></form>`,
        );
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://localhost:${(evil.address() as AddressInfo).port}/`);
      await page.getByRole('button', { name: 'Win a prize' }).click();
      await page.waitForLoadState();
      expect(await page.locator('h1').textContent()).toMatch(/Sign in first|Form expired/);
      expect((await desk.ctx.store.findSubscriber('ana@example.org'))?.status).toBe('active');
    } finally {
      await new Promise((resolve) => evil.close(resolve));
    }
    await context.close();
  });
});
