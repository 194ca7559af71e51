import { type RunningServer, startHttpServer } from '../../src/server/http-server.ts';
import { createSignupService, type SignupService } from '../../src/server/signup/service.ts';
import type { RateLimitOptions } from '../../src/server/web/rate-limit.ts';
import type { openTestContext } from '../schedule/context.ts';

/** A sign-up service over `ctx` and the real HTTP server that serves its pages (behind a trusted proxy). */
export async function startSignupServer(
  ctx: Awaited<ReturnType<typeof openTestContext>>,
  options: { now: () => number; mailsPerHour?: number; ipLimit: RateLimitOptions },
): Promise<{ service: SignupService; server: RunningServer }> {
  const service = createSignupService({
    store: ctx.store,
    mailer: ctx.mailer,
    config: ctx.config,
    secret: ctx.secret,
    now: options.now,
    ...(options.mailsPerHour ? { mailsPerHour: options.mailsPerHour } : {}),
  });
  const server = await startHttpServer({
    port: 0,
    store: ctx.store,
    secret: ctx.secret,
    newsletterName: 'Daily',
    publicUrl: ctx.config.publicUrl,
    allowedHosts: [],
    trustProxy: true,
    signup: { service, ipLimit: options.ipLimit },
  });
  return { service, server };
}
