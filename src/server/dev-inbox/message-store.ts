import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DigestError } from '../../errors.ts';
import { type Envelope, formatTraceHeaders, summarizeMessage } from './message-summary.ts';
import type { DevInboxMessage } from './types.ts';

/** Message ids are file names: letters, digits and dashes only, so no id can leave the folder. */
export const MESSAGE_ID = /^[A-Za-z0-9-]{1,100}$/;
const MESSAGE_FILE = /^([A-Za-z0-9-]{1,100})\.eml$/;
const TEMP_FILE = /^\.[A-Za-z0-9-]+\.eml\.tmp$/;

/** An incoming message body, as smtp-server hands it over. */
export interface IncomingMessageStream extends Readable {
  /** Set by smtp-server when the message went over the size limit. */
  sizeExceeded?: boolean;
}

/** The folder of .eml files and its in-memory index, oldest first. */
export interface MessageStore {
  list(): DevInboxMessage[];
  read(id: string): Promise<Buffer | null>;
  save(stream: IncomingMessageStream, envelope: Envelope): Promise<DevInboxMessage>;
}

/** Error for an oversized message; `responseCode` is the SMTP reply smtp-server sends. */
export class MessageTooLargeError extends Error {
  readonly responseCode = 552;
  constructor(limit: number) {
    super(`Message exceeds fixed maximum message size of ${limit} bytes`);
    this.name = 'MessageTooLargeError';
  }
}

/** Opens (creating if missing) the message folder and rebuilds the index from its files. */
export async function openMessageStore(options: {
  dir: string;
  maxMessages: number;
  sizeLimit: number;
  onError: (error: Error) => void;
}): Promise<MessageStore> {
  const { dir, maxMessages, sizeLimit, onError } = options;
  await mkdir(dir, { recursive: true }).catch((cause: unknown) => {
    throw new DigestError('STORE_FAILED', `dev inbox: cannot create the message folder ${dir}`, { cause });
  });
  const index = await loadIndex(dir);
  const prune = () => pruneIndex(dir, index, maxMessages);
  await prune();
  let lastStamp = 0;
  const nextId = () => {
    // Strictly increasing stamps keep ids in arrival order even within one millisecond.
    lastStamp = Math.max(Date.now(), lastStamp + 1);
    return `${lastStamp}-${randomBytes(4).toString('hex')}`;
  };
  return {
    list: () => [...index],
    read: (id) => readMessage(dir, id),
    async save(stream, envelope) {
      const id = nextId();
      const message = await writeMessage(dir, id, stream, envelope, sizeLimit);
      index.push(message);
      // The message is stored: a failed clean-up must not make the client send it again.
      await prune().catch(onError);
      return message;
    },
  };
}

async function readMessage(dir: string, id: string): Promise<Buffer | null> {
  if (!MESSAGE_ID.test(id)) return null;
  try {
    return await readFile(join(dir, `${id}.eml`));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw new DigestError('STORE_FAILED', `dev inbox: cannot read message ${id}`, { cause: error });
  }
}

async function writeMessage(
  dir: string,
  id: string,
  stream: IncomingMessageStream,
  envelope: Envelope,
  sizeLimit: number,
): Promise<DevInboxMessage> {
  const receivedAt = new Date(Number(id.split('-')[0])).toISOString();
  // Written under a temporary name and renamed, so a reader never sees half a message.
  const temp = join(dir, `.${id}.eml.tmp`);
  const file = join(dir, `${id}.eml`);
  const prefix = Buffer.from(formatTraceHeaders(envelope));
  try {
    await pipeline(
      stream,
      async function* (source: AsyncIterable<Buffer>) {
        yield prefix;
        yield* source;
      },
      createWriteStream(temp, { flags: 'wx' }),
    );
    if (stream.sizeExceeded) throw new MessageTooLargeError(sizeLimit);
    await rename(temp, file);
  } catch (error) {
    // The temporary file may not exist (open failed); the original error is the one to report.
    await unlink(temp).catch(() => undefined);
    if (error instanceof MessageTooLargeError) throw error;
    throw new DigestError('STORE_FAILED', `dev inbox: cannot store message ${id} in ${dir}`, {
      cause: error,
    });
  }
  const { size } = await stat(file);
  return summarizeMessage(file, id, receivedAt, size);
}

async function loadIndex(dir: string): Promise<DevInboxMessage[]> {
  const names = await readdir(dir);
  // A temporary file left by a crash mid-message is a message that was never accepted.
  await Promise.all(names.filter((name) => TEMP_FILE.test(name)).map((name) => unlink(join(dir, name))));
  const ids = names.flatMap((name) => MESSAGE_FILE.exec(name)?.[1] ?? []);
  const messages = await Promise.all(ids.map((id) => loadEntry(dir, id)));
  return messages.sort(compareByArrival);
}

async function loadEntry(dir: string, id: string): Promise<DevInboxMessage> {
  const file = join(dir, `${id}.eml`);
  try {
    const stats = await stat(file);
    const stamp = /^\d{13}-/.test(id) ? Number(id.slice(0, 13)) : stats.mtimeMs;
    return await summarizeMessage(file, id, new Date(stamp).toISOString(), stats.size);
  } catch (cause) {
    throw new DigestError('STORE_FAILED', `dev inbox: cannot read ${file}`, { cause });
  }
}

function compareByArrival(a: DevInboxMessage, b: DevInboxMessage): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

async function pruneIndex(dir: string, index: DevInboxMessage[], maxMessages: number): Promise<void> {
  // Entries leave the index before their files go, so concurrent saves never delete twice.
  const removed = index.splice(0, Math.max(0, index.length - maxMessages));
  for (const message of removed) {
    try {
      await unlink(join(dir, `${message.id}.eml`));
    } catch (error) {
      if (!isNotFound(error)) {
        throw new DigestError('STORE_FAILED', `dev inbox: cannot remove old message ${message.id}`, {
          cause: error,
        });
      }
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
