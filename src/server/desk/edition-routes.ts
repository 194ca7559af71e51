import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EditionRecord } from '../../store/store.ts';
import { ANSWER_WITHIN_MS, settleWithin } from '../web/answer-within.ts';
import { shareBuild } from '../web/shared-build.ts';
import type { DeskActions, DeskStart } from './actions.ts';
import { canOperate, landingFor, sendDeskPage } from './layout.ts';
import { type DeskContext, frameOf, readForm, refuse, requireAccount } from './session.ts';
import { type EditionRow, editionListView, editionView, sendView } from './views/edition-views.ts';

/** The window the send rate is measured over. */
const RATE_WINDOW_MS = 60_000;
/** Seconds between reloads of a page showing an edition that sends. */
const REFRESH_SECONDS = 5;
/** Failures listed on an edition's page. */
const FAILURES_SHOWN = 100;

type IdRequest = FastifyRequest<{ Params: { id: string }; Querystring: { started?: string } }>;
const onlyCsrf = z.strictObject({ _csrf: z.string().max(200) });

/** The editions (ops, admins): live progress, failures, resume, retry, and send now after a dry run. */
export function editionRoutes(
  app: FastifyInstance,
  ctx: DeskContext & { actions: DeskActions; answerWithinMs?: number },
): void {
  const guard = { preHandler: requireAccount(ctx, canOperate) };
  const waitMs = ctx.answerWithinMs ?? ANSWER_WITHIN_MS;
  // The dry run reads every source: one at a time, kept for the reload of a page that outwaited it.
  const plans = shareBuild(() => ctx.actions.planEdition());
  const rowOf = async (record: EditionRecord): Promise<EditionRow> => {
    const progress = await ctx.store.editionProgress(record.id);
    const sending = record.status === 'sending';
    const recent = sending
      ? await ctx.store.deskReads.sentSince(record.id, new Date(Date.now() - RATE_WINDOW_MS))
      : 0;
    const rate = recent / (RATE_WINDOW_MS / 1000);
    const left = progress.queued + progress.sending;
    return { record, progress, rate, etaSeconds: sending && rate > 0 && left > 0 ? left / rate : null };
  };

  /** The edition of the path, or null once a 404 page is sent. */
  const findEdition = async (request: IdRequest, reply: FastifyReply): Promise<EditionRecord | null> => {
    const record = await ctx.store.getEdition(request.params.id);
    if (!record)
      await refuse(
        request,
        reply,
        ctx,
        404,
        'No such edition',
        `There is no edition “${request.params.id}”.`,
      );
    return record;
  };

  app.get<{ Querystring: { drafted?: string; building?: string } }>(
    '/desk/editions',
    guard,
    async (request, reply) => {
      const rows = await Promise.all((await ctx.store.listEditions(30)).map(rowOf));
      const { drafted, building } = request.query;
      const live = building !== undefined || rows.some((r) => r.record.status === 'sending');
      const notice = drafted
        ? `Made the draft ${String(drafted).slice(0, 200)}: with review required, it goes out once an editor approves it.`
        : building !== undefined
          ? 'Sending now: the sources are still being read. The edition appears here once it is recorded; if they changed since your dry run, nothing is sent and Send now shows the new one. This page reloads.'
          : null;
      return sendDeskPage(reply, 200, frameOf(request, reply, ctx), {
        title: 'Editions',
        body: editionListView(rows, notice),
        ...(live ? { refreshSeconds: REFRESH_SECONDS } : {}),
      });
    },
  );

  app.get('/desk/editions/:id', guard, async (request: IdRequest, reply) => {
    const record = await findEdition(request, reply);
    if (!record) return reply;
    const [row, bounced, failures] = await Promise.all([
      rowOf(record),
      ctx.store.countBounced(record.id),
      ctx.store.deliveryErrors(record.id, FAILURES_SHOWN),
    ]);
    const frame = frameOf(request, reply, ctx);
    const notice = request.query.started === undefined ? null : 'Under way: this page follows its progress.';
    return sendDeskPage(reply, 200, frame, {
      title: record.subject,
      body: editionView({ row, bounced, failures, csrf: frame.csrf, notice }),
      ...(record.status === 'sending' ? { refreshSeconds: REFRESH_SECONDS } : {}),
    });
  });

  const act = (name: 'resume' | 'retry', run: (id: string, actor: string) => Promise<DeskStart>) =>
    app.post(`/desk/editions/:id/${name}`, guard, async (request: IdRequest, reply) => {
      const form = await readForm(request, reply, ctx, onlyCsrf, 'Cannot do that');
      if (!form) return reply;
      const record = await findEdition(request, reply);
      if (!record) return reply;
      const started = await run(record.id, request.deskAccount?.email ?? 'desk');
      return answerStart(request, reply, ctx, started);
    });
  act('resume', (id, actor) => ctx.actions.resumeEdition(id, actor));
  act('retry', (id, actor) => ctx.actions.retryFailed(id, actor));

  app.get('/desk/send', guard, async (request, reply) => {
    const frame = frameOf(request, reply, ctx);
    const plan = await plans.within(waitMs);
    if (!plan.done) return sendReading(reply, frame);
    return sendDeskPage(reply, 200, frame, {
      title: 'Send now',
      body: sendView({ dryRun: plan.value, csrf: frame.csrf, changed: false }),
    });
  });

  app.post('/desk/send', guard, async (request, reply) => {
    const form = await readForm(
      request,
      reply,
      ctx,
      onlyCsrf.extend({ editionId: z.string().max(200) }),
      'Cannot send',
    );
    if (!form) return reply;
    // A person gone before the answer: an edition not recorded yet is not recorded.
    const cancel = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) cancel.abort();
    });
    // The run itself checks, after reading the sources and before recording, that they make
    // the edition of the dry run the person saw (not a kept dry run: the sources may have moved).
    const start = ctx.actions.startEdition(
      request.deskAccount?.email ?? 'desk',
      form.editionId,
      cancel.signal,
    );
    // Whatever came of it, a kept dry run is out of date (its articles were sent, or they changed).
    start.then(
      () => plans.forget(),
      () => plans.forget(),
    );
    const started = await settleWithin(start, waitMs);
    // Still reading the sources: the editions page shows the edition once it is recorded.
    if (!started.done) return reply.redirect('/desk/editions?building=1', 303);
    if (started.value.status === 'changed') {
      const frame = frameOf(request, reply, ctx);
      return sendDeskPage(reply, 409, frame, {
        title: 'Send now',
        body: sendView({ dryRun: started.value.dryRun, csrf: frame.csrf, changed: true }),
      });
    }
    return answerStart(request, reply, ctx, started.value);
  });
}

