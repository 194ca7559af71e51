import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { DigestError } from '../../errors.ts';
import { approveDraft } from '../../review/approve-draft.ts';
import { correctDraft } from '../../review/correct-draft.ts';
import { buildDraftMessage } from '../../review/draft-message.ts';
import { type DraftState, loadDraft } from '../../review/draft-state.ts';
import { DIGEST_CSP } from '../preview-page.ts';
import { csrfOf } from '../web/csrf.ts';
import type { DeskActions } from './actions.ts';
import { readCorrectionForm } from './draft-forms.ts';
import { canOperate, canReview, landingFor, sendDeskPage } from './layout.ts';
import { checkCsrf, type DeskContext, frameOf, readForm, refuse, requireAccount } from './session.ts';
import { draftListView, draftPageView } from './views/draft-view.ts';

/** What the draft pages need besides the shared desk context. */
export interface DraftRouteContext extends DeskContext {
  config: Readonly<Config>;
  actions: DeskActions;
  /** Who the draft is shown as sent to (DEMO_SUBSCRIBER). */
  recipient: { email: string; name: string | null };
}

type IdRequest = FastifyRequest<{
  Params: { id: string };
  /** After a redirect: corrections saved (and whether that withdrew an approval), or sent now. */
  Querystring: { saved?: string; withdrew?: string; sent?: string };
}>;

const approveBody = z.strictObject({
  _csrf: z.string().max(200),
  revision: z.coerce.number().int().min(0),
  send: z.enum(['later', 'now']),
});

/** The drafts (editors, admins): the list, each draft's page and files, corrections, approval. */
export function draftRoutes(app: FastifyInstance, ctx: DraftRouteContext): void {
  const guard = { preHandler: requireAccount(ctx, canReview) };
  const page = (
    request: IdRequest,
    reply: FastifyReply,
    state: DraftState,
    status = 200,
    error: string | null = null,
  ) => {
    const frame = frameOf(request, reply, ctx);
    const { query } = request;
    const saved = error || query.saved === undefined ? null : Number(query.saved) || 0;
    const body = draftPageView({
      state,
      csrf: frame.csrf,
      notice: { saved, withdrew: query.withdrew !== undefined, sent: !error && query.sent !== undefined },
      error,
      canOperate: canOperate(frame.account),
      archivePage: ctx.config.archive === 'public' ? `/archive/${encodeURIComponent(state.record.id)}` : null,
    });
    return sendDeskPage(reply, status, frame, { title: `Draft ${state.record.id}`, body, frames: true });
  };
  const load = async (request: IdRequest, reply: FastifyReply) => {
    const state = await loadDraft(ctx.store, request.params.id);
    if (!state)
      await refuse(request, reply, ctx, 404, 'No such draft', `There is no draft “${request.params.id}”.`);
    return state;
  };

  app.get('/desk/drafts', guard, async (request, reply) =>
    sendDeskPage(reply, 200, frameOf(request, reply, ctx), {
      title: 'Drafts',
      body: draftListView(await ctx.store.drafts.list(50)),
    }),
  );

  app.get('/desk/drafts/:id', guard, async (request: IdRequest, reply) => {
    const state = await load(request, reply);
    return state ? page(request, reply, state) : reply;
  });

  app.get(
    '/desk/drafts/:id/:file',
    guard,
    async (request: FastifyRequest<{ Params: { id: string; file: string } }>, reply) => {
      const { file } = request.params;
      if (!['digest.html', 'digest.txt', 'events.ics'].includes(file)) return reply.callNotFound();
      const state = await loadDraft(ctx.store, request.params.id);
      if (!state) return reply.callNotFound();
      const message = await buildDraftMessage(state, ctx.config, ctx.secret, ctx.recipient);
      const headers = {
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      };
      if (file === 'digest.html') {
        // Framed by the draft page only; no scripts, as a careful mail client.
        return reply
          .headers({ ...headers, 'content-security-policy': `${DIGEST_CSP}; frame-ancestors 'self'` })
          .type('text/html; charset=utf-8')
          .send(message.html);
      }
      if (file === 'digest.txt')
        return reply.headers(headers).type('text/plain; charset=utf-8').send(message.text);
      const calendar = message.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      if (!calendar)
        return reply
          .code(404)
          .headers(headers)
          .type('text/plain; charset=utf-8')
          .send('No upcoming events.\n');
      return reply.headers(headers).type('text/calendar; charset=utf-8').send(calendar.content);
    },
  );

  app.post('/desk/drafts/:id/corrections', guard, async (request: IdRequest, reply) => {
    // The token first: a missing one is refused as a forged one is, before any field is read.
    if (!(await checkCsrf(request, reply, ctx, csrfOf(request.body)))) return reply;
    const read = readCorrectionForm(request.body);
    if (!read.ok) return refuse(request, reply, ctx, 400, 'Cannot save that', read.error);
    const form = read.value;
    const state = await load(request, reply);
    if (!state) return reply;
    try {
      const { saved, withdrew } = await correctDraft(ctx.store, state.record.id, {
        actor: request.deskAccount?.email ?? 'desk',
        revision: form.revision,
        changes: form.changes,
      });
      return reply.redirect(
        `/desk/drafts/${encodeURIComponent(state.record.id)}?saved=${saved}${withdrew ? '&withdrew=1' : ''}#${form.anchor}`,
        303,
      );
    } catch (error) {
      return refused(request, reply, error, page);
    }
  });

  app.post('/desk/drafts/:id/approve', guard, async (request: IdRequest, reply) => {
    const form = await readForm(request, reply, ctx, approveBody, 'Cannot approve');
    if (!form) return reply;
    const actor = request.deskAccount?.email ?? 'desk';
    const id = request.params.id;
    try {
      await approveDraft(ctx.store, id, { actor, revision: form.revision });
    } catch (error) {
      return refused(request, reply, error, page);
    }
    if (form.send === 'later') return reply.redirect(`/desk/drafts/${encodeURIComponent(id)}#approve`, 303);
    const started = await ctx.actions.sendDraft(id, actor);
    if (started.status === 'started') {
      // Ops follow the delivery on the edition's page; an editor, who may not, sees the draft sent.
      const place = landingFor(
        request.deskAccount,
        `/desk/editions/${encodeURIComponent(started.editionId)}?started=1`,
        `/desk/drafts/${encodeURIComponent(id)}?sent=1`,
      );
      return reply.redirect(place, 303);
    }
    const why =
      started.status === 'busy'
        ? `Approved, but another run is going on (${started.holder ?? 'elsewhere'}): the worker sends it when it ends.`
        : 'Approved, but it could not be sent now (it is being sent, or was sent).';
    return refuse(request, reply, ctx, 409, 'Approved, not sent yet', why);
  });

  /** A refused correction or approval: the page again with the reason (409 when the draft moved on). */
  async function refused(
    request: IdRequest,
    reply: FastifyReply,
    error: unknown,
    again: typeof page,
  ): Promise<FastifyReply> {
    if (!(error instanceof DigestError)) throw error;
    const status =
      { DRAFT_NOT_FOUND: 404, DRAFT_CONFLICT: 409, DRAFT_INVALID: 400 }[error.code as string] ?? 500;
    if (status === 500) throw error;
    const state = await loadDraft(ctx.store, request.params.id);
    if (!state) return refuse(request, reply, ctx, 404, 'No such draft', error.message);
    return again(request, reply, state, status, `${error.message}.`);
  }
}
