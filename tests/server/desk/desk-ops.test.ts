import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../helpers/until.ts';
import { deskClient, pageText, startDeskServer, tableRows } from './desk-server.ts';

describe('the ops pages over HTTP', () => {
  let desk: Awaited<ReturnType<typeof startDeskServer>>;
  let ops: ReturnType<typeof deskClient>;
  const to = () => desk.sink.received.flatMap((m) => m.to);

  beforeAll(async () => {
    desk = await startDeskServer({ SMTP_MAX_ATTEMPTS: '1' });
    for (const email of ['ana@example.org', 'ben@example.org', 'cleo@example.org']) {
      await desk.ctx.store.addSubscriber(email, null);
    }
    ops = deskClient(desk.url);
    await ops.welcome(await desk.account('olga@example.org', 'ops'));
  });
  afterAll(async () => {
    await desk.close();
  });

  it('shows a dry run first, refuses a send of another edition than the one shown, then sends', async () => {
    const dry = await (await ops.get('/desk/send')).text();
    expect(dry).toContain('Dry run: nothing was sent or recorded.');
    expect(dry).toContain('gun from Ukraine');
    expect(dry).toMatch(/<dt>Recipients<\/dt><dd>3<\/dd>/);
    const editionId = /name="editionId" value="([^"]+)"/.exec(dry)?.[1] ?? '';
    expect(await desk.ctx.store.listEditions(5)).toHaveLength(0);
    const csrf = await ops.csrf('/desk/send');
    const other = await ops.post('/desk/send', { _csrf: csrf, editionId: 'not-the-one-shown' });
    expect(other.status).toBe(409);
    expect(await other.text()).toContain('changed since the dry run');
    const sent = await ops.post('/desk/send', { _csrf: csrf, editionId });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/desk/editions/${encodeURIComponent(editionId)}?started=1`);
    await until(async () => (await desk.ctx.store.getEdition(editionId))?.status === 'done');
    expect(to().sort()).toEqual(['ana@example.org', 'ben@example.org', 'cleo@example.org']);
    const list = await (await ops.get('/desk/editions')).text();
    expect(tableRows(list)).toContainEqual(expect.arrayContaining(['done', '3 / 3']));
  });

  it('resumes a paused edition from its page, and retries its failed deliveries', async () => {
    const record = (await desk.ctx.store.listEditions(1))[0];
    if (!record) throw new Error('no edition');
    // As a pause leaves it: some deliveries still queued, the edition paused; one failed.
    await desk.ctx.store.addSubscriber('dan@example.org', null);
    await desk.ctx.store.addSubscriber('eli@example.org', null);
    await desk.ctx.store.enqueueDeliveries(record.id, 'example.org');
    const [eli] = (await desk.ctx.store.claimDeliveries(record.id, 10, new Date())).filter(
      (d) => d.email === 'eli@example.org',
    );
    await desk.ctx.store.markFailed(record.id, eli?.subscriberId ?? 0, 'SMTP 452 mailbox full');
    await desk.ctx.store.releaseDeliveries(record.id, [
      (await desk.ctx.store.findSubscriber('dan@example.org'))?.id ?? 0,
    ]);
    await desk.ctx.store.setEditionStatus(record.id, 'paused');
    const page = await (await ops.get(`/desk/editions/${encodeURIComponent(record.id)}`)).text();
    expect(page).toContain('Resume this edition');
    expect(page).toContain('SMTP 452 mailbox full');

    const path = `/desk/editions/${encodeURIComponent(record.id)}`;
    const resumed = await ops.post(`${path}/resume`, { _csrf: await ops.csrf(path) });
    expect(resumed.status).toBe(303);
    await until(async () => (await desk.ctx.store.getEdition(record.id))?.status === 'done');
    expect(to()).toContain('dan@example.org');
    const retried = await ops.post(`${path}/retry`, { _csrf: await ops.csrf(path) });
    expect(retried.status).toBe(303);
    await until(() => to().includes('eli@example.org'));
    const actions = (await desk.ctx.store.audit.list({ limit: 20, target: record.id })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['edition.send', 'edition.resume', 'edition.retry-failed']),
    );
  });

  it('counts, finds and shows a subscriber, and unsubscribes or marks bounced by hand, in the history', async () => {
    const counts = await (await ops.get('/desk/subscribers')).text();
    expect(tableRows(counts)).toContainEqual(['active', '5', 'CSV']);
    const found = await (await ops.get('/desk/subscribers?q=BEN')).text();
    expect(found).toContain('/desk/subscribers/one?email=ben%40example.org');
    const one = '/desk/subscribers/one?email=ben%40example.org';
    expect(tableRows(await (await ops.get(one)).text())).toContainEqual(expect.arrayContaining(['sent']));
    const csrf = await ops.csrf(one);
    expect(
      (
        await ops.post('/desk/subscribers/status', {
          _csrf: csrf,
          email: 'ben@example.org',
          status: 'unsubscribed',
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await ops.post('/desk/subscribers/status', {
          _csrf: csrf,
          email: 'cleo@example.org',
          status: 'bounced',
        })
      ).status,
    ).toBe(303);
    expect((await desk.ctx.store.findSubscriber('ben@example.org'))?.status).toBe('unsubscribed');
    expect((await desk.ctx.store.findSubscriber('cleo@example.org'))?.status).toBe('bounced');
    const history = await (await ops.get(one)).text();
    expect(pageText(history)).toContain('desk: olga@example.org');
    expect(history).not.toContain('Unsubscribe</button>');
  });

  it('exports the list as CSV and imports a CSV file, reporting the refused rows', async () => {
    const csv = await ops.get('/desk/subscribers.csv?status=bounced');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toMatch(/^email,name,status,created_at\ncleo@example\.org,,bounced,/);
    // A name typed into the public sign-up form as a formula is exported as text.
    await desk.ctx.store.addSubscriber('formula@example.org', '=HYPERLINK("http://evil.example","x")');
    expect(await (await ops.get('/desk/subscribers.csv?status=active')).text()).toContain(
      'formula@example.org,"\'=HYPERLINK(""http://evil.example"",""x"")",active,',
    );
    const form = new FormData();
    form.append('_csrf', await ops.csrf('/desk/subscribers'));
    form.append(
      'csv',
      new Blob(['email,name\nfay@example.org,Fay\nnot-an-address,X\nben@example.org,Ben\n'], {
        type: 'text/csv',
      }),
      'list.csv',
    );
    const imported = await ops.postMultipart('/desk/subscribers/import', form);
    expect(imported.status).toBe(200);
    const report = await imported.text();
    // Ben unsubscribed by hand above: the import leaves him so, and says it.
    expect(report).toContain(
      '3 row(s) read: 1 added, 1 already on the list (left as they are; 1 of them unsubscribed or bounced and kept so: an import never resubscribes), 1 refused.',
    );
    expect(report).toContain('line 3: &quot;not-an-address&quot; has no @');
    // An import never resubscribes someone who left.
    expect((await desk.ctx.store.findSubscriber('ben@example.org'))?.status).toBe('unsubscribed');
  });

  it('refuses an import whose CSRF token is forged, reading nothing', async () => {
    const form = new FormData();
    form.append('_csrf', 'forged');
    form.append('csv', new Blob(['email\nmallory@example.org\n']), 'x.csv');
    expect((await ops.postMultipart('/desk/subscribers/import', form)).status).toBe(403);
    expect(await desk.ctx.store.findSubscriber('mallory@example.org')).toBeNull();
  });
});
