import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../helpers/until.ts';
import { deskClient, pageText, startDeskServer } from './desk-server.ts';

const NOW = new Date('2022-01-06T05:00:00Z');

describe('the draft page over HTTP', () => {
  let desk: Awaited<ReturnType<typeof startDeskServer>>;
  let editor: ReturnType<typeof deskClient>;
  let id = '';
  let articleId = '';
  const path = () => `/desk/drafts/${encodeURIComponent(id)}`;
  const correct = async (fields: Record<string, string>) =>
    editor.post(`${path()}/corrections`, { _csrf: await editor.csrf(path()), ...fields });
  const revision = async () => (await desk.ctx.store.drafts.get(id))?.revision ?? -1;

  beforeAll(async () => {
    desk = await startDeskServer({ DIGEST_REVIEW: 'required', EDITOR_EMAILS: 'editor@example.org' });
    for (const email of ['ana@example.org', 'ben@example.org'])
      await desk.ctx.store.addSubscriber(email, null);
    const made = await desk.runner.run({ now: NOW });
    if (made.kind !== 'drafted' || !made.draft) throw new Error('no draft');
    id = made.draft.id;
    articleId = made.draft.edition.items[0]?.articleId ?? '';
    editor = deskClient(desk.url);
    await editor.welcome(await desk.account('eve@example.org', 'editor'));
  });
  afterAll(async () => {
    await desk.close();
  });

  it('lists the draft and shows it framed as sent, with the send path’s HTML', async () => {
    expect(await (await editor.get('/desk/drafts')).text()).toContain(`href="${path()}"`);
    const page = await editor.get(path());
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-src 'self'");
    const html = await page.text();
    expect(html).toContain(
      `<iframe class="frame" title="The digest as subscribers will see it" src="${path()}/digest.html" sandbox>`,
    );
    expect(html).toContain('awaiting approval');
    const digest = await editor.get(`${path()}/digest.html`);
    expect(digest.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(await digest.text()).toContain('Antony Blinken');
    expect(await (await editor.get(`${path()}/events.ics`)).text()).toContain('LOCATION:Geneva');
  });

  it('saves a speaker fix as revision 1, recorded with who, before and after', async () => {
    const saved = await correct({
      form: 'quote',
      revision: '0',
      articleId,
      index: '0',
      speaker: 'Tony Blinken',
      role: 'US Secretary of State',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toMatch(/\?saved=1#article-/);
    expect(await revision()).toBe(1);
    // Never approved: nothing to approve "again".
    const said = pageText(await (await editor.follow(saved)).text());
    expect(said).toContain('Saved 1 correction(s). Approve it to send.');
    expect(said).not.toContain('again');
    const [edit] = await desk.ctx.store.drafts.edits(id);
    expect(edit).toMatchObject({ actor: 'eve@example.org', before: 'Antony Blinken', after: 'Tony Blinken' });
    expect(await (await editor.get(`${path()}/digest.txt`)).text()).toContain('Tony Blinken');
  });

  it('refuses a correction made on an old revision (someone saved in between), saving nothing', async () => {
    const stale = await correct({ form: 'subject', revision: '0', subject: 'Too late' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('changed since revision 0 (now revision 1)');
    expect(await revision()).toBe(1);
  });

  it('refuses an impossible date with the reason, saving nothing', async () => {
    const bad = await correct({
      form: 'event',
      revision: '1',
      articleId,
      index: '0',
      action: 'save',
      title: 'Talks',
      date: '2022-02-30',
      time: '',
      location: 'Geneva',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('is not a calendar date');
    expect(await revision()).toBe(1);
  });

  it('fixes an event and reorders the summary; removing an event takes it out of the calendar', async () => {
    await correct({
      form: 'event',
      revision: '1',
      articleId,
      index: '0',
      action: 'save',
      title: 'Bilateral security conversation',
      date: '2022-01-11',
      time: '09:30',
      location: 'Geneva',
    });
    const summary = (await desk.ctx.store.drafts.get(id))?.edition.items[0]?.analysis.summary ?? [];
    await correct({ form: 'summary', revision: '2', articleId, summary: [...summary].reverse().join('\n') });
    await correct({ form: 'event', revision: '3', articleId, index: '2', action: 'remove' });
    const ics = await (await editor.get(`${path()}/events.ics`)).text();
    expect(ics).toContain('DTSTART:20220111T093000');
    expect(ics).not.toContain('Vienna');
    const text = await (await editor.get(`${path()}/digest.txt`)).text();
    // The summary has two or three sentences (about 60 words): its first and last swap places.
    const [first, last] = [text.indexOf(summary[0] ?? '?'), text.indexOf(summary.at(-1) ?? '?')];
    expect(summary.length).toBeGreaterThan(1);
    expect(last).toBeGreaterThan(-1);
    expect(last).toBeLessThan(first);
  });

  it('will not approve a draft whose every article is dropped', async () => {
    await correct({ form: 'article', revision: '4', articleId, kept: 'false' });
    const approve = await editor.post(`${path()}/approve`, {
      _csrf: await editor.csrf(path()),
      revision: '5',
      send: 'later',
    });
    expect(approve.status).toBe(400);
    expect(await approve.text()).toContain('no article left');
    await correct({ form: 'article', revision: '5', articleId, kept: 'true' });
  });

  it('says "approve again" only after a correction withdrew an approval', async () => {
    const approved = await editor.post(`${path()}/approve`, {
      _csrf: await editor.csrf(path()),
      revision: '6',
      send: 'later',
    });
    expect(approved.status).toBe(303);
    expect((await desk.ctx.store.drafts.get(id))?.status).toBe('approved');
    const saved = await correct({ form: 'subject', revision: '6', subject: 'A corrected subject' });
    expect(saved.headers.get('location')).toMatch(/\?saved=1&withdrew=1#subject$/);
    expect(pageText(await (await editor.follow(saved)).text())).toContain(
      'Saved 1 correction(s): that withdrew the approval, so approve again to send.',
    );
    expect((await desk.ctx.store.drafts.get(id))?.status).toBe('pending');
  });

  it('approves and sends now: the editor lands on the draft, sent, with its archive page; the edition carries the corrections', async () => {
    const sent = await editor.post(`${path()}/approve`, {
      _csrf: await editor.csrf(path()),
      revision: '7',
      send: 'now',
    });
    expect(sent.status).toBe(303);
    // Not the edition's page: an editor may not see it (403).
    expect(sent.headers.get('location')).toBe(`${path()}?sent=1`);
    const landed = await editor.follow(sent);
    expect(landed.status).toBe(200);
    const html = await landed.text();
    expect(pageText(html)).toContain('Approved and under way');
    expect(html).toContain(`href="/archive/${encodeURIComponent(id)}"`);
    expect(html).not.toContain('href="/desk/editions/');
    await until(() => desk.sink.received.filter((m) => m.to.includes('ana@example.org')).length === 1);
    const mail = await simpleParser(
      desk.sink.received.find((m) => m.to.includes('ana@example.org'))?.raw ?? '',
    );
    expect(mail.text).toContain('Tony Blinken');
    expect(mail.text).toContain('Tue, 11 Jan 2022, 09:30');
    expect(await (await editor.get(path())).text()).toContain('This draft went out');
    expect((await editor.get(`/archive/${encodeURIComponent(id)}`)).status).toBe(200);
    const late = await correct({ form: 'subject', revision: '7', subject: 'After the fact' });
    expect(late.status).toBe(409);
    const actions = (await desk.ctx.store.audit.list({ limit: 50, target: id })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['draft.create', 'draft.correct', 'draft.approve', 'draft.send']),
    );
  });
});
