import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { DigestStore } from '../store/store.ts';
import { archiveRoutes } from './archive/routes.ts';
import { type BounceWebhookOptions, bounceWebhookRoutes } from './bounce-webhook.ts';
import { calendarRoutes } from './calendar-route.ts';
import { type DeskOptions, deskRoutes, hasSession } from './desk/index.ts';
import type { DevInbox } from './dev-inbox/index.ts';
import { inboxRoutes } from './inbox-route.ts';
import { indexRoute } from './index-route.ts';
import { type OpsApiOptions, opsApiRoutes } from './ops-api.ts';
import type { PreviewHandler } from './preview.ts';
import { type PreviewAccess, previewRoutes } from './preview-route.ts';
import { signupRoutes } from './signup/routes.ts';
import type { SignupService } from './signup/service.ts';
import { unsubscribeRoutes } from './unsubscribe.ts';
import { answerFrameworkError, installErrorHandlers } from './web/errors.ts';
import { checkHost } from './web/host-check.ts';
import { acceptStrictJson } from './web/json-body.ts';
import type { RateLimitOptions } from './web/rate-limit.ts';

/** Options of the product's HTTP app (see startHttpServer for listening). */
export interface AppOptions {
  store: DigestStore;
  secret: string;
  newsletterName: string;
  /** PUBLIC_URL: the Host header check and Secure cookies follow it. Default: the bound address. */
  publicUrl?: string;
  /** The dev inbox, mounted at /inbox when present. */
  inbox?: DevInbox;
  /** The ops API at /api/; absent or without a token, /api/ answers 404. */
  ops?: OpsApiOptions;
  /**
   * The preview of the configured sources' digest at /preview. It carries valid unsubscribe
   * links, so it is served only beside the dev inbox, or to requests `canPreview` lets in.
   */
  preview?: PreviewHandler;
  /** The hook for signed-in editors and ops (the desk): true lets a request see /preview. */
  canPreview?: PreviewAccess;
  /** The web archive at /archive (DIGEST_ARCHIVE=public), rendered with this configuration. */
  archive?: { config: Readonly<Config> };
  /** Sign-up at /subscribe (and "resubscribe" on the unsubscribe page). */
  signup?: { service: SignupService; ipLimit?: RateLimitOptions };
  /** The desk at /desk (editors' drafts, ops' editions and subscribers); with it, signed-in accounts see /preview. */
  desk?: DeskOptions;
  /** X-Forwarded-For and -Proto are believed only with this (HTTP_TRUST_PROXY). */
  trustProxy?: boolean | string;
  /** The bounce webhooks at /webhooks/bounces/PROVIDER; absent or without a secret, 404. */
  bounceWebhooks?: BounceWebhookOptions;
  /** Failures with no caller (a 500): to the log. */
  onError?: (error: Error) => void;
}

/** Request limits of every route: bodies, headers and slow clients stay bounded. */
const LIMITS = {
  bodyLimit: 64 * 1024,
  routerOptions: { maxParamLength: 200 },
  connectionTimeout: 30_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
} as const;

/**
 * Builds the HTTP app: Host check, cookies, clean errors, and the routes: /health,
 * /unsubscribe, /calendar/…, /desk/…, /preview, /inbox, /api/…, /webhooks/bounces/…, and the
 * index. `hosts` gives the Host values to answer (filled once the port is known).
 */
export async function buildApp(
  options: AppOptions,
  hosts: () => ReadonlySet<string>,
): Promise<FastifyInstance> {
  const app = Fastify({
    ...LIMITS,
    logger: false,
    frameworkErrors: answerFrameworkError,
    forceCloseConnections: true,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
  });
  app.addHook('onRequest', checkHost(hosts, ['/health']));
  await app.register(fastifyCookie);
  // Before any route plugin: every JSON body anywhere is one object, no key twice.
  acceptStrictJson(app);
  installErrorHandlers(app, { onError: (error) => options.onError?.(error) });
  // The connection time-out closes a connection with no answer: say so, never in silence.
  app.addHook('onTimeout', async (request) => {
    options.onError?.(
      new Error(
        `${request.method} ${request.url.split('?')[0]} got no answer within ${LIMITS.connectionTimeout / 1000} s: the server closed the connection`,
      ),
    );
  });
  app.get('/health', async (_request, reply) => reply.type('application/json').send('{"ok":true}\n'));
  const publicUrl = options.publicUrl ?? 'http://127.0.0.1';
  const csrf = { secret: options.secret, publicUrl };
  await app.register(unsubscribeRoutes, { ...options, ...(options.signup ? { resubscribe: csrf } : {}) });
  if (options.signup) {
    const page = { newsletterName: options.newsletterName, publicUrl };
    await app.register(signupRoutes, { ...options.signup, page, csrf, limits: options.store.limits });
  }
  await app.register(calendarRoutes, options);
  if (options.archive)
    await app.register(archiveRoutes, { ...options.archive, store: options.store, secret: options.secret });
  await app.register(opsApiRoutes, {
    ...(options.ops ? { ops: options.ops } : {}),
    runs: options.store.runs,
    onError: (error) => options.onError?.(error),
  });
  await app.register(bounceWebhookRoutes, {
    ...(options.bounceWebhooks ? { webhooks: options.bounceWebhooks } : {}),
  });
  if (options.inbox) await app.register(inboxRoutes, { inbox: options.inbox });
  if (options.desk) await app.register(deskRoutes, options.desk);
  const { preview, inbox } = options;
  const canPreview = options.canPreview ?? (options.desk ? hasSession(options.desk.store) : undefined);
  if (preview && (inbox || canPreview)) {
    // Beside the dev inbox everyone on this machine may look; elsewhere only whom the hook lets in.
    const access: PreviewAccess | undefined = inbox ? undefined : canPreview;
    await app.register(previewRoutes, { preview, base: '/preview', ...(access ? { access } : {}) });
  }
  await app.register(indexRoute, {
    newsletterName: options.newsletterName,
    inbox: Boolean(inbox),
    preview: Boolean(preview && (inbox || canPreview)),
    desk: Boolean(options.desk),
  });
  return app;
}
