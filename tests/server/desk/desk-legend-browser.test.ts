import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchChromium } from '../../helpers/chromium.ts';
import { welcome } from './desk-page.ts';
import { startDeskServer } from './desk-server.ts';

const NOW = new Date('2022-01-06T05:00:00Z');

// QA3 defect 14: at 375 px a quote's text (its fieldset's legend) wrapped over the box's top border.
describe.skipIf(!HAS_CHROMIUM)("the draft page's fieldsets at 375 px (Chromium)", () => {
  let browser: Browser;
  let desk: Awaited<ReturnType<typeof startDeskServer>>;
  beforeAll(async () => {
    browser = await launchChromium();
    desk = await startDeskServer({ DIGEST_REVIEW: 'required', EDITOR_EMAILS: 'editor@example.org' });
    await desk.ctx.store.addSubscriber('ana@example.org', null);
    await desk.runner.run({ now: NOW });
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('keeps every legend, wrapped or not, inside its box, and the page inside 375 px', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await welcome(page, await desk.account('eve@example.org', 'editor'));
    const [draft] = await desk.ctx.store.drafts.list(1);
    await page.goto(`${desk.url}/desk/drafts/${encodeURIComponent(draft?.id ?? '')}`);
    const boxes = await page.locator('fieldset').evaluateAll((sets) =>
      sets.map((set) => {
        const legend = set.querySelector('legend');
        const outer = set.getBoundingClientRect();
        const inner = legend?.getBoundingClientRect();
        const border = Number.parseFloat(getComputedStyle(set).borderTopWidth);
        return {
          text: (legend?.textContent ?? '').slice(0, 40),
          lines: inner
            ? Math.round(inner.height / Number.parseFloat(getComputedStyle(legend as Element).lineHeight))
            : 0,
          below: inner ? inner.top - (outer.top + border) : -1,
          left: inner ? inner.left - outer.left : -1,
          right: inner ? outer.right - inner.right : -1,
        };
      }),
    );
    // The sample's quotes wrap at this width: the case QA saw.
    expect(boxes.some((b) => b.lines > 1)).toBe(true);
    for (const box of boxes) {
      expect(box.below, box.text).toBeGreaterThanOrEqual(0);
      expect(box.left, box.text).toBeGreaterThan(0);
      expect(box.right, box.text).toBeGreaterThan(0);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });
});
