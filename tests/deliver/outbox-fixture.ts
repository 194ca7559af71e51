import { join } from 'node:path';
import { type DeliverOptions, deliverEdition, type Mailer } from '../../src/deliver/deliver-edition.ts';
import type { OutgoingMessage } from '../../src/models/message.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { ClaimedDelivery, DigestStore } from '../../src/store/store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** A small message per delivery: the failure tests are about delivery, not rendering. */
export function plainMessage(d: ClaimedDelivery): OutgoingMessage {
  return {
    from: 'Digest <digest@example.org>',
    to: d.email,
    subject: `Edition ${d.editionId}`,
    html: `<p>Hello ${d.email}</p>`,
    text: `Hello ${d.email}`,
    messageId: d.messageId,
    headers: {},
    attachments: [],
    date: new Date(),
  };
}

/** Fast retries, so failure tests finish in well under a second each. */
export const FAST: DeliverOptions = { backoffMs: 20, maxBackoffMs: 80, maxAttempts: 5, pauseWindow: 20 };

/** Opens an edition without articles for the store's active subscribers; returns its id. */
export async function openEmptyEdition(
  store: DigestStore,
  id: string,
  messageIdDomain = 'example.org',
): Promise<string> {
  const edition = {
    id,
    date: '2022-01-06',
    composedAt: new Date().toISOString(),
    newsletterName: 'D',
    items: [],
  };
  await store.openEdition({
    edition,
    subject: 'S',
    slot: null,
    articleIds: [],
    messageIdDomain,
  });
  return id;
}

/** A temp-dir SQLite store with subscribers and helpers to open and deliver editions. */
export async function makeOutbox(emails: string[]) {
  const temp = makeTempDir('digest-deliver-');
  const store: DigestStore = openSqliteStore(join(temp.dir, 'digest.db'));
  await store.addSubscribers(emails.map((email) => ({ email, name: null })));
  let editions = 0;
  return {
    store,
    dbPath: join(temp.dir, 'digest.db'),
    /** Opens a new edition for the active subscribers; returns its id. */
    async open(): Promise<string> {
      return openEmptyEdition(store, `e${++editions}`);
    },
    deliver: (mailer: Mailer, editionId: string, options: DeliverOptions = {}) =>
      deliverEdition(store, mailer, editionId, plainMessage, { ...FAST, ...options }),
    async close() {
      await store.close();
      temp.remove();
    },
  };
}

export const addresses = (n: number, prefix = 'r') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}@example.org`);
