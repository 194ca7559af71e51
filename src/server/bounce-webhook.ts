import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BounceContext } from '../bounces/ingest.ts';
import { ingestReport } from '../bounces/ingest.ts';
import { readSesNotification } from '../bounces/ses.ts';
import { parseSnsMessage, type SnsVerifier } from '../bounces/sns.ts';
import { DigestError } from '../errors.ts';
import { parseJsonObject } from './web/json-body.ts';

/** What the bounce webhooks need: passed in by the service. */
export interface BounceWebhookOptions {
  /** BOUNCE_WEBHOOK_SECRET; null = the webhooks are off (404). */
  secret: string | null;
  bounces: BounceContext;
  /** Checks SNS signatures (one per process: it keeps the certificates). */
  sns: SnsVerifier;
  log?: (line: string) => void;
}

/** A webhook request, whatever server framework carries it. */
export interface WebhookRequest {
  method: string;
  /** The provider of /webhooks/bounces/PROVIDER. */
  provider: string;
  authorization: string | undefined;
  /** The `token` query parameter, the other way to give the secret. */
  token: string | null;
  body: string;
}

/** What to answer: a status and a JSON body (and the header asking for credentials). */
export interface WebhookResponse {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Largest body taken: SNS messages are at most 256 KiB, their envelope a little more. */
export const MAX_WEBHOOK_BODY = 320 * 1024;

/**
 * POST /webhooks/bounces/ses: Amazon SES bounce and complaint notifications through SNS. The
 * secret comes as HTTP Basic credentials (any user, the secret as password: SNS sends them
 * after the 401 challenge when the endpoint URL is `https://bounces:SECRET@host/…`) or as
 * `?token=SECRET`. The SNS signature is checked before anything is read; a subscription is
 * confirmed; each notification is recorded and applied as a bounce mail would be.
 */
export async function handleBounceWebhook(
  request: WebhookRequest,
  options: BounceWebhookOptions,
): Promise<WebhookResponse> {
  const refused = refuseAccess(request, options);
  if (refused) return refused;
  if (request.method !== 'POST')
    return { status: 405, body: { error: 'method not allowed' }, headers: { allow: 'POST' } };
  // The envelope and the SES notification inside it: one JSON object each, no key twice
  // (JSON.parse keeps the last of two, which is not what a reader of the body sees).
  const envelope = parseJsonObject(request.body);
  if (!envelope.ok) return { status: 400, body: { error: envelope.error } };
  try {
    const message = parseSnsMessage(request.body);
    await options.sns.verify(message);
    if (message.Type === 'SubscriptionConfirmation') {
      await options.sns.confirmSubscription(message);
      options.log?.(`bounce webhook: confirmed the SNS subscription to ${message.TopicArn}`);
      return { status: 200, body: { status: 'subscribed', topic: message.TopicArn } };
    }
    if (message.Type === 'UnsubscribeConfirmation') return { status: 200, body: { status: 'ignored' } };
    const inner = parseJsonObject(message.Message, 'the SNS Message');
    if (!inner.ok) return { status: 400, body: { error: inner.error } };
    const report = readSesNotification(message.Message, options.bounces.bounceAddress);
    const outcome = await ingestReport(options.bounces, report, 'ses').catch(storeUnavailable);
    options.log?.(`bounce webhook: ${outcome.summary}`);
    return { status: 200, body: { status: 'recorded', kind: outcome.event.kind, action: outcome.action } };
  } catch (error) {
    if (!(error instanceof DigestError)) throw error;
    const status = error.code === 'WEBHOOK_INVALID' ? 400 : error.code === 'WEBHOOK_UNVERIFIED' ? 403 : 503;
    // 503: SNS tries again later (a certificate out of reach, the database down).
    return { status, body: { error: error.message } };
  }
}

/** Whatever the store threw (a locked SQLite file, Postgres down) is temporary: a 503, and SNS tries again. */
function storeUnavailable(cause: unknown): never {
  if (cause instanceof DigestError) throw cause;
  throw new DigestError('STORE_FAILED', `the database cannot record it now: ${(cause as Error).message}`, {
    cause,
  });
}

/**
 * The Fastify routes: POST /webhooks/bounces/:provider. The secret is checked before the body
 * is read; any content type is read as text (SNS says text/plain), at most MAX_WEBHOOK_BODY.
 */
export async function bounceWebhookRoutes(
  app: FastifyInstance,
  options: { webhooks?: BounceWebhookOptions },
): Promise<void> {
  const webhooks = options.webhooks;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_WEBHOOK_BODY }, (_req, body, done) =>
    done(null, body),
  );
  const requestOf = (request: FastifyRequest<{ Params: { provider: string } }>): WebhookRequest => ({
    method: request.method,
    provider: request.params.provider,
    authorization: request.headers.authorization,
    token: new URL(request.url, 'http://localhost').searchParams.get('token'),
    body: typeof request.body === 'string' ? request.body : '',
  });
  const send = (reply: FastifyReply, response: WebhookResponse) =>
    reply
      .code(response.status)
      .headers({ 'cache-control': 'no-store', ...response.headers })
      .type('application/json; charset=utf-8')
      .send(`${JSON.stringify(response.body)}\n`);
  app.addHook<{ Params: { provider: string } }>('onRequest', async (request, reply) => {
    const refused = refuseAccess(requestOf(request), webhooks);
    if (refused) return send(reply, refused);
  });
  app.all<{ Params: { provider: string } }>('/webhooks/bounces/:provider', async (request, reply) =>
    webhooks ? send(reply, await handleBounceWebhook(requestOf(request), webhooks)) : undefined,
  );
}

/** 404 for a webhook that is off or unknown, 401 without the secret; null to go on. */
function refuseAccess(
  request: WebhookRequest,
  options: BounceWebhookOptions | undefined,
): WebhookResponse | null {
  if (!options?.secret || request.provider !== 'ses') return { status: 404, body: { error: 'not found' } };
  if (hasSecret(request, options.secret)) return null;
  return {
    status: 401,
    body: { error: 'missing or wrong webhook secret' },
    headers: { 'www-authenticate': 'Basic realm="digest-bounces"' },
  };
}

/** Constant time: both sides hashed to equal-length digests first. */
function hasSecret(request: WebhookRequest, secret: string): boolean {
  const basic = /^Basic +([A-Za-z0-9+/=]+)\s*$/i.exec(request.authorization ?? '')?.[1];
  const password = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':') : null;
  const given = password ?? request.token;
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}
