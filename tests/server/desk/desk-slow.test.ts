import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../../src/ingest/load.ts';
import { type HeldSource, startHeldSource } from '../../helpers/held-source.ts';
import { until } from '../../helpers/until.ts';
import { deskClient, startDeskServer } from './desk-server.ts';

// "Send now" on the desk when reading the sources takes longer than a request may wait.
describe('the desk with slow sources', () => {
  let source: HeldSource;
  let desk: Awaited<ReturnType<typeof startDeskServer>>;
  let ops: ReturnType<typeof deskClient>;

  beforeAll(async () => {
    source = await startHeldSource('The slow council');
    desk = await startDeskServer(
      {},
      {
        loadSources: async () =>
          (await loadArticles([source.url], { fetch: { allowPrivateLinks: true } })).articles,
        answerWithinMs: 300,
      },
    );
    await desk.ctx.store.addSubscriber('ana@example.org', null);
    ops = deskClient(desk.url);
    await ops.welcome(await desk.account('olga@example.org', 'ops'));
  });
  afterAll(async () => {
    source.release();
    await desk.close();
    await source.close();
  });

  it('says the dry run is being read, then shows it; a send still reading goes to the editions', async () => {
    const reading = await ops.get('/desk/send');
    expect(reading.status).toBe(503);
    const page = await reading.text();
    expect(page).toContain('Reading the sources for the dry run takes a while');
    expect(page).toContain('<meta http-equiv="refresh" content="5">');
    source.release();
    let dry = '';
    await until(async () => {
      const res = await ops.get('/desk/send');
      dry = await res.text();
      return res.status === 200;
    });
    expect(dry).toContain('Dry run: nothing was sent or recorded.');
    expect(dry).toContain('The slow council');
    const editionId = /name="editionId" value="([^"]+)"/.exec(dry)?.[1] ?? '';

    // The send reads the sources again: slow again, it is answered before it is recorded.
    source.hold();
    const csrf = await ops.csrf('/desk/send');
    const sent = await ops.post('/desk/send', { _csrf: csrf, editionId });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/desk/editions?building=1');
    const list = await (await ops.get('/desk/editions?building=1')).text();
    expect(list).toContain('the sources are still being read');
    expect(list).toContain('<meta http-equiv="refresh" content="5">');
    expect(await desk.ctx.store.listEditions(5)).toHaveLength(0);
    source.release();
    await until(async () => (await desk.ctx.store.getEdition(editionId))?.status === 'done');
    expect(desk.sink.received.flatMap((m) => m.to)).toEqual(['ana@example.org']);
  });
});
