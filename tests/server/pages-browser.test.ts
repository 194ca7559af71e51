import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUnsubscribeToken } from '../../src/deliver/unsubscribe-token.ts';
import { type RunningServer, startHttpServer } from '../../src/server/http-server.ts';
import { createSignupService, type SignupService } from '../../src/server/signup/service.ts';
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from '../helpers/chromium.ts';
import { layoutProblems } from '../helpers/page-layout.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { openTestContext } from '../schedule/context.ts';

if (!HAS_CHROMIUM) console.warn(`pages-browser: skipped, ${CHROMIUM} is missing (apt-get install chromium)`);

const LONG = 'a.very.long.address.of.a.reader.who.reads.the.news@subdomain.of.a.long.example.org';

/** Nothing scrolls sideways, nothing is cut, no word is broken mid-word (addresses may be). */
async function expectReadable(page: Page, what: string): Promise<void> {
  const layout = await layoutProblems(page);
  expect(layout.scrollWidth, what).toBeLessThanOrEqual(375);
  expect(layout.overflowing, what).toEqual([]);
  expect(layout.brokenWords, what).toEqual([]);
}

describe.skipIf(!HAS_CHROMIUM)('the readers’ pages in a real browser (Chromium), at 375 px', () => {
  const temp = makeTempDir('digest-pages-browser-');
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let service: SignupService;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    ctx = await openTestContext(temp.dir, sink.url, {});
    service = createSignupService({
      store: ctx.store,
      mailer: ctx.mailer,
      config: ctx.config,
      secret: ctx.secret,
    });
    server = await startHttpServer({
      port: 0,
      store: ctx.store,
      secret: ctx.secret,
      newsletterName: ctx.config.newsletterName,
      signup: { service },
      archive: { config: ctx.config },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await service?.idle();
    await ctx?.close();
    await sink?.close();
    temp.remove();
  });

  it('unsubscribes a long address and resubscribes it with the button, saying truly whether a mail went', async () => {
    await ctx.store.addSubscriber(LONG, null);
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const link = `${server.url}/unsubscribe?token=${signUnsubscribeToken(LONG, ctx.secret)}`;
    await page.goto(link);
    await expectReadable(page, 'the unsubscribe page');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByText('You are unsubscribed').waitFor();
    await expectReadable(page, 'unsubscribed');
    await page.getByRole('button', { name: 'Resubscribe' }).click();
    await page.getByText('A link to confirm is on its way').waitFor();
    await expectReadable(page, 'the resubscribe answer');
    await service.idle();
    expect(sink.received.map((m) => m.to)).toEqual([[LONG]]);
    // Pressed again (the link in the mail opened again): no second mail, and the page says why.
    await page.goto(link);
    await page.getByText('You were already unsubscribed').waitFor();
    await page.getByRole('button', { name: 'Resubscribe' }).click();
    await page.getByText('No new mail sent').waitFor();
    expect(await page.locator('main').textContent()).toContain('It still works');
    await expectReadable(page, 'the resubscribe answer within the hour');
    await service.idle();
    expect(sink.received).toHaveLength(1);
    await page.close();
  });

  it('fits the sign-up pages and the archive', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    for (const path of ['/subscribe', '/archive']) {
      await page.goto(`${server.url}${path}`);
      await expectReadable(page, path);
    }
    // A sign-up posted from another site: the page asking to confirm shows the address.
    await page.setContent(
      `<form method="post" action="${server.url}/subscribe"><input name="email" value="${LONG}"><button>Go</button></form>`,
    );
    await page.getByRole('button', { name: 'Go' }).click();
    await page.getByText('Subscribe to').first().waitFor();
    await expectReadable(page, 'the sign-up to confirm');
    await page.close();
  });
});
