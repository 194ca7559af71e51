import type { BounceCounts } from '../store/bounce-store.ts';
import type {
  DeliveryErrorRecord,
  DigestStore,
  EditionProgress,
  EditionRecord,
  EditionStatus,
} from '../store/store.ts';

/** One edition as `digest editions` and GET /api/editions list it. */
export interface EditionSummary {
  id: string;
  /** The schedule slot it was sent for; null = a manual send. */
  slot: string | null;
  status: EditionStatus;
  subject: string;
  createdAt: string;
  finishedAt: string | null;
  progress: EditionProgress;
}

/** One edition's progress as `digest status --json` and GET /api/editions/:id show it. */
export interface EditionDetail extends EditionSummary {
  /** Recipients of this edition whose address bounced. */
  bounced: number;
  /** Failed deliveries `retry-failed` would send again (to subscribers still active). */
  retryable: number;
  /** Bounce reports (DSN, ARF, webhooks, SMTP refusals) matched to this edition, by kind. */
  bounces: BounceCounts;
  /** The newest delivery errors, newest first. */
  lastErrors: DeliveryErrorRecord[];
}

/** How many errors a detail carries. */
const LAST_ERRORS = 10;

/** The editions, newest first, with their delivery counts. */
export async function listEditionSummaries(store: DigestStore, limit = 20): Promise<EditionSummary[]> {
  const records = await store.listEditions(limit);
  return Promise.all(records.map((r) => summarize(store, r)));
}

/** One edition's detail (default: the latest); null when there is no such edition. */
export async function describeEdition(store: DigestStore, id?: string): Promise<EditionDetail | null> {
  const record = id ? await store.getEdition(id) : ((await store.listEditions(1))[0] ?? null);
  if (!record) return null;
  const [summary, bounced, retryable, bounces, lastErrors] = await Promise.all([
    summarize(store, record),
    store.countBounced(record.id),
    store.countRetryable(record.id),
    store.bounces.counts(record.id),
    store.deliveryErrors(record.id, LAST_ERRORS),
  ]);
  return { ...summary, bounced, retryable, bounces, lastErrors };
}

async function summarize(store: DigestStore, r: EditionRecord): Promise<EditionSummary> {
  return {
    id: r.id,
    slot: r.slot,
    status: r.status,
    subject: r.subject,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    progress: await store.editionProgress(r.id),
  };
}
