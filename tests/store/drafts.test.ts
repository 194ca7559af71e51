import { expect, it } from 'vitest';
import type { Edition } from '../../src/models/edition.ts';
import { eachStore } from '../helpers/store-backends.ts';

const edition = (id: string): Edition => ({
  id,
  date: '2022-01-06',
  composedAt: '2022-01-06T05:00:00.000Z',
  newsletterName: 'Daily',
  items: [],
});
const draft = (id: string, slot: string | null, articleIds: string[] = []) => ({
  edition: edition(id),
  subject: `Subject of ${id}`,
  slot,
  articleIds,
});
const speakerEdit = (after: string) => ({
  target: { kind: 'quote', articleId: 'a0', index: 0, field: 'speaker' } as const,
  before: 'Ana Ruiz',
  after,
});

eachStore('drafts in the $name store', (t) => {
  it('records a draft with its articles reserved, and refuses a second draft for the slot', async () => {
    expect(await t.store.drafts.create(draft('d1', '2022-01-06T07:00:00Z', ['x']))).toBe(true);
    expect(await t.store.drafts.create(draft('d2', '2022-01-06T07:00:00Z', ['y']))).toBe(false);
    expect(await t.store.filterUnseenArticles(['x', 'y'])).toEqual(['y']);
    const d1 = await t.store.drafts.forSlot('2022-01-06T07:00:00Z');
    expect(d1).toMatchObject({ id: 'd1', status: 'pending', revision: 0, approvedRevision: null });
    expect(await t.store.drafts.get('d2')).toBeNull();
  });

  it('refuses a draft for a slot that already has its edition', async () => {
    await t.store.openEdition({
      edition: edition('e1'),
      subject: 'S',
      slot: '2022-01-06T07:00:00Z',
      articleIds: [],
      messageIdDomain: 'example.org',
    });
    expect(await t.store.drafts.create(draft('d1', '2022-01-06T07:00:00Z', ['x']))).toBe(false);
    expect(await t.store.filterUnseenArticles(['x'])).toEqual(['x']);
  });

  it('keeps every correction with who, when, before and after, one revision per save', async () => {
    await t.store.drafts.create(draft('d1', null));
    const saved = await t.store.drafts.addEdits('d1', {
      revision: 0,
      actor: 'eve@example.org',
      subject: 'New subject',
      edits: [speakerEdit('Anne Roux'), { target: { kind: 'subject' }, before: null, after: 'New subject' }],
    });
    expect(saved).toMatchObject({ ok: true, draft: { revision: 1, subject: 'New subject' } });
    const edits = await t.store.drafts.edits('d1');
    expect(edits.map((e) => [e.revision, e.actor, e.before, e.after])).toEqual([
      [1, 'eve@example.org', 'Ana Ruiz', 'Anne Roux'],
      [1, 'eve@example.org', null, 'New subject'],
    ]);
    expect(edits[0]?.target).toEqual(speakerEdit('x').target);
    expect(Date.parse(edits[0]?.at ?? '')).toBeGreaterThan(0);
  });

  it('refuses a correction made against an old revision, and changes nothing', async () => {
    await t.store.drafts.create(draft('d1', null));
    await t.store.drafts.addEdits('d1', { revision: 0, actor: 'a', subject: 'S', edits: [speakerEdit('A')] });
    const late = await t.store.drafts.addEdits('d1', {
      revision: 0,
      actor: 'b',
      subject: 'S',
      edits: [speakerEdit('B')],
    });
    expect(late).toMatchObject({ ok: false, reason: 'stale' });
    expect((await t.store.drafts.edits('d1')).map((e) => e.after)).toEqual(['A']);
  });

  it('withdraws the approval when a draft is corrected after it, so it must be approved again', async () => {
    await t.store.drafts.create(draft('d1', null));
    expect(await t.store.drafts.approve('d1', { revision: 0, actor: 'eve' })).toMatchObject({
      ok: true,
      draft: { status: 'approved', approvedRevision: 0, approvedBy: 'eve' },
    });
    await t.store.drafts.addEdits('d1', {
      revision: 0,
      actor: 'max',
      subject: 'S',
      edits: [speakerEdit('M')],
    });
    expect(await t.store.drafts.get('d1')).toMatchObject({
      status: 'pending',
      revision: 1,
      approvedRevision: null,
    });
    expect(await t.store.drafts.claim('d1', { approvedOnly: true })).toBeNull();
    expect(await t.store.drafts.approve('d1', { revision: 0, actor: 'eve' })).toMatchObject({
      ok: false,
      reason: 'stale',
    });
    expect((await t.store.drafts.approve('d1', { revision: 1, actor: 'eve' })).ok).toBe(true);
    expect(await t.store.drafts.claim('d1', { approvedOnly: true })).toMatchObject({ status: 'sending' });
  });

  it('lets one of two claims at once have the draft, on two connections', async () => {
    const other = await t.fresh.another();
    try {
      await t.store.drafts.create(draft('d1', null));
      await Promise.all([
        t.store.drafts.approve('d1', { revision: 0, actor: 'eve' }),
        other.drafts.approve('d1', { revision: 0, actor: 'max' }),
      ]);
      const claims = await Promise.all([
        t.store.drafts.claim('d1', { approvedOnly: true }),
        other.drafts.claim('d1', { approvedOnly: true }),
        t.store.drafts.claim('d1', { approvedOnly: false }),
      ]);
      expect(claims.filter((c) => c !== null)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('locks a draft once it is being sent: no more corrections or approvals', async () => {
    await t.store.drafts.create(draft('d1', null));
    await t.store.drafts.claim('d1', { approvedOnly: false });
    const edit = await t.store.drafts.addEdits('d1', { revision: 0, actor: 'a', subject: 'S', edits: [] });
    expect(edit).toMatchObject({ ok: false, reason: 'locked' });
    expect(await t.store.drafts.approve('d1', { revision: 0, actor: 'a' })).toMatchObject({
      reason: 'locked',
    });
    expect(await t.store.drafts.approve('nope', { revision: 0, actor: 'a' })).toMatchObject({
      reason: 'missing',
    });
    await t.store.drafts.markSent('d1');
    expect(await t.store.drafts.get('d1')).toMatchObject({ status: 'sent' });
  });

  it('lists as due the approved drafts that are manual, held or past their slot, and those left sending', async () => {
    const now = new Date('2022-01-06T07:00:00Z');
    await t.store.drafts.create(draft('manual', null));
    await t.store.drafts.create(draft('future', '2022-01-07T07:00:00Z'));
    await t.store.drafts.create(draft('held', '2022-01-08T07:00:00Z'));
    await t.store.drafts.create(draft('now', '2022-01-06T07:00:00Z'));
    await t.store.drafts.create(draft('unapproved', null));
    await t.store.drafts.create(draft('stuck', null));
    for (const id of ['manual', 'future', 'held', 'now'])
      await t.store.drafts.approve(id, { revision: 0, actor: 'a' });
    expect(await t.store.drafts.hold('held', now)).toBe(false);
    await t.store.drafts.claim('stuck', { approvedOnly: false });
    const due = (await t.store.drafts.due(now)).map((d) => d.id).sort();
    expect(due).toEqual(['manual', 'now', 'stuck']);
  });

  it('holds a pending draft once, with the time', async () => {
    await t.store.drafts.create(draft('d1', '2022-01-06T07:00:00Z'));
    expect(await t.store.drafts.hold('d1', new Date('2022-01-06T07:00:01Z'))).toBe(true);
    expect(await t.store.drafts.hold('d1', new Date())).toBe(false);
    expect((await t.store.drafts.get('d1'))?.heldAt).toBe('2022-01-06T07:00:01.000Z');
    await t.store.drafts.approve('d1', { revision: 0, actor: 'a' });
    expect((await t.store.drafts.due(new Date('2022-01-06T06:00:00Z'))).map((d) => d.id)).toEqual(['d1']);
  });
});
