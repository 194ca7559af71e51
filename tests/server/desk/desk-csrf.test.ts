import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskClient, PASSWORD, pageText, startDeskServer } from './desk-server.ts';

/** Every form of the desk, with fields that would otherwise be accepted. */
const FORMS: [string, Record<string, string>][] = [
  ['/desk/sign-in', { email: 'ada@example.org', password: PASSWORD }],
  ['/desk/welcome', { token: 'x'.repeat(43), password: PASSWORD, repeat: PASSWORD }],
  ['/desk/sign-out', {}],
  ['/desk/drafts/any/corrections', { form: 'subject', revision: '0', subject: 'New' }],
  ['/desk/drafts/any/approve', { revision: '0', send: 'now' }],
  ['/desk/editions/any/resume', {}],
  ['/desk/editions/any/retry', {}],
  ['/desk/send', { editionId: 'any' }],
  ['/desk/subscribers/status', { email: 'ana@example.org', status: 'bounced' }],
];

describe('CSRF tokens on every desk form', () => {
  let desk: Awaited<ReturnType<typeof startDeskServer>>;
  let admin: ReturnType<typeof deskClient>;
  beforeAll(async () => {
    desk = await startDeskServer();
    await desk.ctx.store.addSubscriber('ana@example.org', null);
    admin = deskClient(desk.url);
    await admin.welcome(await desk.account('ada@example.org', 'admin'));
    await admin.csrf('/desk');
  });
  afterAll(async () => {
    await desk.close();
  });

  it.each(FORMS)(
    'refuses %s alike, 403 and the same page, with the token missing or forged',
    async (path, fields) => {
      const missing = await admin.post(path, fields);
      const forged = await admin.post(path, { ...fields, _csrf: 'x'.repeat(43) });
      expect(missing.status).toBe(403);
      expect(forged.status).toBe(403);
      const said = pageText(await missing.text());
      expect(said).toContain('Form expired');
      expect(said).toContain('security token is missing or wrong');
      expect(pageText(await forged.text())).toBe(said);
    },
  );

  it('refuses an import whose token is missing as one whose token is forged, reading nothing', async () => {
    const form = new FormData();
    form.append('csv', new Blob(['email\nmallory@example.org\n']), 'x.csv');
    const missing = await admin.postMultipart('/desk/subscribers/import', form);
    expect(missing.status).toBe(403);
    expect(pageText(await missing.text())).toContain('Form expired');
    expect(await desk.ctx.store.findSubscriber('mallory@example.org')).toBeNull();
  });

  it('changed nothing: still signed in, the subscriber still active, no edition sent', async () => {
    expect((await admin.get('/desk/subscribers')).status).toBe(200);
    expect((await desk.ctx.store.findSubscriber('ana@example.org'))?.status).toBe('active');
    expect(await desk.ctx.store.listEditions(5)).toEqual([]);
  });
});
