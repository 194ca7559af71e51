import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import type { Config } from '../config.ts';
import { escapeHtml } from '../render/personalize.ts';
import { calendarRoutes } from './calendar-route.ts';
import { listenError, type RunningServer } from './http-server.ts';
import { createPreviewHandler, type PreviewOptions } from './preview.ts';
import { previewRoutes } from './preview-route.ts';
import { answerFrameworkError, installErrorHandlers } from './web/errors.ts';
import { allowedHosts, checkHost } from './web/host-check.ts';
import { sendPage } from './web/layout.ts';

/** Options of the standalone preview server (`digest preview`). */
export interface PreviewServerOptions extends Omit<PreviewOptions, 'config' | 'secret'> {
  config: Readonly<Config>;
  /** Port on 127.0.0.1; 0 = ephemeral. */
  port: number;
  /** Signs the digest's links; default UNSUBSCRIBE_SECRET, else a key made for this run. */
  secret?: string;
}

/**
 * A local server showing the real digest of some articles. Its links (add to calendar,
 * unsubscribe) point to this server, which answers them, so every link can be tried; the
 * rest of the configuration is the one a send uses. Files are read again at each reload
 * (one build at a time).
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<RunningServer> {
  const secret = options.secret ?? options.config.unsubscribeSecret ?? randomBytes(32).toString('hex');
  const app = Fastify({
    logger: false,
    frameworkErrors: answerFrameworkError,
    forceCloseConnections: true,
    bodyLimit: 16 * 1024,
  });
  let hosts: ReadonlySet<string> = new Set();
  // The digest's links point to this server, whose port is known only once it listens.
  let config = options.config;
  const preview = createPreviewHandler({
    ...options,
    secret,
    get config() {
      return config;
    },
  });
  app.addHook(
    'onRequest',
    checkHost(() => hosts),
  );
  installErrorHandlers(app);
  await app.register(calendarRoutes, { secret, newsletterName: options.config.newsletterName });
  app.get('/unsubscribe', async (_request, reply) =>
    sendPage(reply, 200, {
      title: 'Unsubscribe (preview)',
      body: `<h1>Unsubscribe</h1><p>${escapeHtml('In a sent digest this link unsubscribes the reader with one click (RFC 8058). Nothing changes in a preview.')}</p>`,
    }),
  );
  await app.register(previewRoutes, { preview, base: '' });
  try {
    await app.listen({ port: options.port, host: '127.0.0.1' });
  } catch (error) {
    await app.close();
    throw listenError(
      error,
      'preview',
      '127.0.0.1',
      options.port,
      '(another preview?): stop it, or pass --port',
    );
  }
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  hosts = allowedHosts({ publicUrl: url, bindHost: '127.0.0.1', port });
  config = Object.freeze({ ...options.config, publicUrl: url });
  return { url, close: () => app.close() };
}
