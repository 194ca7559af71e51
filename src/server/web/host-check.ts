import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where the server may be reached: PUBLIC_URL, the bind address and port, extra names. */
export interface HostCheckOptions {
  publicUrl: string;
  /** The address the server listens on (HTTP_HOST). */
  bindHost: string;
  /** The port it listens on (the real one, once bound). */
  port: number;
  /** More `host[:port]` values to answer (HTTP_ALLOWED_HOSTS). */
  extraHosts?: readonly string[];
  /** Paths answered whatever the Host (health checks of load balancers). */
  exemptPaths?: readonly string[];
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;
const ANY = /^(0\.0\.0\.0|::|\[::\])$/;

/**
 * The Host values this server answers, lower-case: PUBLIC_URL's host (with and without its
 * default port) and the bind address with its port; on a loopback or wildcard bind also
 * localhost, 127.0.0.1 and [::1] with the port (names an attacker cannot point elsewhere).
 */
export function allowedHosts(options: HostCheckOptions): Set<string> {
  const hosts = new Set<string>();
  const url = new URL(options.publicUrl);
  hosts.add(url.host.toLowerCase());
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  hosts.add(`${url.hostname.toLowerCase()}:${url.port || defaultPort}`);
  const bind = options.bindHost.replace(/^\[|\]$/g, '');
  if (!ANY.test(bind)) hosts.add(withPort(bind, options.port));
  if (LOOPBACK.test(bind) || ANY.test(bind)) {
    for (const name of ['localhost', '127.0.0.1', '::1']) hosts.add(withPort(name, options.port));
  }
  for (const extra of options.extraHosts ?? []) hosts.add(extra.toLowerCase());
  return hosts;
}

/**
 * An onRequest hook answering 421 to a request whose Host header is not one of ours. DNS
 * rebinding points a name the attacker owns at 127.0.0.1: the browser then sends that name
 * as Host, and the page it reads (/inbox.json, /preview: both carry valid unsubscribe
 * tokens) is refused. `hosts` is read at each request, so it can be filled once the port is known.
 */
export function checkHost(hosts: () => ReadonlySet<string>, exemptPaths: readonly string[] = []) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const host = (request.headers.host ?? '').toLowerCase();
    if (hosts().has(host)) return;
    const path = request.url.split('?')[0] ?? '';
    if (exemptPaths.includes(path)) return;
    await reply
      .code(421)
      .header('cache-control', 'no-store')
      .type('text/plain; charset=utf-8')
      .send(`This server does not answer for the host "${host.slice(0, 100)}".\n`);
  };
}

function withPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`.toLowerCase();
}
