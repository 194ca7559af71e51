import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleInboxRequest, type InboxReply, respondInbox } from './http-handler.ts';
import { openMessageStore } from './message-store.ts';
import { listenSmtp, SMTP_SIZE_LIMIT } from './smtp-listener.ts';
import type { DevInboxMessage, DevInboxOptions, ResolvedDevInboxOptions } from './types.ts';

export type { InboxReply } from './http-handler.ts';
export type { DevInboxMessage, DevInboxOptions, ResolvedDevInboxOptions } from './types.ts';

/** A running dev inbox: a loopback SMTP server whose mail is kept in a folder and shown over HTTP. */
export interface DevInbox {
  /** Where to send mail, e.g. `smtp://127.0.0.1:2525` (no TLS, any or no credentials). */
  smtpUrl: string;
  /** The kept messages, newest first. */
  list(): Promise<DevInboxMessage[]>;
  /** The raw .eml of a message, or null for an unknown or invalid id. */
  read(id: string): Promise<Buffer | null>;
  /** Stops the SMTP server, after the messages being received are stored. */
  close(): Promise<void>;
  /**
   * Serves the inbox pages for paths under `prefix` (e.g. '/inbox'): the list, `.json`, one
   * message, its HTML part, raw source and attachments. Resolves false when the path is not its own.
   */
  handle(req: IncomingMessage, res: ServerResponse, prefix: string): Promise<boolean>;
  /** The answer `handle` would send for `url` (undecoded, with its query), or null when not the inbox's. */
  respond(method: string, url: string, prefix: string): Promise<InboxReply | null>;
}

/** Applies the defaults: loopback, port 2525, 500 messages, errors to stderr. */
export function resolveDevInboxOptions(options: DevInboxOptions): ResolvedDevInboxOptions {
  return {
    dir: options.dir,
    host: options.host ?? '127.0.0.1',
    smtpPort: options.smtpPort ?? 2525,
    maxMessages: Math.max(1, options.maxMessages ?? 500),
    onError: options.onError ?? ((error) => console.error(`dev inbox: ${error.message}`)),
  };
}

/**
 * Starts the dev inbox: rebuilds the index from the .eml files in `dir`, then listens for SMTP.
 * Rejects with a DigestError naming the port when it is already in use.
 */
export async function startDevInbox(options: DevInboxOptions): Promise<DevInbox> {
  const resolved = resolveDevInboxOptions(options);
  const { host, onError } = resolved;
  const store = await openMessageStore({
    dir: resolved.dir,
    maxMessages: resolved.maxMessages,
    sizeLimit: SMTP_SIZE_LIMIT,
    onError,
  });
  const smtp = await listenSmtp({ host, port: resolved.smtpPort, store, onError });
  return {
    smtpUrl: `smtp://${host.includes(':') ? `[${host}]` : host}:${smtp.port}`,
    list: async () => store.list().reverse(),
    read: (id) => store.read(id),
    close: () => smtp.close(),
    handle: (req, res, prefix) => handleInboxRequest({ store, onError }, req, res, prefix),
    respond: (method, url, prefix) => respondInbox({ store, onError }, method, url, prefix),
  };
}
