import { normalizeEmailAddress } from './email-address.ts';
import type { SubscriberStatus } from './store.ts';

/** What the address migration reads of a subscriber. */
export interface AddressRow {
  id: number;
  email: string;
  name: string | null;
  status: SubscriberStatus;
}

/** Rows of one address joined into the first (lowest id). */
export interface AddressMerge {
  keep: AddressRow;
  drop: AddressRow[];
  /** The normalised address the kept row takes. */
  email: string;
  /** Leaving wins: unsubscribed over bounced over active. */
  status: SubscriberStatus;
  name: string | null;
  /** For the history row of the merge. */
  note: string;
}

/** What the address migration does: merges, and rows that only take the normalised form. */
export interface AddressPlan {
  merges: AddressMerge[];
  renames: { id: number; email: string }[];
}

/** Which status a merged row keeps: someone who left, by any of its addresses, stays left. */
const RANK: Record<SubscriberStatus, number> = { unsubscribed: 2, bounced: 1, active: 0, unconfirmed: -1 };

/**
 * Plans the migration to one form per address: rows (in id order) grouped by normalised
 * address. Only groups of several rows and rows not yet in normal form appear in the plan.
 */
export function planAddressMerge(rows: Iterable<AddressRow>): AddressPlan {
  const groups = new Map<string, AddressRow[]>();
  for (const row of rows) {
    const key = normalizeEmailAddress(row.email);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const plan: AddressPlan = { merges: [], renames: [] };
  for (const [email, group] of groups) {
    const [keep, ...drop] = group;
    if (!keep) continue;
    if (drop.length === 0) {
      if (keep.email !== email) plan.renames.push({ id: keep.id, email });
      continue;
    }
    const status = group.reduce<SubscriberStatus>(
      (s, r) => (RANK[r.status] > RANK[s] ? r.status : s),
      'active',
    );
    plan.merges.push({
      keep,
      drop,
      email,
      status,
      name: keep.name ?? drop.find((r) => r.name !== null)?.name ?? null,
      note: `one address: merged ${group.map((r) => `#${r.id} ${r.email} (${r.status})`).join(', ')}`,
    });
  }
  return plan;
}
