import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import { DigestError } from '../errors.ts';
import type { Article } from '../models/article.ts';
import type { OutgoingMessage } from '../models/message.ts';
import { buildMessage, mailDomain, prepareEdition } from '../pipeline.ts';
import { buildMime } from '../render/mime.ts';
import { DIGEST_CSP, PREVIEW_CSP, renderPreviewErrorPage, renderPreviewPage } from './preview-page.ts';

/** Articles to preview and the inputs that could not be read. */
export interface PreviewSources {
  articles: Article[];
  failures: { source: string; error: Error }[];
}

/** Options of the preview handler. */
export interface PreviewOptions {
  /** The configuration a send uses (sender, PUBLIC_URL, postal address, time zone). */
  config: Readonly<Config>;
  /** The signing secret a send uses: unsubscribe and calendar links come out as sent. */
  secret: string;
  /** Reads the articles, again on every request: an editor changes files while looking. */
  loadSources: () => Promise<PreviewSources>;
  /** The edition's clock; default the time of the request. */
  now?: () => Date;
  /** The sample recipient; default Demo Reader <reader@example.com>. */
  recipient?: { email: string; name: string | null };
}

/** Serves the preview under `basePath`; resolves false when the path is not the preview's. */
export type PreviewHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  basePath: string,
) => Promise<boolean>;

/** A prepared preview: the message exactly as a send would build it for the sample recipient. */
export interface PreviewResult {
  message: OutgoingMessage;
  failures: PreviewSources['failures'];
  articleCount: number;
}

/**
 * The real digest of the sources for a sample recipient, on the send path: prepareEdition
 * then buildMessage, as `sendEdition` does. Throws ARTICLE_UNREADABLE when no source is readable.
 */
export async function preparePreview(options: PreviewOptions): Promise<PreviewResult> {
  const { articles, failures } = await options.loadSources();
  if (articles.length === 0) {
    const reasons = failures.map((f) => `${f.source}: ${f.error.message}`).join('; ');
    throw new DigestError(
      'ARTICLE_UNREADABLE',
      `no readable article among the sources${reasons ? ` (${reasons})` : ''}`,
    );
  }
  const { config, secret } = options;
  const rendered = await prepareEdition(articles, config, options.now?.() ?? new Date(), secret);
  const recipient = options.recipient ?? { email: 'reader@example.com', name: 'Demo Reader' };
  const messageId = `<${rendered.edition.id}.preview@${mailDomain(config.mailFrom)}>`;
  const message = buildMessage(rendered, { ...recipient, messageId }, config, secret);
  return { message, failures, articleCount: articles.length };
}

/** The preview pages: the digest at desktop and mobile widths, its text part, .ics and .eml. */
export function createPreviewHandler(options: PreviewOptions): PreviewHandler {
  return async (req, res, basePath) => {
    const base = basePath.replace(/\/+$/, '');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== base && !path.startsWith(`${base}/`)) return false;
    const file = path.slice(base.length).replace(/^\/+/, '');
    if (!['', 'digest.html', 'digest.txt', 'events.ics', 'digest.eml'].includes(file)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      reply(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { allow: 'GET, HEAD' });
      return true;
    }
    let preview: PreviewResult;
    try {
      preview = await preparePreview(options);
    } catch (error) {
      const status = error instanceof DigestError && error.code === 'ARTICLE_UNREADABLE' ? 404 : 500;
      reply(res, status, 'text/html; charset=utf-8', renderPreviewErrorPage((error as Error).message), {
        'content-security-policy': PREVIEW_CSP,
      });
      return true;
    }
    servePreviewFile(res, file, base, preview);
    return true;
  };
}

interface Reply {
  status: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

function servePreviewFile(res: ServerResponse, file: string, base: string, preview: PreviewResult): void {
  const r = previewFile(file, base, preview);
  reply(res, r.status, r.type, r.body, r.headers);
}

function previewFile(file: string, base: string, preview: PreviewResult): Reply {
  const { message } = preview;
  const calendar = message.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  const TEXT = 'text/plain; charset=utf-8';
  switch (file) {
    case 'digest.html':
      return {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: message.html,
        headers: { 'content-security-policy': DIGEST_CSP },
      };
    case 'digest.txt':
      return { status: 200, type: TEXT, body: message.text };
    case 'events.ics':
      return calendar
        ? { status: 200, type: 'text/calendar; charset=utf-8', body: calendar.content }
        : { status: 404, type: TEXT, body: 'This digest has no upcoming events.\n' };
    case 'digest.eml':
      return {
        status: 200,
        type: 'message/rfc822',
        body: buildMime(message),
        headers: { 'content-disposition': 'attachment; filename="digest.eml"' },
      };
    default: {
      const html = renderPreviewPage({ ...preview, base, calendar: calendar?.content ?? null });
      return {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: html,
        headers: { 'content-security-policy': PREVIEW_CSP },
      };
    }
  }
}

function reply(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}
