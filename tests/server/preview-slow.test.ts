import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { startPreviewServer } from '../../src/server/preview-server.ts';
import { HAS_CHROMIUM, launchChromium } from '../helpers/chromium.ts';
import { type HeldSource, startHeldSource } from '../helpers/held-source.ts';
import { until } from '../helpers/until.ts';

/** A held source (it answers once released) and a preview of it that waits 300 ms before "building". */
async function startSlowPreview() {
  const source = await startHeldSource('The slow council');
  const server = await startPreviewServer({
    config: loadConfig({}),
    port: 0,
    loadSources: () => loadArticles([source.url], { fetch: { allowPrivateLinks: true } }),
    answerWithinMs: 300,
  });
  return { source, server };
}

// The preview of sources that take longer than a request may wait (a feed of slow pages).
describe('the preview of slow sources', () => {
  let source: HeldSource;
  let server: Awaited<ReturnType<typeof startPreviewServer>>;
  beforeEach(async () => {
    ({ source, server } = await startSlowPreview());
  });
  afterEach(async () => {
    source.release();
    await server.close();
    await source.close();
  });

  it('answers at once that it is building, reloading itself, then shows the digest once built', async () => {
    const first = await fetch(`${server.url}/`);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('5');
    const page = await first.text();
    expect(page).toContain('<meta http-equiv="refresh" content="5">');
    expect(page).toContain('Building the preview');
    const frame = await fetch(`${server.url}/digest.html`);
    expect(frame.status).toBe(503);
    const eml = await fetch(`${server.url}/digest.eml`);
    expect([eml.status, await eml.text()]).toEqual([
      503,
      'The digest is still being built (slow sources): ask again in 5 seconds.\n',
    ]);
    // One build for all of them, not one per request.
    expect(source.hits()).toBe(1);
    source.release();
    let done: Response | null = null;
    await until(async () => {
      done = await fetch(`${server.url}/`);
      return done.status === 200;
    });
    expect(await (done as Response | null)?.text()).toContain('The slow council');
    expect(source.hits()).toBe(1);
  });

  it("keeps a failed build's answer for the reloading page instead of reading the source again", async () => {
    expect((await fetch(`${server.url}/`)).status).toBe(503);
    source.fail();
    let failed: Response | null = null;
    await until(async () => {
      failed = await fetch(`${server.url}/`);
      return failed.status !== 503;
    });
    const first = failed as Response | null;
    expect(first?.status).toBe(404);
    // One build (the fetch may try a 503 again itself).
    const hits = source.hits();
    const page = (await first?.text()) ?? '';
    expect(page).toContain('no readable article among the sources');
    expect(page).toContain(source.url);
    expect(page).toContain('503');
    expect(page).not.toContain('http-equiv="refresh"');
    // The reloads (the page and its frames) get the same answer: the source is not read again.
    for (const file of ['', 'digest.html', 'digest.txt']) {
      expect((await fetch(`${server.url}/${file}`)).status).toBe(404);
    }
    expect(source.hits()).toBe(hits);
  });
});

describe.skipIf(!HAS_CHROMIUM)('the "building" preview page in a real browser (Chromium)', () => {
  let browser: Browser;
  let source: HeldSource;
  let server: Awaited<ReturnType<typeof startPreviewServer>>;
  beforeAll(async () => {
    browser = await launchChromium();
    ({ source, server } = await startSlowPreview());
  });
  afterAll(async () => {
    source.release();
    await browser?.close();
    await server?.close();
    await source?.close();
  });

  it('says what is going on at 375 px, and turns into the preview by itself once built', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 700 } });
    await page.goto(`${server.url}/`);
    expect(await page.title()).toBe('Building the preview');
    expect(await page.getByRole('status').textContent()).toContain('This page reloads every 5 seconds');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    source.release();
    // No script: the page's own meta refresh brings the digest.
    await page.waitForFunction(() => document.title.startsWith('Preview:'), undefined, { timeout: 15_000 });
    expect(await page.locator('iframe').count()).toBe(2);
    await page.close();
  });
});
