import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { EDITION_ID_SHAPE, isEditionId } from '../models/edition-id.ts';
import type { RunStore } from '../store/runs.ts';
import { triggerBodySchema } from './ops-api-schemas.ts';
import { PendingRuns, type PendingRunsOptions } from './pending-runs.ts';
import { ANSWER_WITHIN_MS, settleWithin } from './web/answer-within.ts';
import { validateBody } from './web/body.ts';
import { parseJsonObject } from './web/json-body.ts';
import { refuseOtherMethods } from './web/methods.ts';

/** What POST /api/editions answers, from the code that runs editions. */
export type TriggerOutcome =
  /** unread: the sources that could not be read (absent when every one was read); the edition has the rest. */
  | { status: 'started'; editionId: string; unread?: { source: string; error: string }[] }
  | { status: 'nothing-new'; resumed: number }
  /** reason: set when the run holding the lease was cancelled (its caller went away) and is finishing. */
  | { status: 'busy'; holder: string | null; reason?: string }
  /** DIGEST_REVIEW=required: the edition is a draft, waiting for an editor's approval. */
  | { status: 'drafted'; draftId: string; unread?: { source: string; error: string }[] }
  /** Nothing made, and some source could not be read: "nothing new" is not known (HTTP 502). */
  | { status: 'sources-failed'; resumed: number; unread: { source: string; error: string }[] }
  | {
      status: 'planned';
      plan: { editionId: string; subject: string; articles: number; recipients: number };
      /** The sources this dry run could not read (absent when every one was read). */
      unread?: { source: string; error: string }[];
    };

/** The HTTP status of POST /api/editions's answer. */
function statusOf(outcome: TriggerOutcome): number {
  if (outcome.status === 'busy') return 409;
  if (outcome.status === 'sources-failed') return 502;
  return outcome.status === 'started' ? 202 : 200;
}

/** What the ops API needs: passed in by the service, so the server knows no schedule code. */
export interface OpsApiOptions {
  /** The bearer token every call must carry; null = the API is off (404). */
  token: string | null;
  listEditions(): Promise<unknown[]>;
  /** One edition's progress; null when there is no such edition. */
  getEdition(id: string): Promise<unknown | null>;
  /**
   * Starts an edition now (or only plans it, with dryRun); resolves once it is under way.
   * `cancel` aborts when the caller went away before being answered: a run that has recorded
   * nothing yet must then record and send nothing.
   */
  trigger(request: { dryRun: boolean; cancel?: AbortSignal }): Promise<TriggerOutcome>;
  /** How long POST /api/editions waits for the run before answering 202 "building". Default ANSWER_WITHIN_MS. */
  answerWithinMs?: number;
  /** How the runs answered 202 are kept and leased (see PendingRunsOptions; tests shorten them). */
  runs?: PendingRunsOptions;
}

/** What POST /api/editions answers (500) when the database would not take the run it began: the run is stopped. */
export const RUN_NOT_RECORDED =
  'could not record the run (see the log), so it was stopped: nothing is recorded or sent';

/** What GET /api/runs/ID answers for an id it does not know (or a malformed one). */
export const NO_SUCH_RUN = 'no such run (runs are kept an hour after they end)';

/** Largest request body accepted (the only body is `{"dryRun": true}`). */
const MAX_BODY = 16 * 1024;

/**
 * The ops API under /api/: POST /api/editions (trigger, body `{dryRun?: boolean}`),
 * GET /api/editions (list), GET /api/editions/:id (progress), GET /api/runs/:id (a trigger
 * answered before its run got under way). Every call needs
 * `Authorization: Bearer OPS_TOKEN`, compared in constant time, checked before the body is read.
 */
