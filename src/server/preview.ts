import type { Config } from '../config.ts';
import { DigestError } from '../errors.ts';
import type { Article } from '../models/article.ts';
import type { OutgoingMessage } from '../models/message.ts';
import { buildMessage, mailDomain, prepareEdition } from '../pipeline.ts';
import { buildMime } from '../render/mime.ts';
import {
  DIGEST_CSP,
  PREVIEW_CSP,
  renderPreviewBuildingPage,
  renderPreviewErrorPage,
  renderPreviewPage,
} from './preview-page.ts';
import { ANSWER_WITHIN_MS } from './web/answer-within.ts';
import { shareBuild } from './web/shared-build.ts';

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
  /** Reads the articles: again for each build, so an editor sees the files as changed. */
  loadSources: () => Promise<PreviewSources>;
  /** The edition's clock; default the time of the request. */
  now?: () => Date;
  /** The sample recipient; default Demo Reader <reader@example.com>. */
  recipient?: { email: string; name: string | null };
  /** How long a built preview is served again, ms; default 0 (rebuilt at the next request). */
  cacheMs?: number;
  /** How long a request waits for a build before it gets the "building" page. Default ANSWER_WITHIN_MS. */
  answerWithinMs?: number;
}

/** Seconds between the reloads of the "building" page. */
const RELOAD_SECONDS = 5;

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

/** The files of the preview, under its base path: '' is the page itself. */
export const PREVIEW_FILES = ['', 'digest.html', 'digest.txt', 'events.ics', 'digest.eml'] as const;

/** One answer of the preview: status, content type, body and extra headers. */
export interface PreviewReply {
  status: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** The preview: builds the digest at most once at a time and answers its files. */
export interface PreviewHandler {
  /** The answer for `file` (one of PREVIEW_FILES) of the preview mounted at `base`. */
  respond(file: string, base: string): Promise<PreviewReply>;
}

/**
 * The preview pages: the digest at desktop and mobile widths, its text part, .ics and .eml.
 * One build at a time: requests arriving while the digest is built (the page and its two
 * frames, or a reload storm) wait for that build instead of fetching every source again;
 * the result is kept for `cacheMs` (default 0: the next request after it builds anew). A
 * request that waits `answerWithinMs` gets a 503 page that reloads itself every 5 s; the
 * build goes on and its result is kept for that reload.
 */
export function createPreviewHandler(options: PreviewOptions): PreviewHandler {
  const shared = shareBuild(() => preparePreview(options), { cacheMs: options.cacheMs ?? 0 });
  return {
    async respond(file, base) {
      try {
        const settled = await shared.within(options.answerWithinMs ?? ANSWER_WITHIN_MS);
        return settled.done ? previewFile(file, base, settled.value) : buildingReply(file, base);
      } catch (error) {
        const status = error instanceof DigestError && error.code === 'ARTICLE_UNREADABLE' ? 404 : 500;
        return {
          status,
          type: 'text/html; charset=utf-8',
          body: renderPreviewErrorPage((error as Error).message),
          headers: { 'content-security-policy': PREVIEW_CSP },
        };
      }
    },
  };
}

/** 503 while the build goes on: the page and its frames reload themselves, the files say when to ask again. */
function buildingReply(file: string, base: string): PreviewReply {
  const headers = { 'retry-after': String(RELOAD_SECONDS) };
  if (file === '' || file === 'digest.html') {
    const href = file === '' ? `${base}/` : `${base}/${file}`;
    return {
      status: 503,
      type: 'text/html; charset=utf-8',
      body: renderPreviewBuildingPage(RELOAD_SECONDS, href),
      headers: { ...headers, 'content-security-policy': PREVIEW_CSP },
    };
  }
  return {
    status: 503,
    type: 'text/plain; charset=utf-8',
    body: `The digest is still being built (slow sources): ask again in ${RELOAD_SECONDS} seconds.\n`,
    headers,
  };
}

function previewFile(file: string, base: string, preview: PreviewResult): PreviewReply {
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
