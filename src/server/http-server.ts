import type { AddressInfo } from 'node:net';
import { DigestError } from '../errors.ts';
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

/** The error of a failed listen, in one line when the port is taken, with what to do (`fix`). */
export function listenError(error: unknown, what: string, host: string, port: number, fix?: string): Error {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
    return new DigestError(
      'CONFIG_INVALID',
      `${what} port ${port} on ${host} is already in use${fix ? ` ${fix}` : ''}`,
      {
        cause: error,
      },
    );
  return error as Error;
}
