import type { BounceAction, BounceEvent, BounceSource } from '../store/bounce-store.ts';
import type { DigestStore } from '../store/store.ts';
import { type MatchOptions, matchReport } from './match-report.ts';
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
 * and nobody who left is ever made active here. A report that is not believed (found by
 * Message-ID or address alone while tokens are required, see matchReport) is recorded
 * against its delivery as a notice saying what it claimed, and changes nothing.
 */
export async function applyBounceReport(
  store: DigestStore,
  report: BounceReport,
  options: MatchOptions & { rules: BounceRules; source: BounceSource },
): Promise<BounceOutcome> {
  const match = await matchReport(store, report, options);
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
  if ('believed' in match && !match.believed && base.kind !== 'notice' && base.kind !== 'auto-reply') {
    const claimed = base.kind === 'complaint' ? 'complaint' : `${base.kind} bounce`;
    const event = await store.bounces.record({
      ...base,
      kind: 'notice',
      action: null,
      diagnostic: cleanDiagnostic(`${UNBELIEVED} ${claimed}${base.diagnostic ? `: ${base.diagnostic}` : ''}`),
    });
    return { event, action: null, summary: `${summarize(event, base.kind)}, ${NO_TOKEN}` };
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

/** Where an unbelieved report's diagnostic starts: what it claimed follows. */
const UNBELIEVED = 'not believed: no VERP token (BOUNCE_VERP is on), so changes nothing; it claims a';
/** What the CLI line of an unbelieved report adds. */
const NO_TOKEN = 'not believed without a VERP token';

/** `kind code who edition (how): action`; `claimed` names what a notice said it was. */
function summarize(e: BounceEvent, claimed?: string): string {
  const who = e.email ?? 'no recipient';
  const what = claimed ?? e.kind;
  const how = e.matchedBy === 'none' ? '' : ` (${e.matchedBy})`;
  const done = e.action ? `: ${e.action}` : ': no change';
  const code = e.code ? ` ${e.code}` : '';
  return `${what}${code} ${who}${e.editionId ? ` edition ${e.editionId}` : ''}${how}${done}`;
}
