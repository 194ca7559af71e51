import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { DigestStore } from '../../store/store.ts';
import { acceptForms } from '../web/body.ts';
import type { DeskActions } from './actions.ts';
import { authRoutes } from './auth-routes.ts';
import { draftRoutes } from './draft-routes.ts';
import { editionRoutes } from './edition-routes.ts';
import { readSessions } from './session.ts';
import { subscriberRoutes } from './subscriber-routes.ts';

export { hasSession } from './session.ts';

/** What the desk needs: the store, the signing secret, the configuration and the runner's actions. */
export interface DeskOptions {
  store: DigestStore;
  /** Signs CSRF tokens (and the links in the draft's digest, as a send signs them). */
  secret: string;
  config: Readonly<Config>;
  actions: DeskActions;
  /** Who a draft is shown as sent to (DEMO_SUBSCRIBER). */
  recipient: { email: string; name: string | null };
  /** How long "Send now" waits for the sources before it answers "building". Default ANSWER_WITHIN_MS. */
  answerWithinMs?: number;
}

/** Largest desk form: a summary of twenty long sentences fits. */
const DESK_FORM_LIMIT = 64 * 1024;

/**
 * The desk at /desk: sign-in and accounts' links, drafts for editors, editions and
 * subscribers for ops. Server-rendered forms that work without JavaScript, every one with a
 * CSRF token; the session cookie is HttpOnly, SameSite=Lax, Secure behind TLS.
 */
export async function deskRoutes(app: FastifyInstance, options: DeskOptions): Promise<void> {
  acceptForms(app, DESK_FORM_LIMIT);
  const ctx = { store: options.store, secret: options.secret, publicUrl: options.config.publicUrl };
  readSessions(app, ctx);
  authRoutes(app, ctx);
  draftRoutes(app, {
    ...ctx,
    config: options.config,
    actions: options.actions,
    recipient: options.recipient,
  });
  editionRoutes(app, {
    ...ctx,
    actions: options.actions,
    ...(options.answerWithinMs === undefined ? {} : { answerWithinMs: options.answerWithinMs }),
  });
  // Its own scope: multipart bodies are taken by the import only.
  await app.register(async (scope) => subscriberRoutes(scope, ctx));
}
