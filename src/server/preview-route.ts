import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PREVIEW_FILES, type PreviewHandler, type PreviewReply } from './preview.ts';
import { sendPage } from './web/layout.ts';
import { refuseOtherMethods } from './web/methods.ts';

/** Decides whether a request may see the preview (it carries valid unsubscribe links). */
export type PreviewAccess = (request: FastifyRequest) => boolean | Promise<boolean>;

/** Options of the preview routes. */
export interface PreviewRouteOptions {
  preview: PreviewHandler;
  /** Where the preview is mounted: '' (the `digest preview` server) or '/preview'. */
  base: string;
  /** Who may see it; default everyone who reaches the server. */
  access?: PreviewAccess;
}

/** The preview page and its files (digest.html, .txt, .ics, .eml) under `base`. */
export async function previewRoutes(app: FastifyInstance, options: PreviewRouteOptions): Promise<void> {
  const { preview, base, access } = options;
  const serve = async (file: string, request: FastifyRequest, reply: FastifyReply) => {
    if (access && !(await access(request))) {
      return sendPage(reply, 404, {
        title: 'Not found',
        body: '<h1>Not found</h1><p>The preview is shown beside the dev inbox, or to signed-in editors.</p>',
      });
    }
    return send(reply, await preview.respond(file, base));
  };
  const root = base === '' ? '/' : base;
  const urls = base === '' ? ['/'] : [root, `${root}/`];
  for (const url of urls) {
    app.get(url, (request, reply) => serve('', request, reply));
    refuseOtherMethods(app, url, ['GET', 'HEAD']);
  }
  for (const file of PREVIEW_FILES.filter((f) => f !== '')) {
    const url = `${base}/${file}`;
    app.get(url, (request, reply) => serve(file, request, reply));
    refuseOtherMethods(app, url, ['GET', 'HEAD']);
  }
}

function send(reply: FastifyReply, answer: PreviewReply): FastifyReply {
  return reply
    .code(answer.status)
    .headers({
      'content-type': answer.type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...answer.headers,
    })
    .send(answer.body);
}
