import type { IncomingMessage, ServerResponse } from 'node:http';
import { MESSAGE_HTML_CSP, PAGE_CSP } from './html.ts';
import { MESSAGE_ID, type MessageStore } from './message-store.ts';
import { parseMessageView } from './message-view.ts';
import { renderErrorPage, renderListPage, renderMessagePage, renderNotFoundPage } from './pages.ts';

/** One answer of the inbox: status, content type, body and extra headers. */
export interface InboxReply {
  status: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

type Reply = InboxReply;

/** What the inbox pages read, and where their failures go. */
export interface InboxPagesContext {
  store: MessageStore;
  onError: (error: Error) => void;
}

/**
 * The answer to a request for `url` (as sent: undecoded, with its query) under `prefix`, or
 * null when the path is not the inbox's. Framework-free: the HTTP server sends it.
 */
export async function respondInbox(
  inbox: InboxPagesContext,
  method: string,
  url: string,
  prefix: string,
): Promise<InboxReply | null> {
  const root = prefix.replace(/\/+$/, '');
  // The undecoded path: "%2F" or "%2E" in an id fails validation instead of becoming "/" or ".".
  const [path = '/', query = ''] = url.split('?');
  if (path !== `${root}.json` && path !== root && !path.startsWith(`${root}/`)) return null;
  if (method !== 'GET' && method !== 'HEAD') {
    return {
      status: 405,
      type: 'text/plain; charset=utf-8',
      body: 'Method not allowed\n',
      headers: { Allow: 'GET, HEAD' },
    };
  }
  try {
    return await route(inbox.store, path, root, new URLSearchParams(query).has('download'));
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    inbox.onError(failure);
    return page(500, renderErrorPage(root, failure.message));
  }
}

/** Headers of every inbox answer besides its own. */
export function inboxHeaders(reply: InboxReply): Record<string, string> {
  return {
    'Content-Type': reply.type,
    'Content-Length': String(Buffer.byteLength(reply.body)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...reply.headers,
  };
}

/** Serves the inbox pages under `prefix` on a bare node:http server; false when the path is not the inbox's. */
export async function handleInboxRequest(
  inbox: InboxPagesContext,
  req: IncomingMessage,
  res: ServerResponse,
  prefix: string,
): Promise<boolean> {
  const reply = await respondInbox(inbox, req.method ?? 'GET', req.url ?? '/', prefix);
  if (!reply) return false;
  res.writeHead(reply.status, inboxHeaders(reply));
  res.end(reply.body);
  return true;
}

async function route(store: MessageStore, path: string, root: string, download: boolean): Promise<Reply> {
  if (path === `${root}.json`) {
    const body = JSON.stringify(store.list().reverse(), null, 2);
    return { status: 200, type: 'application/json; charset=utf-8', body };
  }
  const segments = path === root ? [] : path.slice(root.length + 1).split('/');
  const [id = '', part, index, ...rest] = segments;
  if (id === '' && segments.length <= 1) return page(200, renderListPage(store.list().reverse(), root));
  if (!MESSAGE_ID.test(id) || rest.length > 0) return notFound(root, 'There is no page at this address.');
  const raw = await store.read(id);
  if (raw === null)
    return notFound(root, `There is no message ${id}; it may have been removed as one of the oldest.`);
  if (part === undefined) return page(200, renderMessagePage(id, await parseMessageView(raw), root));
  if (part === 'raw' && index === undefined) return rawReply(id, raw, download);
  if (part === 'html' && index === undefined) return htmlPartReply(root, raw);
  if (part === 'attachments' && index !== undefined && /^\d{1,4}$/.test(index)) {
    return attachmentReply(root, raw, Number(index));
  }
  return notFound(root, 'There is no page at this address.');
}

function rawReply(id: string, raw: Buffer, download: boolean): Reply {
  if (download) {
    const headers = { 'Content-Disposition': `attachment; filename="${id}.eml"` };
    return { status: 200, type: 'message/rfc822', body: raw, headers };
  }
  // text/plain so the browser shows the source instead of downloading it.
  return {
    status: 200,
    type: 'text/plain; charset=utf-8',
    body: raw,
    headers: { 'Content-Security-Policy': 'sandbox' },
  };
}

async function htmlPartReply(root: string, raw: Buffer): Promise<Reply> {
  const { html } = await parseMessageView(raw);
  if (html === null) return notFound(root, 'This message has no HTML part.');
  const headers = { 'Content-Security-Policy': MESSAGE_HTML_CSP, 'X-Frame-Options': 'SAMEORIGIN' };
  return { status: 200, type: 'text/html; charset=utf-8', body: html, headers };
}

async function attachmentReply(root: string, raw: Buffer, index: number): Promise<Reply> {
  const attachment = (await parseMessageView(raw)).attachments[index];
  if (attachment === undefined) return notFound(root, `This message has no attachment number ${index}.`);
  const name = attachment.filename ?? `attachment-${index + 1}`;
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // Always a download, never rendered: an attached HTML file must not run on the inbox's origin.
  const headers = {
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Content-Security-Policy': 'sandbox',
  };
  return { status: 200, type: 'application/octet-stream', body: attachment.content, headers };
}

function page(status: number, html: string): Reply {
  return {
    status,
    type: 'text/html; charset=utf-8',
    body: html,
    headers: { 'Content-Security-Policy': PAGE_CSP },
  };
}

function notFound(root: string, what: string): Reply {
  return page(404, renderNotFoundPage(root, what));
}
