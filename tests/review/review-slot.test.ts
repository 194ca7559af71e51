import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approveDraft } from '../../src/review/approve-draft.ts';
import { correctDraft } from '../../src/review/correct-draft.ts';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { STORE_BACKENDS } from '../helpers/store-backends.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ingestSample } from '../schedule/context.ts';
import {
  EDITOR,
  mailsTo,
  messages,
  NOW,
  OPS,
  openReviewContext,
  type ReviewContext,
} from './review-context.ts';

const SLOT = '2022-01-06T07:00:00Z';
const READERS = ['ana@example.org', 'ben@example.org', 'cleo@example.org'];

// On SQLite and on Postgres: the conditional changes of the draft store hold on both.
describe.each(STORE_BACKENDS)('review at the slot, on $name', (backend) => {
  it.runIf(backend.skipReason)(`is skipped: ${backend.skipReason}`, () => undefined);
  describe.skipIf(backend.skipReason !== null)('scenarios', () => {
    let temp: ReturnType<typeof makeTempDir>;
    let sink: Awaited<ReturnType<typeof startSmtpSink>>;
    const open: ReviewContext[] = [];
    const context = async (env: Record<string, string> = {}) => {
      const ctx = await openReviewContext(backend, temp.dir, sink.url, env);
      open.push(ctx);
      for (const email of READERS) await ctx.store.addSubscriber(email, null);
      return ctx;
    };
    const runnerOf = (ctx: ReviewContext, holder?: string) =>
      createEditionRunner(ctx, {
        logger: ctx.logger,
        loadSources: ingestSample,
        ...(holder ? { holder } : {}),
      });
    const readers = () => sink.received.flatMap((m) => m.to).filter((to) => READERS.includes(to));

    beforeEach(async () => {
      temp = makeTempDir('digest-review-');
      sink = await startSmtpSink();
    });
    afterEach(async () => {
      for (const c of open.splice(0)) await c.close();
      await sink.close();
      temp.remove();
    });

    it('makes the draft ahead of its slot and mails the editors a link, sending nothing', async () => {
      const ctx = await context();
      const result = await runnerOf(ctx).run({ tick: { draftFor: SLOT }, now: NOW });
      expect(result).toMatchObject({ kind: 'drafted', created: true });
      const draft = await ctx.store.drafts.forSlot(SLOT);
      expect(draft).toMatchObject({ status: 'pending', slot: SLOT });
      expect(readers()).toEqual([]);
      const [mail] = await mailsTo(sink.received, EDITOR);
      expect(mail?.subject).toMatch(/Draft ready for review/);
      expect(mail?.text).toContain(`https://digest.example.org/desk/drafts/${draft?.id}`);
      expect(await ctx.store.listEditions(5)).toHaveLength(0);
    });

    it('sends the approved draft at its slot, with the corrections, to every subscriber once', async () => {
      const ctx = await context();
      const runner = runnerOf(ctx);
      await runner.run({ tick: { draftFor: SLOT }, now: NOW });
      const id = (await ctx.store.drafts.forSlot(SLOT))?.id ?? '';
      const articleId = (await ctx.store.drafts.get(id))?.edition.items[0]?.articleId ?? '';
      await correctDraft(ctx.store, id, {
        actor: EDITOR,
        revision: 0,
        changes: [{ kind: 'quote', articleId, index: 0, field: 'speaker', after: 'Tony Blinken' }],
      });
      await approveDraft(ctx.store, id, { actor: EDITOR });

      const result = await runner.run({ slot: SLOT, now: NOW });
      expect(result).toMatchObject({ kind: 'ran', editionId: id });
      expect(readers().sort()).toEqual(READERS);
      const [mail] = await mailsTo(sink.received, 'ana@example.org');
      expect(mail?.text).toContain('Tony Blinken');
      const record = await ctx.store.getEdition(id);
      expect(record).toMatchObject({ slot: SLOT, status: 'done' });
      expect(JSON.stringify(record?.edition)).toContain('Tony Blinken');
      expect(await ctx.store.drafts.get(id)).toMatchObject({ status: 'sent' });
    });

    it('holds an unapproved draft at its slot: a log line, a mail to the editors, an alert to ops', async () => {
      const ctx = await context();
      const runner = runnerOf(ctx);
      await runner.run({ tick: { draftFor: SLOT }, now: NOW });
      const result = await runner.run({ slot: SLOT, now: NOW });
      expect(result.kind).toBe('held');
      expect(readers()).toEqual([]);
      expect(await ctx.store.listEditions(5)).toHaveLength(0);
      expect(messages(ctx).some((m) => m.includes(`slot ${SLOT}`) && m.includes('held, nothing sent'))).toBe(
        true,
      );
      const editorMails = await mailsTo(sink.received, EDITOR);
      expect(editorMails.map((m) => m.subject)).toEqual([
        expect.stringMatching(/Draft ready/),
        expect.stringMatching(/Draft held/),
      ]);
      const [alert] = await mailsTo(sink.received, OPS);
      expect(alert?.subject).toMatch(/Slot 2022-01-06T07:00:00Z missed: unapproved/);
      expect((await ctx.store.drafts.forSlot(SLOT))?.heldAt).not.toBeNull();

      // Approved late, it goes at once: the review tick sends due drafts.
      await approveDraft(ctx.store, (await ctx.store.drafts.forSlot(SLOT))?.id ?? '', { actor: EDITOR });
      await runner.run({ tick: { draftFor: null } });
      expect(readers().sort()).toEqual(READERS);
    });

    it('sends an unapproved draft as it is with DIGEST_REVIEW_MISSED=send, and says so', async () => {
      const ctx = await context({ DIGEST_REVIEW_MISSED: 'send' });
      const runner = runnerOf(ctx);
      await runner.run({ tick: { draftFor: SLOT }, now: NOW });
      expect((await runner.run({ slot: SLOT, now: NOW })).kind).toBe('ran');
      expect(readers().sort()).toEqual(READERS);
      expect(messages(ctx).some((m) => m.includes('sent unapproved (DIGEST_REVIEW_MISSED=send)'))).toBe(true);
      expect((await ctx.store.audit.list({ limit: 10 })).map((e) => e.action)).toContain(
        'draft.send-unapproved',
      );
    });

    it('holds a draft corrected after its approval: it must be approved again', async () => {
      const ctx = await context();
      const runner = runnerOf(ctx);
      await runner.run({ tick: { draftFor: SLOT }, now: NOW });
      const draft = await ctx.store.drafts.forSlot(SLOT);
      const id = draft?.id ?? '';
      await approveDraft(ctx.store, id, { actor: EDITOR });
      await correctDraft(ctx.store, id, {
        actor: 'max@example.org',
        revision: 0,
        changes: [{ kind: 'subject', after: 'A later change' }],
      });
      expect(await ctx.store.drafts.get(id)).toMatchObject({ status: 'pending', approvedRevision: null });
      expect((await runner.run({ slot: SLOT, now: NOW })).kind).toBe('held');
      expect(readers()).toEqual([]);
      await expect(approveDraft(ctx.store, id, { actor: EDITOR, revision: 0 })).rejects.toThrow(
        /changed since revision 0/,
      );
    });

    it('sends one edition when two editors approve and send at once from two processes', async () => {
      const a = await context();
      const b = await openReviewContext(backend, temp.dir, sink.url, { DIGEST_DB: a.config.dbPath });
      open.push(b);
      await runnerOf(a).run({ tick: { draftFor: null } });
      const made = await runnerOf(a).run({ now: NOW });
      const id = made.kind === 'drafted' ? (made.draft?.id ?? '') : '';
      expect(id).not.toBe('');
      const approveAndSend = async (ctx: ReviewContext, who: string) => {
        await approveDraft(ctx.store, id, { actor: who, revision: 0 });
        return runnerOf(ctx, who).run({ draftId: id });
      };
      const results = await Promise.all([
        approveAndSend(a, 'eve@example.org'),
        approveAndSend(b, 'max@example.org'),
      ]);
      expect(results.map((r) => r.kind).sort()).toEqual(expect.arrayContaining(['ran']));
      expect(await a.store.listEditions(5)).toHaveLength(1);
      expect(readers().sort()).toEqual(READERS);
      expect(
        new Set(sink.received.filter((m) => READERS.includes(m.to[0] ?? '')).map((m) => m.to[0])).size,
      ).toBe(3);
    });
  });
});
