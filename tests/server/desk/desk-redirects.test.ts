import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../helpers/until.ts';
import { deskClient, PASSWORD, pageText, startDeskServer } from './desk-server.ts';

/** Every redirect after a desk action lands on a page the acting role may see: never a 403. */
describe('where the desk sends each role after an action', () => {
  let desk: Awaited<ReturnType<typeof startDeskServer>>;
  let ops: ReturnType<typeof deskClient>;
  let admin: ReturnType<typeof deskClient>;
  let editor: ReturnType<typeof deskClient>;

  beforeAll(async () => {
    desk = await startDeskServer({ DIGEST_REVIEW: 'required', EDITOR_EMAILS: 'editor@example.org' });
    await desk.ctx.store.addSubscriber('ana@example.org', null);
    ops = deskClient(desk.url);
    await ops.welcome(await desk.account('olga@example.org', 'ops'));
    admin = deskClient(desk.url);
    await admin.welcome(await desk.account('ada@example.org', 'admin'));
    editor = deskClient(desk.url);
    await editor.welcome(await desk.account('eve@example.org', 'editor'));
  });
  afterAll(async () => {
    await desk.close();
  });

  it('sends ops who make a draft with "Send now" to the editions, saying so, not to the draft they may not see', async () => {
    const dry = await (await ops.get('/desk/send')).text();
    const editionId = /name="editionId" value="([^"]+)"/.exec(dry)?.[1] ?? '';
    const made = await ops.post('/desk/send', { _csrf: await ops.csrf('/desk/send'), editionId });
    expect(made.status).toBe(303);
    expect(made.headers.get('location')).toBe(`/desk/editions?drafted=${encodeURIComponent(editionId)}`);
    const landed = await ops.follow(made);
    expect(landed.status).toBe(200);
    expect(pageText(await landed.text())).toContain(
      `Made the draft ${editionId}: with review required, it goes out once an editor approves it.`,
    );
    expect((await desk.ctx.store.drafts.get(editionId))?.status).toBe('pending');
  });

  it('sends an admin who approves and sends now to the edition’s progress, which an admin may see', async () => {
    const [draft] = await desk.ctx.store.drafts.list(1);
    const path = `/desk/drafts/${encodeURIComponent(draft?.id ?? '')}`;
    const sent = await admin.post(`${path}/approve`, {
      _csrf: await admin.csrf(path),
      revision: String(draft?.revision ?? 0),
      send: 'now',
    });
    expect(sent.headers.get('location')).toBe(
      `/desk/editions/${encodeURIComponent(draft?.id ?? '')}?started=1`,
    );
    const landed = await admin.follow(sent);
    expect(landed.status).toBe(200);
    expect(pageText(await landed.text())).toContain('Under way');
    await until(async () => (await desk.ctx.store.getEdition(draft?.id ?? ''))?.status === 'done');
    // The sent draft links its edition's progress for an admin, not for an editor.
    expect(await (await admin.get(path)).text()).toContain('href="/desk/editions/');
    expect(await (await editor.get(path)).text()).not.toContain('href="/desk/editions/');
  });

  it('after sign-in, goes to the page asked for only if the role may see it', async () => {
    const client = deskClient(desk.url);
    const signedIn = await client.post('/desk/sign-in', {
      _csrf: await client.csrf(),
      email: 'eve@example.org',
      password: PASSWORD,
      next: '/desk/subscribers?q=ana',
    });
    expect(signedIn.headers.get('location')).toBe('/desk');
    expect((await client.follow(signedIn)).status).toBe(200);
  });

  it('names the role with the right article when it refuses a page', async () => {
    expect(pageText(await (await editor.get('/desk/editions')).text())).toContain(
      'An editor account cannot do this.',
    );
    expect(pageText(await (await ops.get('/desk/drafts')).text())).toContain(
      'An ops account cannot do this.',
    );
  });
});
