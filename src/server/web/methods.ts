import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';

const METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Answers 405 with an Allow header on `url` for every method not in `allowed` (Fastify
 * would say 404: the address exists, the method does not). HEAD comes with GET.
 */
export function refuseOtherMethods(
  app: FastifyInstance,
  url: string,
  allowed: readonly HTTPMethods[],
  answer: (request: FastifyRequest, reply: FastifyReply) => FastifyReply = plain,
): void {
  const served = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
  const others = METHODS.filter((m) => !served.includes(m));
  if (others.length === 0) return;
  app.route({
    method: others,
    url,
    handler: (request, reply) => answer(request, reply.header('allow', allowed.join(', '))),
  });
}

function plain(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(405).type('text/plain; charset=utf-8').send('Method not allowed\n');
}