/** The dry run outwaited the request: say so, and reload until it is there. */
function sendReading(reply: FastifyReply, frame: ReturnType<typeof frameOf>): FastifyReply {
  reply.header('retry-after', String(REFRESH_SECONDS));
  return sendDeskPage(reply, 503, frame, {
    title: 'Send now',
    body: `<h1>Send now</h1><p role="status">Reading the sources for the dry run takes a while (a feed of slow pages, say). This page reloads every ${REFRESH_SECONDS} seconds until the dry run is there. Nothing was sent.</p><p><a href="/desk/send">Reload now</a></p>`,
    refreshSeconds: REFRESH_SECONDS,
  });
}

/** Where a started run leads: its edition's page, its draft, or why nothing started. */
function answerStart(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: DeskContext,
  started: DeskStart,
): FastifyReply {
  switch (started.status) {
    case 'started':
      return reply.redirect(`/desk/editions/${encodeURIComponent(started.editionId)}?started=1`, 303);
    case 'drafted':
      // An admin goes on to review it; ops, who may not, stay with the editions.
      return reply.redirect(
        landingFor(
          request.deskAccount,
          `/desk/drafts/${encodeURIComponent(started.draftId)}`,
          `/desk/editions?drafted=${encodeURIComponent(started.draftId)}`,
        ),
        303,
      );
    case 'busy':
      return refuse(
        request,
        reply,
        ctx,
        409,
        'Another run is going on',
        started.cancelled
          ? 'A run whose page was left before its answer is still finishing reading the sources: it records and sends nothing. Try again when it ends.'
          : `It holds the run lease (${started.holder ?? 'elsewhere'}): try again when it ends.`,
      );
    case 'nothing':
      return refuse(request, reply, ctx, 409, 'Nothing to do', started.reason);
    case 'changed':
      return refuse(request, reply, ctx, 409, 'The edition changed', 'Nothing was sent: see Send now.');
  }
}
