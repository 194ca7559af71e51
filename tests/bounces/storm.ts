import { join } from 'node:path';
import { verpAddress } from '../../src/bounces/verp.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { sample } from './samples.ts';
import { sendEmptyEdition } from './sent-edition.ts';

/** The secret a storm's tokens are signed with (give it to the CLI as UNSUBSCRIBE_SECRET). */
export const STORM_SECRET = 'storm-secret-0123456789abcdef';
const EDITION = '2024-01-04-5707a001';

/**
 * A database of `count` subscribers who were all sent one edition: what a storm of
 * bounces comes back from. Returns the subscribers' ids and addresses.
 */
export async function seedStorm(dir: string, count: number): Promise<{ db: string; readers: StormReader[] }> {
  const db = join(dir, 'storm.db');
  const store = openSqliteStore(db);
  for (let i = 0; i < count; i += 5000) {
    const batch = Array.from({ length: Math.min(5000, count - i) }, (_, j) => ({
      email: `reader${i + j}@reader.example`,
      name: null,
    }));
    await store.addSubscribers(batch);
  }
  const readers = (await sendEmptyEdition(store, EDITION)).map((d) => ({
    id: d.subscriberId,
    email: d.email,
  }));
  await store.close();
  return { db, readers };
}

/** A subscriber of the storm's database. */
export interface StormReader {
  id: number;
  email: string;
}

/**
 * `count` Postfix DSNs one after another as an mbox, one per subscriber (cycling through
 * `readers`), each to its delivery's VERP address: a bounce storm, generated as it is read.
 */
export async function* stormMailbox(readers: StormReader[], count: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < count; i++) {
    const { id, email } = readers[i % readers.length] ?? { id: 0, email: '' };
    const verp = verpAddress('bounces@news.example', { editionId: EDITION, subscriberId: id }, STORM_SECRET);
    const mail = sample('postfix-hard', { verp, rcpt: email, messageId: `<${EDITION}.${id}@news.example>` });
    yield Buffer.concat([
      Buffer.from('From MAILER-DAEMON  Thu Jan  4 10:00:02 2024\n'),
      mail,
      Buffer.from('\n'),
    ]);
  }
}

/** Peak resident memory (VmHWM, MB) of a running process, polled until it exits. */
export function watchPeakRss(pid: number): { stop(): number } {
  let peakKb = 0;
  const read = async () => {
    try {
      const { readFile } = await import('node:fs/promises');
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // The process has exited: the last reading stands.
    }
  };
  const timer = setInterval(() => void read(), 50);
  void read();
  return {
    stop() {
      clearInterval(timer);
      return Math.round(peakKb / 1024);
    },
  };
}
