import type { BounceAction, BounceEvent, BounceSource } from '../store/bounce-store.ts';
import type { DigestStore } from '../store/store.ts';
import { matchReport } from './match-report.ts';
import { type BounceReport, cleanDiagnostic } from './report.ts';

/** The rules (BOUNCE_SOFT_LIMIT, BOUNCE_SOFT_WINDOW). */
export interface BounceRules {
  /** Soft-bounced editions that mark a subscriber bounced; 0 = soft bounces never do. Default 3. */
  softLimit: number;
  /** How many of the subscriber's latest editions the soft limit looks at. Default 5. */
  softWindow: number;
}

/** What applying one report did. */
export interface BounceOutcome {
  event: BounceEvent;
  /** What happened to the subscriber: bounced, unsubscribed, or nothing. */
  action: BounceAction | null;
  /** One line for the log and the CLI. */
  summary: string;
}

/**
 * Records one report as a bounce event and applies the rules to the subscriber it matched:
 * a hard bounce marks an active subscriber bounced; a soft bounce does once soft bounces came
 * back from `softLimit` of their last `softWindow` editions; a complaint unsubscribes at once
 * (an active or bounced subscriber: the complaint is their wish). Notices, auto-replies,
 * unparseable, unmatched and forged reports are recorded (so counted) and change nothing,
 * and nobody who left is ever made active here.
 */
export async function applyBounceReport(
  store: DigestStore,
  report: BounceReport,
  options: { secret: string; rules: BounceRules; source: BounceSource },
): Promise<BounceOutcome> {
  const match = await matchReport(store, report, options.secret);
  const recipient = match.recipient;
  const kind = recipient?.kind ?? report.kind;
  const delivery = 'delivery' in match ? match.delivery : null;
  const base = {
    subscriberId: delivery?.subscriberId ?? null,
    editionId: delivery?.editionId ?? null,
    email: (delivery?.email ?? recipient?.address ?? null)?.slice(0, 320) ?? null,
    kind: delivery ? kind : report.kind,
    matchedBy: match.matchedBy,
    code: recipient?.code ?? null,
    diagnostic: cleanDiagnostic(recipient?.diagnostic ?? report.note),
    source: options.source,
    occurredAt: report.at,
  };
  if (!delivery) {
    const event = await store.bounces.record({ ...base, action: null });
    return { event, action: null, summary: summarize(event) };
  }
  // A soft bounce is decided once its event is in, so that its own edition counts in the
  // window; the others before, so the event is written once with what it did.
  if (base.kind === 'soft') {
    let event = await store.bounces.record({ ...base, action: null });
    const action = await applyAction(
      store,
      await decideAction(store, base.kind, delivery, options.rules),
      base,
    );
    if (action) event = await store.bounces.setAction(event.id, action);
    return { event, action, summary: summarize(event) };
  }
  const action = await applyAction(
    store,
    await decideAction(store, base.kind, delivery, options.rules),
    base,
  );
  const event = await store.bounces.record({ ...base, action });
  return { event, action, summary: summarize(event) };
}

/**
 * Makes the status change through the store, which writes it to the subscriber's history
 * (source bounce, with what the report said); only from the statuses the rule starts from, so
 * a change made meanwhile (an unsubscribe) is never overwritten. The action taken, or null.
 */
async function applyAction(
  store: DigestStore,
  action: BounceAction | null,
  e: {
    email: string | null;
    kind: string;
    code: string | null;
    editionId: string | null;
    diagnostic: string | null;
    matchedBy: string;
  },
): Promise<BounceAction | null> {
  if (!action || !e.email) return null;
  const what =
    e.kind === 'complaint'
      ? `complaint${e.code ? ` (${e.code})` : ''}`
      : `${e.kind} bounce${e.code ? ` ${e.code}` : ''}`;
  const change = await store.setSubscriberStatus(e.email, action, {
    source: 'bounce',
    onlyFrom: action === 'unsubscribed' ? ['active', 'bounced'] : ['active'],
    note: `${what} about edition ${e.editionId} (matched by ${e.matchedBy})${e.diagnostic ? `: ${e.diagnostic}` : ''}`,
  });
  return change?.changed ? action : null;
}

async function decideAction(
  store: DigestStore,
  kind: BounceReport['kind'],
  delivery: { subscriberId: number; subscriberStatus: string },
  rules: BounceRules,
): Promise<BounceAction | null> {
  const status = delivery.subscriberStatus;
  if (kind === 'complaint') return status === 'unsubscribed' ? null : 'unsubscribed';
  if (status !== 'active') return null;
  if (kind === 'hard') return 'bounced';
  if (kind !== 'soft' || rules.softLimit === 0) return null;
  const editions = await store.bounces.softBouncedEditions(delivery.subscriberId, rules.softWindow);
  return editions >= rules.softLimit ? 'bounced' : null;
}

function summarize(e: BounceEvent): string {
  const who = e.email ?? 'no recipient';
  const what = e.kind === 'auto-reply' ? 'auto-reply' : e.kind;
  const how = e.matchedBy === 'none' ? '' : ` (${e.matchedBy})`;
  const done = e.action ? `: ${e.action}` : ': no change';
  const code = e.code ? ` ${e.code}` : '';
  return `${what}${code} ${who}${e.editionId ? ` edition ${e.editionId}` : ''}${how}${done}`;
}
