import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../../src/ingest/load.ts';
import { HAS_CHROMIUM, launchChromium } from '../../helpers/chromium.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { until } from '../../helpers/until.ts';
import { welcome } from './desk-page.ts';
import { startDeskServer } from './desk-server.ts';

/** One Markdown article whose headline names its generation, as QA's feed did. */
const article = (title: string) =>
  `---\ntitle: ${title}\npublished: 2026-11-30\n---\nThe council said it will meet on December 10 in the town hall to decide ${title}.\n`;

/** A source the test holds (the slow feed of the QA report, without the wait) then lets read. */
function heldGate() {
  let open = false;
  let waiting: (() => void)[] = [];
  return {
    wait: () => (open ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    open() {
      open = true;
      for (const go of waiting) go();
      waiting = [];
    },
  };
}

// QA3 defect 3: the dry run kept for a slow source's reload must never be what a send is checked against.
describe.skipIf(!HAS_CHROMIUM)('Send now after the sources changed (Chromium)', () => {
  let browser: Browser;
  const temp = makeTempDir('digest-send-changed-');
  const file = join(temp.dir, 'council.md');
  const gate = heldGate();
  let desk: Awaited<ReturnType<typeof startDeskServer>>;

  beforeAll(async () => {
    writeFileSync(file, article('Council meeting g8'));
    browser = await launchChromium();
    desk = await startDeskServer(
      {},
      {
        loadSources: async () => {
          await gate.wait();
          return (await loadArticles([file])).articles;
        },
        answerWithinMs: 300,
      },
    );
    await desk.ctx.store.addSubscriber('ana@example.org', null);
  });
  afterAll(async () => {
    gate.open();
    await browser?.close();
    await desk?.close();
    temp.remove();
  });

  it('shows the new dry run instead of sending, then sends exactly the edition shown', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await welcome(page, await desk.account('olga@example.org', 'ops'));

    // The dry run outlives the wait: the page says so; its late result is kept for the reload.
    const reading = await page.goto(`${desk.url}/desk/send`);
    expect(reading?.status()).toBe(503);
    gate.open();
    await until(async () => (await page.reload())?.status() === 200);
    await page.getByText('Council meeting g8').first().waitFor();

    // New articles arrive; the kept dry run still shows g8.
    writeFileSync(file, article('Council meeting g9'));
    await page.reload();
    await expect.poll(() => page.locator('main').textContent()).toContain('Council meeting g8');

    await page.getByRole('button', { name: 'Send this edition now' }).click();
    await page.getByText('The edition changed since the dry run you saw').waitFor();
    const changed = (await page.locator('main').textContent()) ?? '';
    expect(changed).toContain('Council meeting g9');
    expect(changed).not.toContain('Council meeting g8');
    expect(await desk.ctx.store.listEditions(5)).toHaveLength(0);
    expect(desk.sink.received).toHaveLength(0);

    // The new dry run's button sends that one, and only that one.
    await page.getByRole('button', { name: 'Send this edition now' }).click();
    await page.waitForURL(/\/desk\/editions\/[^/?]+\?started=1$/);
    const editionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await until(async () => (await desk.ctx.store.getEdition(editionId))?.status === 'done');
    const editions = await desk.ctx.store.listEditions(5);
    expect(editions.map((e) => e.subject)).toEqual([expect.stringContaining('Council meeting g9')]);
    expect(desk.sink.received.flatMap((m) => m.to)).toEqual(['ana@example.org']);
    await context.close();
  });
});
