import type { BouncedDelivery, BounceMatch, BounceStore } from '../store/bounce-store.ts';
import type { DigestStore } from '../store/store.ts';
import type { BounceReport, RecipientReport } from './report.ts';
import { verifyVerpToken } from './verp.ts';

/** The delivery a report is about, and the recipient entry that speaks of it. */
export type ReportMatch =
  | {
      matchedBy: 'verp' | 'message-id' | 'recipient';
      delivery: BouncedDelivery;
      recipient: RecipientReport | null;
    }
  | {
      matchedBy: Exclude<BounceMatch, 'verp' | 'message-id' | 'recipient' | 'session'>;
      recipient: RecipientReport | null;
    };

/** Our Message-IDs: `<EDITION.SUBSCRIBER@domain>` (see OpenEditionInput.messageIdDomain). */
const OUR_MESSAGE_ID = /^<([^<>@\s]+)\.(\d{1,10})@[^<>\s]+>$/;

/**
 * Finds the delivery a report is about: by its VERP token (signed, so it names the exact
 * edition and subscriber), else by the original Message-ID (which must name a delivery we
 * recorded, to the recipient the report names when it names one), else by the failed
 * recipient (a subscriber on the list, and the newest edition sent to them). A VERP address
 * whose token fails its signature is forged: nothing else is tried, and nothing changes.
 */
export async function matchReport(
  store: Pick<DigestStore, 'findSubscriber'> & { bounces: BounceStore },
  report: BounceReport,
  secret: string,
): Promise<ReportMatch> {
  const first = report.recipients[0] ?? null;
  if (report.kind === 'unparseable') return { matchedBy: 'none', recipient: null };
  if (report.hadVerpAddress) {
    const named = report.verpTokens.map((t) => verifyVerpToken(t, secret)).find((d) => d !== null);
    if (!named) return { matchedBy: 'forged', recipient: first };
    const delivery = await store.bounces.findDelivery(named.editionId, named.subscriberId);
    if (!delivery) return { matchedBy: 'unmatched', recipient: first };
    return { matchedBy: 'verp', delivery, recipient: recipientFor(report, delivery.email) };
  }
  const byId = await matchMessageId(store.bounces, report);
  if (byId) return { matchedBy: 'message-id', delivery: byId, recipient: recipientFor(report, byId.email) };
  if (report.recipients.length === 0) return { matchedBy: 'none', recipient: null };
  for (const recipient of report.recipients.slice(0, 10)) {
    if (!recipient.address) continue;
    const subscriber = await store.findSubscriber(recipient.address);
    const editionId = subscriber ? await store.bounces.latestSentEdition(subscriber.id) : null;
    const delivery =
      subscriber && editionId ? await store.bounces.findDelivery(editionId, subscriber.id) : null;
    if (delivery) return { matchedBy: 'recipient', delivery, recipient };
  }
  return { matchedBy: 'unmatched', recipient: first };
}

async function matchMessageId(bounces: BounceStore, report: BounceReport): Promise<BouncedDelivery | null> {
  const parts = report.originalMessageId ? OUR_MESSAGE_ID.exec(report.originalMessageId) : null;
  if (!parts?.[1] || !parts[2]) return null;
  const delivery = await bounces.findDelivery(parts[1], Number(parts[2]));
  if (!delivery || delivery.messageId.toLowerCase() !== report.originalMessageId?.toLowerCase()) return null;
  // A report that names its recipients must name this one: a quoted Message-ID alone is easy to copy.
  const named = report.recipients.map((r) => r.address).filter((a) => a !== null);
  if (named.length > 0 && !named.includes(delivery.email.toLowerCase())) return null;
  return delivery;
}

/** The entry about the subscriber's address, else the report's most severe entry. */
function recipientFor(report: BounceReport, email: string): RecipientReport | null {
  const address = email.toLowerCase();
  return (
    report.recipients.find((r) => r.address === address) ??
    report.recipients.find((r) => r.kind === report.kind) ??
    null
  );
}
