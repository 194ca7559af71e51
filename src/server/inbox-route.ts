import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inboxHeaders } from './dev-inbox/http-handler.ts';
import type { DevInbox } from './dev-inbox/index.ts';

/** The dev inbox's pages at /inbox, /inbox.json and /inbox/… (its own router reads the raw path). */
export async function inboxRoutes(app: FastifyInstance, options: { inbox: DevInbox }): Promise<void> {
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = await options.inbox.respond(request.method, request.url, '/inbox');
    if (!answer) return reply.callNotFound();
    return reply.code(answer.status).headers(inboxHeaders(answer)).send(answer.body);
  };
  for (const url of ['/inbox', '/inbox.json', '/inbox/*']) app.all(url, serve);
}
