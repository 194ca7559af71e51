import type { AddressInfo } from 'node:net';
import { DigestError } from '../errors.ts';
import { escapeTerminal } from '../terminal-text.ts';
import { type AppOptions, buildApp } from './app.ts';
import { allowedHosts } from './web/host-check.ts';

/** Options of the HTTP server: the app's, and where it listens. */
export interface HttpServerOptions extends AppOptions {
  /** Default 127.0.0.1: nothing is exposed unless configured. */
  host?: string;
  /** 0 = ephemeral. */
  port: number;
  /** More Host values to answer besides PUBLIC_URL's and the bind address (HTTP_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
}

/** A listening server: its address and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The product's HTTP edge (Fastify): unsubscribe, calendar, health, ops API, preview and the
 * dev inbox. A port already in use rejects with one line naming it, and nothing stays open.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  let hosts: ReadonlySet<string> = new Set();
  const app = await buildApp(options, () => hosts);
  try {
    await app.listen({ port: options.port, host });
  } catch (error) {
    await app.close();
    throw listenError(
      error,
      'HTTP',
      host,
      options.port,
      '(another digest worker?): stop it, or set HTTP_PORT',
    );
  }
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  hosts = allowedHosts({
    publicUrl: options.publicUrl ?? url,
    bindHost: host,
    port,
    extraHosts: options.allowedHosts ?? [],
  });
  return { url, close: () => app.close() };
}

/** Why a host cannot be listened on, by the listen error's code. */
const HOST_PROBLEMS: Record<string, string> = {
  EADDRNOTAVAIL: 'is not an address of this machine',
  ENOTFOUND: 'is not a host name that resolves',
  EAI_AGAIN: 'could not be resolved (DNS did not answer)',
  EAI_FAIL: 'could not be resolved',
  EAFNOSUPPORT: 'is of an address family this machine does not support',
};

/**
 * The error of a failed listen, in one line: a taken port with what to do (`fix`); a host that
 * is not this machine's or does not resolve naming `hostVariable` and the host as given.
 */
export function listenError(
  error: unknown,
  what: string,
  host: string,
  port: number,
  fix?: string,
  hostVariable = 'HTTP_HOST',
): Error {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'EADDRINUSE')
    return new DigestError(
      'CONFIG_INVALID',
      `${what} port ${port} on ${host} is already in use${fix ? ` ${fix}` : ''}`,
      {
        cause: error,
      },
    );
  const problem = HOST_PROBLEMS[code];
  if (problem)
    return new DigestError(
      'CONFIG_INVALID',
      `${hostVariable} "${escapeTerminal(host)}" ${problem}, so the ${what} server cannot listen on it ` +
        `(${code}): set ${hostVariable} to an address of this machine, e.g. 127.0.0.1 or 0.0.0.0`,
      { cause: error, data: { variable: hostVariable } },
    );
  return error as Error;
}
