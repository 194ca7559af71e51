import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUnsubscribeToken } from '../../src/deliver/unsubscribe-token.ts';
import type { RunningServer } from '../../src/server/http-server.ts';
import type { SignupService } from '../../src/server/signup/service.ts';
import { signConfirmToken } from '../../src/server/signup/token.ts';
import { emptyEditionInput } from '../helpers/edition-input.ts';
import { pageText } from '../helpers/page-text.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { openTestContext } from '../schedule/context.ts';
import { startSignupServer } from './signup-server.ts';

type Context = Awaited<ReturnType<typeof openTestContext>>;

describe('sign-up with double opt-in', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let ctx: Context;
  let service: SignupService;
  let server: RunningServer;
  // The service's clock runs with the store's (real time), moved ahead by `offset` to skip hours.
  let offset = 0;

  const start = async (
    env: Record<string, string> = {},
    options: { mailsPerHour?: number; ipMax?: number } = {},
  ) => {
    ctx = await openTestContext(temp.dir, sink.url, { PUBLIC_URL: 'http://news.example.org', ...env });
    ({ service, server } = await startSignupServer(ctx, {
      now: () => Date.now() + offset,
      ...(options.mailsPerHour ? { mailsPerHour: options.mailsPerHour } : {}),
      ipLimit: { max: options.ipMax ?? 1000 },
    }));
  };
  /** The form page's cookie and CSRF token, as a browser holds them. */
  const openForm = async () => {
    const res = await fetch(`${server.url}/subscribe`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
    return { cookie, token };
  };
  const submit = async (
    fields: Record<string, string>,
    ip = '203.0.113.1',
    session?: { cookie: string; token: string },
  ) => {
    const form = session ?? (await openForm());
    const res = await fetch(`${server.url}/subscribe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: form.cookie,
        'x-forwarded-for': ip,
      },
      body: new URLSearchParams({ _csrf: form.token, ...fields }).toString(),
    });
    await service.idle();
    return { status: res.status, body: await res.text() };
  };
  const mails = async () => Promise.all(sink.received.map((m) => simpleParser(m.raw)));
  const confirmLink = async (index = 0) => {
    const mail = (await mails())[index];
    const link = /(http:\/\/news\.example\.org\/subscribe\/confirm\?token=[\w.-]+)/.exec(
      mail?.text ?? '',
    )?.[1];
    return new URL(link ?? 'http://invalid/');
  };
  const confirm = async (link: URL, ip = '198.51.100.7') => {
    const page = await fetch(`${server.url}${link.pathname}${link.search}`);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const html = await page.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const res = await fetch(`${server.url}/subscribe/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': ip },
      body: new URLSearchParams({ _csrf: csrf, token }).toString(),
    });
    await service.idle();
    return { status: res.status, body: await res.text() };
  };
  const status = async (email: string) => (await ctx.store.findSubscriber(email))?.status ?? null;
  /** Unsubscribes with the one-click POST: the page, with its Resubscribe form, and its cookie. */
  const unsubscribe = async (email: string) => {
    const res = await fetch(`${server.url}/unsubscribe?token=${signUnsubscribeToken(email, ctx.secret)}`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
    });
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', page: await res.text() };
  };
  /** Presses the unsubscribe page's Resubscribe, as a browser would. */
  const resubscribe = async (from: { cookie: string; page: string }, fields: Record<string, string> = {}) => {
    const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(from.page);
    const value = (name: string) =>
      new RegExp(`name="${name}" value="([^"]+)"`).exec(form?.[2] ?? '')?.[1] ?? '';
    const res = await fetch(`${server.url}${form?.[1] ?? '/nowhere'}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: from.cookie },
      body: new URLSearchParams({ _csrf: value('_csrf'), token: value('token'), ...fields }).toString(),
    });
    await service.idle();
    return { status: res.status, text: pageText(await res.text()) };
  };

  beforeEach(async () => {
    temp = makeTempDir('digest-signup-');
    sink = await startSmtpSink();
    offset = 0;
  });
  afterEach(async () => {
    await server?.close();
    await service?.idle();
    await ctx?.close();
    await sink.close();
    temp.remove();
  });

  it('stores the address unconfirmed, mails a link that GET does not follow, confirms on POST, welcomes, and records the consent', async () => {
    await start();
    const answer = await submit({ email: 'Ana@Example.org', name: 'Ana' });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Check your inbox');
    expect(await status('ana@example.org')).toBe('unconfirmed');
    const [confirmation] = await mails();
    expect(sink.received.map((m) => m.to)).toEqual([['ana@example.org']]);
    expect(confirmation?.subject).toBe('Confirm your subscription to The Article Digest');
    expect(confirmation?.html).toContain('/subscribe/confirm?token=');
    const link = await confirmLink();
    // A link scanner opens the link: nothing happens.
    const opened = await fetch(`${server.url}${link.pathname}${link.search}`);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('<button type="submit">Confirm my subscription</button>');
    expect(await status('ana@example.org')).toBe('unconfirmed');
    const confirmed = await confirm(link);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toContain('You are subscribed');
    expect(await status('ana@example.org')).toBe('active');
    const welcome = (await mails())[1];
    expect(welcome?.subject).toBe('Welcome to The Article Digest');
    expect(welcome?.text).toContain('http://news.example.org/unsubscribe?token=');
    const subscriber = await ctx.store.findSubscriber('ana@example.org');
    const history = await ctx.store.history.list(subscriber?.id ?? 0);
    expect(history.map((e) => [e.kind, e.source, e.ip])).toEqual([
      ['signed-up', 'form', '203.0.113.1'],
      ['confirmation-sent', 'form', '203.0.113.1'],
      ['confirmed', 'form', '198.51.100.7'],
    ]);
    expect(history[2]).toMatchObject({ fromStatus: 'unconfirmed', toStatus: 'active' });
    // Following it again changes nothing and mails nothing.
    expect((await confirm(link)).body).toContain('already gets');
    expect(sink.received).toHaveLength(2);
  });

  it('answers alike for a new, a pending, an active and an unsubscribed address (no enumeration)', async () => {
    await start();
    await ctx.store.addSubscriber('active@example.org', null);
    await ctx.store.addSubscriber('gone@example.org', null);
    await ctx.store.setSubscriberStatus('gone@example.org', 'unsubscribed', { source: 'link' });
    await submit({ email: 'pending@example.org' });
    sink.received.length = 0;
    const bodies: string[] = [];
    for (const email of [
      'new@example.org',
      'pending@example.org',
      'active@example.org',
      'gone@example.org',
    ]) {
      const answer = await submit({ email });
      expect(answer.status).toBe(200);
      bodies.push(answer.body.replace(/name="_csrf" value="[^"]+"/, ''));
      const json = await fetch(`${server.url}/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      expect(json.status).toBe(202);
      expect(await json.json()).toEqual({
        status: 'accepted',
        message:
          'If this address can be subscribed, a link to confirm is mailed to it (at most one an hour per address).',
      });
    }
    await service.idle();
    expect(new Set(bodies).size).toBe(1);
    // Mailed: the new address and the one that left (to come back); not the pending one
    // (mailed within the hour) nor the active one. One each, although each asked twice.
    expect(sink.received.map((m) => m.to[0]).sort()).toEqual(['gone@example.org', 'new@example.org']);
    expect(await status('gone@example.org')).toBe('unsubscribed');
    expect(await status('active@example.org')).toBe('active');
  });

  it('mails one confirmation per address per hour, however many requests from however many IPs', async () => {
    await start();
    for (let i = 0; i < 12; i++) await submit({ email: 'ben@example.org' }, `192.0.2.${i + 1}`);
    expect(sink.received).toHaveLength(1);
    offset += 61 * 60_000;
    await submit({ email: 'ben@example.org' });
    expect(sink.received).toHaveLength(2);
  });

  it('survives a flood of sign-ups without becoming a mail cannon: per-IP 429s, an hourly cap, nothing active', async () => {
    await start({}, { mailsPerHour: 5, ipMax: 3 });
    const session = await openForm();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      // 4 IPs, 5 addresses each; the form session is reused as a script would.
      statuses.push((await submit({ email: `victim${i}@example.org` }, `198.18.0.${i % 4}`, session)).status);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
    expect(sink.received).toHaveLength(5);
    expect(await ctx.store.countSubscribers('unconfirmed')).toBe(12);
    expect(await ctx.store.countSubscribers('active')).toBe(0);
  });

  it('stores and mails nothing when the honeypot is filled, yet answers as usual', async () => {
    await start();
    const answer = await submit({ email: 'bot@example.org', website: 'http://spam.example' });
    expect(answer.body).toContain('Check your inbox');
    expect(await ctx.store.findSubscriber('bot@example.org')).toBeNull();
    expect(sink.received).toHaveLength(0);
  });

  it('does nothing with a post that lacks the CSRF token (another site, the embedded snippet) until it is confirmed here', async () => {
    await start();
    const res = await fetch(`${server.url}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=cara%40example.org&name=Cara',
    });
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain('Yes, subscribe');
    await service.idle();
    expect(await ctx.store.findSubscriber('cara@example.org')).toBeNull();
    expect(sink.received).toHaveLength(0);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    await submit({ email: 'cara@example.org', name: 'Cara' }, '203.0.113.9', { cookie, token });
    expect(await status('cara@example.org')).toBe('unconfirmed');
    expect(sink.received).toHaveLength(1);
  });

  it('refuses unknown fields, bad addresses and big bodies with 400 or 413, storing and mailing nothing', async () => {
    await start();
    const post = (body: string, type = 'application/json') =>
      fetch(`${server.url}/subscribe`, { method: 'POST', headers: { 'content-type': type }, body });
    const unknown = await post(JSON.stringify({ email: 'dan@example.org', list: 'all' }));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toContain('unknown field "list"');
    const twice = await post('{"email":"dan@example.org","email":"eve@example.org"}');
    expect(twice.status).toBe(400);
    expect(await twice.json()).toEqual({ error: 'the body gives the field "email" twice' });
    for (const body of ['null', '["dan@example.org"]', '"dan@example.org"']) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(
        /^the body must be a JSON object, not /,
      );
    }
    const bad = await post(JSON.stringify({ email: 'not-an-address' }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'email', error: 'The address has no @.' });
    expect((await post(JSON.stringify({ email: 'dan@example.org', name: 'x'.repeat(20_000) }))).status).toBe(
      413,
    );
    expect(
      (await post(`email=dan%40example.org&pad=${'x'.repeat(20_000)}`, 'application/x-www-form-urlencoded'))
        .status,
    ).toBe(413);
    const formBad = await submit({ email: 'dan@' });
    expect(formBad.status).toBe(400);
    expect(formBad.body).toContain('aria-invalid="true"');
    await service.idle();
    expect(await ctx.store.countSubscribers()).toBe(0);
    expect(sink.received).toHaveLength(0);
  });

  it('never gives an unconfirmed address an edition', async () => {
    await start();
    await ctx.store.addSubscriber('reader@example.org', null);
    await submit({ email: 'pending@example.org' });
    const opened = await ctx.store.openEdition(emptyEditionInput('e1'));
    expect(opened.queued).toBe(1);
    const claimed = await ctx.store.claimDeliveries('e1', 10, new Date());
    expect(claimed.map((d) => d.email)).toEqual(['reader@example.org']);
  });

  it('brings back someone who unsubscribed only through the confirmation, and not with a link mailed before they left', async () => {
    await start();
    // The link is mailed ten seconds before she leaves (tokens count whole seconds).
    offset = -10_000;
    await submit({ email: 'eve@example.org' });
    const first = await confirmLink(0);
    await confirm(first);
    expect(await status('eve@example.org')).toBe('active');
    offset = 0;
    await ctx.store.setSubscriberStatus('eve@example.org', 'unsubscribed', { source: 'link' });
    // The old link, still within its 48 hours: refused, nothing changes.
    const replay = await confirm(first);
    expect(replay.status).toBe(409);
    expect(await status('eve@example.org')).toBe('unsubscribed');
    offset += 61 * 60_000;
    await submit({ email: 'eve@example.org' });
    expect(await status('eve@example.org')).toBe('unsubscribed');
    const fresh = await confirmLink(2);
    expect((await confirm(fresh)).status).toBe(200);
    expect(await status('eve@example.org')).toBe('active');
    const subscriber = await ctx.store.findSubscriber('eve@example.org');
    const kinds = (await ctx.store.history.list(subscriber?.id ?? 0)).map((e) => e.kind);
    expect(kinds.at(-1)).toBe('resubscribed');
  });

  it('refuses an expired link (410) and a forged one (400)', async () => {
    await start();
    await submit({ email: 'fay@example.org' });
    const link = await confirmLink();
    offset += 49 * 3_600_000;
    expect((await confirm(link)).status).toBe(410);
    const forged = signConfirmToken(
      { email: 'fay@example.org', source: 'form' },
      'another-secret-0123456789',
    );
    expect((await confirm(new URL(`http://x/subscribe/confirm?token=${forged}`))).status).toBe(400);
    expect(await status('fay@example.org')).toBe('unconfirmed');
  });

  it('purges unconfirmed sign-ups past DIGEST_UNCONFIRMED_DAYS with their history, keeping everyone else', async () => {
    await start({ DIGEST_UNCONFIRMED_DAYS: '3' });
    await ctx.store.addSubscriber('kept@example.org', null);
    await submit({ email: 'old@example.org' });
    const old = await ctx.store.findSubscriber('old@example.org');
    expect(await service.purge()).toBe(0);
    offset += 4 * 24 * 3_600_000;
    // created_at is the store's clock (now): purge with a cut-off past it.
    expect(await ctx.store.signups.purgeUnconfirmed(new Date(Date.now() + 1000))).toBe(1);
    expect(await ctx.store.findSubscriber('old@example.org')).toBeNull();
    expect(await ctx.store.history.list(old?.id ?? 0)).toEqual([]);
    expect(await status('kept@example.org')).toBe('active');
  });

  it('offers "resubscribe" on the unsubscribe page, which mails a confirmation and changes nothing yet', async () => {
    await start();
    await ctx.store.addSubscriber('gil@example.org', null);
    const left = await unsubscribe('gil@example.org');
    expect(left.page).toContain('Resubscribe');
    const pressed = await resubscribe(left);
    expect(pressed.status).toBe(200);
    expect(pressed.text).toContain('A link to confirm is on its way to gil@example.org');
    expect(await status('gil@example.org')).toBe('unsubscribed');
    expect(sink.received.map((m) => m.to[0])).toEqual(['gil@example.org']);
    await confirm(await confirmLink());
    expect(await status('gil@example.org')).toBe('active');
  });

  it('pressed again within the hour, sends nothing and says so: the link mailed still works, and when a new one can go', async () => {
    await start();
    await ctx.store.addSubscriber('hana@example.org', null);
    const left = await unsubscribe('hana@example.org');
    await resubscribe(left);
    offset += 10 * 60_000;
    const again = await resubscribe(left);
    expect(again.status).toBe(200);
    expect(again.text).toContain('No new mail sent');
    expect(again.text).not.toContain('on its way');
    expect(again.text).toMatch(/We mailed a link to confirm to hana@example\.org at .+ UTC\. It still works/);
    expect(again.text).toMatch(/A new one can be sent after .+ UTC/);
    expect(sink.received).toHaveLength(1);
    // That link does work.
    expect((await confirm(await confirmLink())).status).toBe(200);
    expect(await status('hana@example.org')).toBe('active');
  });

  it('says a link mailed before the address left no longer works, and mails a new one only after the hour', async () => {
    await start();
    // Signed up and confirmed ten seconds before leaving: the confirmation mail is minutes old.
    offset = -10_000;
    await submit({ email: 'ivy@example.org' });
    await confirm(await confirmLink(0));
    offset = 0;
    const left = await unsubscribe('ivy@example.org');
    const early = await resubscribe(left);
    expect(early.text).toMatch(
      /The link we mailed to ivy@example\.org at .+ was sent before you unsubscribed, so it no longer works/,
    );
    expect(sink.received).toHaveLength(2);
    offset += 61 * 60_000;
    expect((await resubscribe(left)).text).toContain('A link to confirm is on its way to ivy@example.org');
    expect(sink.received).toHaveLength(3);
  });

  it('promises no mail to a stranger: the public page states the one-an-hour rule, the same for every address', async () => {
    await start();
    const answer = await submit({ email: 'jo@example.org' });
    expect(answer.body).not.toContain('on its way');
    expect(answer.body).toContain('at most one such mail an hour to an address');
  });

  it('refuses a Resubscribe without a valid CSRF token (403, missing or forged alike) or with a bad token (400), mailing nothing', async () => {
    await start();
    await ctx.store.addSubscriber('kit@example.org', null);
    const left = await unsubscribe('kit@example.org');
    const missing = await fetch(`${server.url}/subscribe/again`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: left.cookie },
      body: new URLSearchParams({ token: signUnsubscribeToken('kit@example.org', ctx.secret) }).toString(),
    });
    const forged = await resubscribe(left, { _csrf: 'x'.repeat(43) });
    expect(missing.status).toBe(403);
    expect(forged.status).toBe(403);
    expect(pageText(await missing.text())).toBe(forged.text);
    expect(forged.text).toContain('Form expired');
    const badToken = await resubscribe(left, { token: 'a.b' });
    expect(badToken.status).toBe(400);
    await service.idle();
    expect(sink.received).toHaveLength(0);
    expect(await status('kit@example.org')).toBe('unsubscribed');
  });

  it('with DIGEST_OPT_IN=single, makes a new address active at once, but someone who left still confirms', async () => {
    await start({ DIGEST_OPT_IN: 'single' });
    await submit({ email: 'hal@example.org' });
    expect(await status('hal@example.org')).toBe('active');
    expect((await mails())[0]?.subject).toBe('Welcome to The Article Digest');
    await ctx.store.addSubscriber('ida@example.org', null);
    await ctx.store.setSubscriberStatus('ida@example.org', 'unsubscribed', { source: 'link' });
    await submit({ email: 'ida@example.org' });
    expect(await status('ida@example.org')).toBe('unsubscribed');
    expect((await mails())[1]?.subject).toBe('Confirm your subscription to The Article Digest');
  });
});