export async function opsApiRoutes(
  app: FastifyInstance,
  options: { ops?: OpsApiOptions; runs: RunStore; onError?: (error: Error) => void },
): Promise<void> {
  const ops = options.ops;
  // `curl -d` says urlencoded and fetch says text/plain: every body here is read as JSON text.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BODY }, (_req, body, done) =>
    done(null, body),
  );
  app.addHook('onRequest', async (request, reply) => {
    if (!ops?.token) return sendJson(reply, 404, { error: 'not found' });
    if (!isAuthorized(request.headers.authorization, ops.token)) {
      reply.header('www-authenticate', 'Bearer realm="digest-ops"');
      return sendJson(reply, 401, { error: 'missing or wrong bearer token' });
    }
    // No call takes query parameters: `?dryrun=1` must not pass for something it is not.
    const query = new URL(request.url, 'http://localhost').searchParams;
    const unknown = [...query.keys()][0];
    if (unknown !== undefined) {
      return sendJson(reply, 400, {
        error: `unknown query parameter ${JSON.stringify(unknown)}: no call here takes one`,
      });
    }
  });
  app.all('/api/*', async (request, reply) =>
    // An id too long for the router (past maxParamLength) lands here: it is no edition id either.
    request.method === 'GET' && /^\/api\/editions\/[^/?]+(?:\?|$)/.test(request.url)
      ? refuseEditionId(reply)
      : sendJson(reply, 404, { error: 'not found' }),
  );
  app.all('/api', async (_request, reply) => sendJson(reply, 404, { error: 'not found' }));
  if (!ops) return;
  app.get('/api/editions', async (_request, reply) =>
    sendJson(reply, 200, { editions: await ops.listEditions() }),
  );
  const onError = options.onError ?? (() => {});
  const runs = new PendingRuns(options.runs, ops.runs, onError);
  app.addHook('onClose', () => runs.close());
  // This host's runs left building by a process that is gone: "interrupted" now, not after the lease.
  await runs
    .recover()
    .catch((error: unknown) =>
      onError(new Error('could not mark the runs of gone processes interrupted', { cause: error })),
    );
  app.post('/api/editions', async (request, reply) =>
    trigger(String(request.body ?? ''), reply, ops, runs, onError),
  );
  app.get<{ Params: { id: string } }>('/api/editions/:id', async (request, reply) => {
    if (!isEditionId(request.params.id)) return refuseEditionId(reply);
    const edition = await ops.getEdition(request.params.id);
    return edition ? sendJson(reply, 200, edition) : sendJson(reply, 404, { error: 'no such edition' });
  });
  app.get<{ Params: { id: string } }>('/api/runs/:id', async (request, reply) => {
    const run = await runs.get(request.params.id);
    if (!run) return sendJson(reply, 404, { error: NO_SUCH_RUN });
    if ('editionId' in run) reply.header('location', editionPath(run.editionId));
    // Once settled, the POST's status, except 200 for `started` (this is not what created it).
    const code = run.status === 'busy' ? 409 : run.status === 'sources-failed' ? 502 : 200;
    return sendJson(reply, code, run);
  });
  const notAllowed = (_request: unknown, reply: FastifyReply) =>
    sendJson(reply, 405, { error: 'method not allowed' });
  refuseOtherMethods(app, '/api/editions', ['GET', 'POST'], notAllowed);
  refuseOtherMethods(app, '/api/editions/:id', ['GET'], notAllowed);
  refuseOtherMethods(app, '/api/runs/:id', ['GET'], notAllowed);
}

/** Constant time: both sides are hashed to equal-length digests before timingSafeEqual. */
export function isAuthorized(header: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = createHash('sha256').update(match[1]).digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected);
}

async function trigger(
  body: string,
  reply: FastifyReply,
  ops: OpsApiOptions,
  runs: PendingRuns,
  onError: (error: Error) => void,
): Promise<FastifyReply> {
  // An empty body is `{}`; `null`, an array or a repeated key is refused, never read as empty.
  const parsed = body.trim() === '' ? { ok: true as const, value: {} } : parseJsonObject(body);
  if (!parsed.ok) return sendJson(reply, 400, { error: parsed.error });
  const valid = validateBody(triggerBodySchema, parsed.value);
  if (!valid.ok)
    return sendJson(reply, 400, { error: `the body must be {"dryRun": true|false}: ${valid.error}` });
  const dryRun = valid.value.dryRun === true;
  // A caller gone before its answer (a proxy's shorter time-out): the run records nothing.
  const cancel = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableFinished) cancel.abort();
  };
  reply.raw.once('close', onClose);
  // The run's `since` is when it began reading, not when the wait for it ran out.
  const began = Date.now();
  const work = ops.trigger({ dryRun, cancel: cancel.signal });
  const settled = await settleWithin(work, ops.answerWithinMs ?? ANSWER_WITHIN_MS);
  if (!settled.done) {
    // Slow sources: answered now, never by the server's time-out closing the connection.
    reply.raw.off('close', onClose);
    let run: string;
    try {
      run = await runs.track(work, dryRun, began);
    } catch (error) {
      // A run nobody could follow must not go on to send: stopped while it still reads, it records nothing.
      cancel.abort();
      onError(new Error('could not record a triggered run; it was stopped', { cause: error }));
      return sendJson(reply, 500, { error: RUN_NOT_RECORDED });
    }
    reply.header('location', `/api/runs/${run}`);
    return sendJson(reply, 202, { status: 'building', run, dryRun });
  }
  const outcome = settled.value;
  if (outcome.status === 'started') {
    reply.header('location', editionPath(outcome.editionId));
    return sendJson(reply, 202, outcome);
  }
  return sendJson(reply, statusOf(outcome), outcome);
}

/** 400 for an id that is not an edition id's shape (an unknown well-formed one is a 404). */
function refuseEditionId(reply: FastifyReply): FastifyReply {
  return sendJson(reply, 400, { error: `not an edition id: ${EDITION_ID_SHAPE}` });
}

function editionPath(id: string): string {
  return `/api/editions/${encodeURIComponent(id)}`;
}

function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply
    .code(status)
    .headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .send(`${JSON.stringify(body)}\n`);
}
