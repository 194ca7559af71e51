import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendEdition } from '../../src/pipeline.ts';
import { type RunningServer, startHttpServer } from '../../src/server/http-server.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ingestSample, openTestContext } from '../schedule/context.ts';

type Context = Awaited<ReturnType<typeof openTestContext>>;

describe('the web archive', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let ctx: Context;
  let server: RunningServer | undefined;

  const start = async (env: Record<string, string> = {}) => {
    ctx = await openTestContext(temp.dir, sink.url, { PUBLIC_URL: 'http://news.example.org', ...env });
    await ctx.store.addSubscriber('ana@example.org', 'Ana Secretname');
    server = await startHttpServer({
      port: 0,
      store: ctx.store,
      secret: ctx.secret,
      newsletterName: ctx.config.newsletterName,
      publicUrl: ctx.config.publicUrl,
      ...(ctx.config.archive === 'public' ? { archive: { config: ctx.config } } : {}),
    });
    const report = await sendEdition(ctx, await ingestSample(), { now: new Date('2022-01-06T07:00:00Z') });
    const [edition] = await ctx.store.listEditions(1);
    return { report, editionId: edition?.id ?? '' };
  };
  const get = (path: string) => fetch(`${server?.url}${path}`);

  beforeEach(async () => {
    temp = makeTempDir('digest-archive-');
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await ctx.close();
    await sink.close();
    temp.remove();
  });

  it('links each email to its archive page ("View in browser", HTML and text), which shows the same digest with no personal data', async () => {
    const { editionId } = await start();
    const mail = await simpleParser(sink.received[0]?.raw ?? Buffer.alloc(0));
    const url = `http://news.example.org/archive/${encodeURIComponent(editionId)}`;
    expect(mail.text).toContain(`View in browser: ${url}`);
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.html).toContain('View in browser');
    const res = await get(`/archive/${encodeURIComponent(editionId)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('The US asks Russia to remove');
    expect(page).toContain('Key quotes');
    expect(page).toContain('Hello,');
    for (const personal of ['Ana', 'Secretname', 'ana@example.org', 'unsubscribe?token=', 'View in browser'])
      expect(page).not.toContain(personal);
    expect(page).toContain('href="http://news.example.org/subscribe"');
    // Back to the list of editions, at the top and beside "Subscribe".
    expect(page.match(/href="http:\/\/news\.example\.org\/archive"/g)).toHaveLength(2);
    expect(page).toContain('All past editions');
  });

  it('lists the sent editions newest first and publishes them as an Atom feed that parses', async () => {
    const { editionId: older } = await start();
    const [article] = await ingestSample();
    if (!article) throw new Error('no sample');
    const second = { ...article, id: 'second-article', title: 'A second story' };
    await sendEdition(ctx, [second], { now: new Date('2022-01-07T07:00:00Z') });
    const [newest] = await ctx.store.listEditions(1);
    const editionId = newest?.id ?? '';
    expect(editionId).not.toBe(older);
    const list = await (await get('/archive')).text();
    const at = (id: string) => list.indexOf(`href="/archive/${encodeURIComponent(id)}"`);
    expect(at(editionId)).toBeGreaterThan(0);
    expect(at(older)).toBeGreaterThan(at(editionId));
    expect(list).toContain('The US asks Russia');
    const res = await get('/archive/feed.xml');
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe('The Article Digest');
    expect(feed.entry).toHaveLength(2);
    const entry = feed.entry[0];
    expect(entry.link['@_href']).toBe(`http://news.example.org/archive/${encodeURIComponent(editionId)}`);
    expect(entry.title).toContain('A second story');
    expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
  });

  it('answers 404 for an unknown edition and for an id that is not one', async () => {
    await start();
    expect((await get('/archive/no-such-edition')).status).toBe(404);
    expect((await get('/archive/%3Cscript%3E')).status).toBe(404);
  });

  it('is off with DIGEST_ARCHIVE=off: no pages, no feed, no link in the email', async () => {
    await start({ DIGEST_ARCHIVE: 'off' });
    const mail = await simpleParser(sink.received[0]?.raw ?? Buffer.alloc(0));
    expect(mail.text).not.toContain('View in browser');
    expect(mail.html).not.toContain('View in browser');
    expect((await get('/archive')).status).toBe(404);
    expect((await get('/archive/feed.xml')).status).toBe(404);
  });
});
