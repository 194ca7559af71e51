import { simpleParser } from 'mailparser';
import { createNotifier } from '../../src/alerts/notifier.ts';
import type { ReceivedMail } from '../helpers/smtp-sink.ts';
import { freshPostgresDatabase, type StoreBackend } from '../helpers/store-backends.ts';
import { openTestContext } from '../schedule/context.ts';

export const EDITOR = 'editor@example.org';
export const OPS = 'ops@example.org';
/** The sample's meetings are upcoming on this clock. */
export const NOW = new Date('2022-01-06T05:00:00Z');

export type ReviewContext = Awaited<ReturnType<typeof openReviewContext>>;

/**
 * A pipeline context with DIGEST_REVIEW=required on a fresh database of `backend` (a SQLite
 * file in `dir`, or a new Postgres database), sending to `smtpUrl`, with the real notifier.
 */
export async function openReviewContext(
  backend: StoreBackend,
  dir: string,
  smtpUrl: string,
  env: Record<string, string> = {},
) {
  const db: Record<string, string> =
    backend.name === 'Postgres' ? { DIGEST_DB: await freshPostgresDatabase() } : {};
  const ctx = await openTestContext(dir, smtpUrl, {
    DIGEST_REVIEW: 'required',
    EDITOR_EMAILS: EDITOR,
    OPS_EMAILS: OPS,
    PUBLIC_URL: 'https://digest.example.org',
    UNSUBSCRIBE_SECRET: 'unsubscribe-secret-for-tests',
    ...db,
    ...env,
  });
  return { ...ctx, notifier: createNotifier({ config: ctx.config, mailer: ctx.mailer, logger: ctx.logger }) };
}

/** The messages one address received, parsed. */
export async function mailsTo(received: ReceivedMail[], address: string) {
  return Promise.all(received.filter((m) => m.to.includes(address)).map((m) => simpleParser(m.raw)));
}

/** The log messages of a context. */
export const messages = (ctx: { lines: Record<string, unknown>[] }) => ctx.lines.map((l) => String(l.msg));
