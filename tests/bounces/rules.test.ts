import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BounceContext, ingestBounceMail } from '../../src/bounces/ingest.ts';
import { verpAddress } from '../../src/bounces/verp.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { type SampleName, sample } from './samples.ts';
import { sendEmptyEdition } from './sent-edition.ts';

const SECRET = 'rules-secret-0123456789';
const BOUNCES = 'bounces@news.example';

describe('the bounce rules', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: DigestStore;
  let ctx: BounceContext;
  let editions: string[];
  const id = async (email: string) => (await store.findSubscriber(email))?.id ?? 0;
  const status = async (email: string) => (await store.findSubscriber(email))?.status;
  /** Opens an edition to the active subscribers, every delivery sent. */
  const send = async () => {
    const editionId = `2024-01-${String(editions.length + 10).padStart(2, '0')}-0000000${editions.length}`;
    await sendEmptyEdition(store, editionId);
    editions.push(editionId);
    return editionId;
  };
  /** A sample about `email`'s delivery of `editionId` (VERP unless told otherwise). */
  const mail = async (name: SampleName, email: string, editionId: string, verp?: string) => {
    const subscriberId = await id(email);
    return sample(name, {
      verp: verp ?? verpAddress(BOUNCES, { editionId, subscriberId }, SECRET),
      rcpt: email,
      messageId: `<${editionId}.${subscriberId}@news.example>`,
    });
  };

  beforeEach(async () => {
    temp = makeTempDir('digest-rules-');
    store = openSqliteStore(join(temp.dir, 'digest.db'));
    for (const email of ['ana@reader.example', 'ben@reader.example', 'cat@reader.example'])
      await store.addSubscriber(email, null);
    ctx = {
      store,
      secret: SECRET,
      bounceAddress: BOUNCES,
      verp: true,
      rules: { softLimit: 3, softWindow: 5 },
    };
    editions = [];
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('matches by the original Message-ID when the bounce came to the plain address (BOUNCE_VERP=false)', async () => {
    ctx.verp = false;
    const e1 = await send();
    const outcome = await ingestBounceMail(ctx, await mail('gmail-hard', 'ana@reader.example', e1, BOUNCES));
    expect(outcome.event).toMatchObject({ matchedBy: 'message-id', editionId: e1, action: 'bounced' });
    expect(await status('ana@reader.example')).toBe('bounced');
  });

  it('writes the change to the subscriber’s history, source bounce, with what the report said', async () => {
    const e1 = await send();
    await ingestBounceMail(ctx, await mail('postfix-hard', 'ana@reader.example', e1));
    const events = await store.history.list(await id('ana@reader.example'));
    expect(events.at(-1)).toMatchObject({
      kind: 'bounced',
      fromStatus: 'active',
      toStatus: 'bounced',
      source: 'bounce',
    });
    expect(events.at(-1)?.note).toMatch(
      new RegExp(`^hard bounce 5\\.1\\.1 about edition ${e1} \\(matched by verp\\): 550 5\\.1\\.1`),
    );
  });

  it('refuses a Message-ID whose report names another recipient (BOUNCE_VERP=false)', async () => {
    ctx.verp = false;
    const e1 = await send();
    const ana = await mail('postfix-hard', 'ana@reader.example', e1, BOUNCES);
    const moved = Buffer.from(
      ana.toString('latin1').replaceAll('ana@reader.example', 'ben@reader.example'),
      'latin1',
    );
    // Ben's address with Ana's Message-ID: neither is taken on the other's word.
    const text = moved
      .toString('latin1')
      .replace(/Message-ID: <[^>]+>/, `Message-ID: <${e1}.${await id('ana@reader.example')}@news.example>`);
    const outcome = await ingestBounceMail(ctx, Buffer.from(text, 'latin1'));
    expect(outcome.event.matchedBy).toBe('recipient');
    expect(outcome.event.email).toBe('ben@reader.example');
    expect(await status('ana@reader.example')).toBe('active');
  });

  it('matches by the failed recipient last, to the newest edition they were sent (BOUNCE_VERP=false)', async () => {
    ctx.verp = false;
    await send();
    const e2 = await send();
    const outcome = await ingestBounceMail(
      ctx,
      sample('exim-text', {
        verp: BOUNCES,
        rcpt: 'cat@reader.example',
        messageId: '<unknown@elsewhere.example>',
      }),
    );
    expect(outcome.event).toMatchObject({ matchedBy: 'recipient', editionId: e2, action: 'bounced' });
  });

  it('with VERP on, believes no report without a token about a delivery that had one', async () => {
    const e1 = await send();
    const hard = await ingestBounceMail(ctx, await mail('gmail-hard', 'ana@reader.example', e1, BOUNCES));
    const prose = await ingestBounceMail(
      ctx,
      sample('exim-text', { verp: BOUNCES, rcpt: 'ben@reader.example', messageId: '<x@elsewhere.example>' }),
    );
    const complaint = await ingestBounceMail(ctx, await mail('arf-abuse', 'cat@reader.example', e1, BOUNCES));
    // Each is counted against the delivery it names, as a notice saying what it claimed.
    expect(hard.event).toMatchObject({
      matchedBy: 'message-id',
      editionId: e1,
      kind: 'notice',
      action: null,
    });
    expect(prose.event).toMatchObject({
      matchedBy: 'recipient',
      editionId: e1,
      kind: 'notice',
      action: null,
    });
    expect(complaint.event).toMatchObject({
      matchedBy: 'message-id',
      kind: 'notice',
      code: 'abuse',
      action: null,
    });
    expect(hard.event.diagnostic).toMatch(
      /^not believed: no VERP token .* it claims a hard bounce: The email account that you tried to reach does not exist/,
    );
    expect(complaint.summary).toMatch(
      /^complaint abuse cat@reader\.example edition \S+ \(message-id\): no change, not believed without a VERP token$/,
    );
    for (const email of ['ana@reader.example', 'ben@reader.example', 'cat@reader.example'])
      expect(await status(email)).toBe('active');
    expect(await store.bounces.counts(e1)).toMatchObject({ hard: 0, complaint: 0, notice: 3 });
  });

  it('with VERP on, counts no soft bounce without a token toward the soft limit', async () => {
    ctx.rules = { softLimit: 2, softWindow: 5 };
    const e1 = await send();
    await ingestBounceMail(ctx, await mail('postfix-soft', 'ana@reader.example', e1, BOUNCES));
    const e2 = await send();
    expect(
      (await ingestBounceMail(ctx, await mail('postfix-soft', 'ana@reader.example', e2))).action,
    ).toBeNull();
    expect(await status('ana@reader.example')).toBe('active');
  });

  it('with VERP on, believes a report without a token about a delivery that went without one', async () => {
    // An edition id too long to carry: its deliveries went out from the plain address.
    const plain = '2024-01-long-edition-id';
    await sendEmptyEdition(store, plain);
    expect(
      verpAddress(BOUNCES, { editionId: plain, subscriberId: await id('ana@reader.example') }, SECRET),
    ).toBe(BOUNCES);
    const outcome = await ingestBounceMail(
      ctx,
      await mail('postfix-hard', 'ana@reader.example', plain, BOUNCES),
    );
    expect(outcome.event).toMatchObject({ matchedBy: 'message-id', kind: 'hard', action: 'bounced' });
    expect(await status('ana@reader.example')).toBe('bounced');
  });

  it('counts soft bounces of old editions out once they leave the window', async () => {
    ctx.rules = { softLimit: 2, softWindow: 2 };
    const e1 = await send();
    await ingestBounceMail(ctx, await mail('postfix-soft', 'ana@reader.example', e1));
    await send();
    const e3 = await send();
    // e1 is no longer among Ana's last 2 editions: e3's soft bounce is her first in the window.
    const outcome = await ingestBounceMail(ctx, await mail('postfix-soft', 'ana@reader.example', e3));
    expect(outcome.action).toBeNull();
    expect(await status('ana@reader.example')).toBe('active');
  });

  it('never marks bounced for soft bounces with BOUNCE_SOFT_LIMIT=0', async () => {
    ctx.rules = { softLimit: 0, softWindow: 5 };
    for (let i = 0; i < 4; i++)
      await ingestBounceMail(ctx, await mail('postfix-soft', 'ana@reader.example', await send()));
    expect(await status('ana@reader.example')).toBe('active');
  });

  it('lets a complaint unsubscribe a bounced subscriber, and nothing reactivate or re-bounce one who left', async () => {
    const e1 = await send();
    await ingestBounceMail(ctx, await mail('postfix-hard', 'ana@reader.example', e1));
    expect(await status('ana@reader.example')).toBe('bounced');
    expect((await ingestBounceMail(ctx, await mail('arf-abuse', 'ana@reader.example', e1))).action).toBe(
      'unsubscribed',
    );
    expect(
      (await ingestBounceMail(ctx, await mail('postfix-hard', 'ana@reader.example', e1))).action,
    ).toBeNull();
    expect(await status('ana@reader.example')).toBe('unsubscribed');
  });

  it('treats a valid token for a delivery the store does not have as unmatched', async () => {
    const outcome = await ingestBounceMail(
      ctx,
      await mail('postfix-hard', 'ana@reader.example', '2024-02-01-deadbeef'),
    );
    expect(outcome.event).toMatchObject({ matchedBy: 'unmatched', action: null, subscriberId: null });
    expect(await status('ana@reader.example')).toBe('active');
  });
});
