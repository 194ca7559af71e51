import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What POST /api/editions answers, from the code that runs editions. */
export type TriggerOutcome =
  | { status: 'started'; editionId: string }
  | { status: 'nothing-new'; resumed: number }
  | { status: 'busy'; holder: string | null }
  | {
      status: 'planned';
      plan: { editionId: string; subject: string; articles: number; recipients: number };
    };

/** What the ops API needs: passed in by the service, so the server knows no schedule code. */
export interface OpsApiOptions {
  /** The bearer token every call must carry; null = the API is off (404). */
  token: string | null;
  listEditions(): Promise<unknown[]>;
  /** One edition's progress; null when there is no such edition. */
  getEdition(id: string): Promise<unknown | null>;
  /** Starts an edition now (or only plans it, with dryRun); resolves once it is under way. */
  trigger(request: { dryRun: boolean }): Promise<TriggerOutcome>;
}

/** Largest request body accepted (the only body is `{"dryRun": true}`). */
const MAX_BODY = 16 * 1024;

/**
 * The ops API under /api/: POST /api/editions (trigger, body `{dryRun?: boolean}`),
 * GET /api/editions (list), GET /api/editions/:id (progress). Every call needs
 * `Authorization: Bearer OPS_TOKEN`, compared in constant time.
 */
export async function handleOpsApi(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  options: OpsApiOptions | undefined,
): Promise<void> {
  if (!options?.token) return sendJson(res, 404, { error: 'not found' });
  if (!isAuthorized(req.headers.authorization, options.token)) {
    res.setHeader('www-authenticate', 'Bearer realm="digest-ops"');
    return sendJson(res, 401, { error: 'missing or wrong bearer token' });
  }
  if (path === '/api/editions') {
    if (req.method === 'GET') return sendJson(res, 200, { editions: await options.listEditions() });
    if (req.method === 'POST') return trigger(req, res, options);
    return methodNotAllowed(res, 'GET, POST');
  }
  const match = /^\/api\/editions\/([^/]+)$/.exec(path);
  if (match?.[1]) {
    if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
    const edition = await options.getEdition(decodeURIComponent(match[1]));
    return edition ? sendJson(res, 200, edition) : sendJson(res, 404, { error: 'no such edition' });
  }
  return sendJson(res, 404, { error: 'not found' });
}

/** Constant time: both sides are hashed to equal-length digests before timingSafeEqual. */
export function isAuthorized(header: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = createHash('sha256').update(match[1]).digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected);
}

async function trigger(req: IncomingMessage, res: ServerResponse, options: OpsApiOptions): Promise<void> {
  const body = await readBody(req);
  if (body === null) return sendJson(res, 413, { error: `the body is larger than ${MAX_BODY} bytes` });
  let dryRun = false;
  if (body.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return sendJson(res, 400, { error: 'the body is not JSON' });
    }
    const value = (parsed as { dryRun?: unknown } | null)?.dryRun;
    const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    if (!isObject || (value !== undefined && typeof value !== 'boolean')) {
      return sendJson(res, 400, { error: 'the body must be {"dryRun": true|false}' });
    }
    dryRun = value === true;
  }
  const outcome = await options.trigger({ dryRun });
  if (outcome.status === 'started') {
    res.setHeader('location', `/api/editions/${encodeURIComponent(outcome.editionId)}`);
    return sendJson(res, 202, outcome);
  }
  return sendJson(res, outcome.status === 'busy' ? 409 : 200, outcome);
}

/** The body as text, or null when it passes MAX_BODY. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('allow', allow);
  sendJson(res, 405, { error: 'method not allowed' });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify(body)}\n`);
}
