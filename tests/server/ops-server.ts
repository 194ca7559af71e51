import { describeEdition, listEditionSummaries } from '../../src/schedule/edition-status.ts';
import type { createEditionRunner } from '../../src/schedule/runner.ts';
import { triggerEdition } from '../../src/schedule/trigger.ts';
import { startHttpServer } from '../../src/server/http-server.ts';
import type { OpsApiOptions } from '../../src/server/ops-api.ts';
import type { openTestContext } from '../schedule/context.ts';

/** The real HTTP server with the ops API over `ctx`'s store, triggering `runner`. */
export function startOpsServer(
  ctx: Awaited<ReturnType<typeof openTestContext>>,
  runner: ReturnType<typeof createEditionRunner>,
  ops: Pick<OpsApiOptions, 'token'> & Partial<OpsApiOptions>,
): Promise<{ url: string; close(): Promise<void> }> {
  return startHttpServer({
    port: 0,
    store: ctx.store,
    secret: ctx.secret,
    newsletterName: 'Test Digest',
    ops: {
      listEditions: () => listEditionSummaries(ctx.store),
      getEdition: (id) => describeEdition(ctx.store, id),
      trigger: (request) => triggerEdition(runner, ctx.logger, request),
      ...ops,
    },
  });
}
