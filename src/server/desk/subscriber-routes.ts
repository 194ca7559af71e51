import { PassThrough } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unsubscribeAddress } from '../../deliver/unsubscribe-address.ts';
import { DigestError } from '../../errors.ts';
import type { SubscriberStatus } from '../../store/store.ts';
import { exportSubscribersCsv, type ImportReport, importSubscribersCsv } from '../../store/subscriber-csv.ts';
import { canOperate, sendDeskPage } from './layout.ts';
import { checkCsrf, type DeskContext, frameOf, readForm, refuse, requireAccount } from './session.ts';
import { importView, subscriberHref, subscribersView, subscriberView } from './views/subscriber-views.ts';

/** Largest CSV an import takes from the browser (the CLI takes any size, streamed). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Refused rows listed after an import (all are counted). */
const REFUSED_SHOWN = 50;
const STATUSES = ['active', 'unconfirmed', 'unsubscribed', 'bounced'] as const;

const statusBody = z.strictObject({
  _csrf: z.string().max(200),
  email: z.string().max(254),
  status: z.enum(['unsubscribed', 'bounced']),
});

/** The subscribers (ops, admins): counts, search, one subscriber's history, manual changes, CSV. */
export async function subscriberRoutes(app: FastifyInstance, ctx: DeskContext): Promise<void> {
  // One file, a few fields, bounded: the import streams it into the store a batch at a time.
  await app.register(fastifyMultipart, {
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 4, parts: 5 },
  });
  const guard = { preHandler: requireAccount(ctx, canOperate) };
  const actor = (request: FastifyRequest) => request.deskAccount?.email ?? 'desk';

  app.get<{ Querystring: { q?: string } }>('/desk/subscribers', guard, async (request, reply) => {
    const query = String(request.query.q ?? '')
      .trim()
      .slice(0, 100);
    const found = query === '' ? null : await ctx.store.deskReads.searchSubscribers(query, 50);
    const counts = Object.fromEntries(
      await Promise.all(STATUSES.map(async (s) => [s, await ctx.store.countSubscribers(s)] as const)),
    ) as Record<SubscriberStatus, number>;
    const frame = frameOf(request, reply, ctx);
    return sendDeskPage(reply, 200, frame, {
      title: 'Subscribers',
      body: subscribersView({ counts, query, found, csrf: frame.csrf }),
    });
  });

  app.get<{ Querystring: { email?: string; done?: string } }>(
    '/desk/subscribers/one',
    guard,
    async (request, reply) => {
      const subscriber = await ctx.store.findSubscriber(String(request.query.email ?? '').slice(0, 254));
      if (!subscriber)
        return refuse(request, reply, ctx, 404, 'Not on the list', 'No subscriber has that address.');
      const [history, deliveries] = await Promise.all([
        ctx.store.history.list(subscriber.id),
        ctx.store.deskReads.subscriberDeliveries(subscriber.id, 50),
      ]);
      const frame = frameOf(request, reply, ctx);
      const notice = request.query.done
        ? `Marked ${request.query.done === 'bounced' ? 'bounced' : 'unsubscribed'}.`
        : null;
      return sendDeskPage(reply, 200, frame, {
        title: subscriber.email,
        body: subscriberView({ subscriber, history, deliveries, csrf: frame.csrf, notice }),
      });
    },
  );

  app.post('/desk/subscribers/status', guard, async (request, reply) => {
    const form = await readForm(request, reply, ctx, statusBody, 'Cannot change that');
    if (!form) return reply;
    const { email, status } = form;
    const cause = { source: 'desk' as const, actor: actor(request), ip: request.ip };
    const changed =
      status === 'unsubscribed'
        ? (await unsubscribeAddress(ctx.store, email, cause)) !== 'not-on-list'
        : (await ctx.store.setSubscriberStatus(email, 'bounced', {
            ...cause,
            note: 'marked bounced by hand on the desk',
            onlyFrom: ['active'],
          })) !== null;
    if (!changed)
      return refuse(request, reply, ctx, 404, 'Not on the list', 'No subscriber has that address.');
    await ctx.store.audit.record({
      actor: actor(request),
      action: `subscriber.${status === 'bounced' ? 'mark-bounced' : 'unsubscribe'}`,
      target: email,
    });
    return reply.redirect(`${subscriberHref(email)}&done=${status}`, 303);
  });

  app.get<{ Querystring: { status?: string } }>('/desk/subscribers.csv', guard, async (request, reply) => {
    const status = (STATUSES as readonly string[]).includes(request.query.status ?? '')
      ? (request.query.status as SubscriberStatus)
      : undefined;
    await ctx.store.audit.record({
      actor: actor(request),
      action: 'subscriber.export',
      target: status ?? 'all',
    });
    const out = new PassThrough();
    // Streamed with backpressure: the list is never held whole.
    exportSubscribersCsv(ctx.store, out, status).then(
      () => out.end(),
      (error: unknown) => out.destroy(error as Error),
    );
    return reply
      .headers({
        'cache-control': 'no-store',
        'content-disposition': `attachment; filename="subscribers${status ? `-${status}` : ''}.csv"`,
      })
      .type('text/csv; charset=utf-8')
      .send(out);
  });

  app.post('/desk/subscribers/import', guard, async (request, reply) =>
    importCsv(request, reply, ctx, actor(request)),
  );
}

async function importCsv(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: DeskContext,
  actor: string,
): Promise<FastifyReply> {
  if (!request.isMultipart())
    return refuse(request, reply, ctx, 400, 'Cannot import', 'Send the form with a CSV file.');
  // The token comes before the file in the form: it is checked before a byte of the file is read.
  const part = await request.file();
  const token = part?.fields._csrf;
  const csrf = token && 'value' in token ? token.value : undefined;
  if (!(await checkCsrf(request, reply, ctx, csrf))) {
    part?.file.resume();
    return reply;
  }
  const upload = part?.fieldname === 'csv' ? part : undefined;
  if (!upload) return refuse(request, reply, ctx, 400, 'Cannot import', 'The form has no CSV file.');
  const refused: string[] = [];
  let report: ImportReport = { rows: 0, added: 0, existing: 0, keptLeft: 0, rejected: 0 };
  let error: string | null = null;
  try {
    report = await importSubscribersCsv(ctx.store, upload.file, {
      onRejected: (line, reason) => {
        if (refused.length < REFUSED_SHOWN) refused.push(`line ${line}: ${reason}`);
      },
    });
  } catch (cause) {
    if (!(cause instanceof DigestError)) throw cause;
    error = cause.message;
  }
  if (upload.file.truncated)
    error = `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MiB: only its beginning was read (the rows read are kept; importing again adds nobody twice).`;
  await ctx.store.audit.record({
    actor,
    action: 'subscriber.import',
    target: upload.filename || 'upload',
    detail: { ...report },
  });
  const status = error ? 400 : 200;
  return sendDeskPage(reply, status, frameOf(request, reply, ctx), {
    title: 'Import',
    body: importView(report, refused, error),
  });
}
