import type { BouncedDelivery, BounceMatch, BounceStore } from '../store/bounce-store.ts';
import type { DigestStore } from '../store/store.ts';
import type { BounceReport, RecipientReport } from './report.ts';
import { verifyVerpToken, verpAddress } from './verp.ts';

/** The delivery a report is about, and the recipient entry that speaks of it. */
export type ReportMatch =
  | {
      matchedBy: 'verp' | 'message-id' | 'recipient';
      delivery: BouncedDelivery;
      recipient: RecipientReport | null;
      /**
       * False for a report found by Message-ID or address alone about a delivery that went
       * out with a VERP token, when tokens are required: anyone can write such a report.
       */
      believed: boolean;
    }
  | {
      matchedBy: Exclude<BounceMatch, 'verp' | 'message-id' | 'recipient' | 'session'>;
      recipient: RecipientReport | null;
    };

/** Our Message-IDs: `<EDITION.SUBSCRIBER@domain>` (see OpenEditionInput.messageIdDomain). */
const OUR_MESSAGE_ID = /^<([^<>@\s]+)\.(\d{1,10})@[^<>\s]+>$/;

/** What matching needs besides the store. */
export interface MatchOptions {
  /** The product's secret, which signs the VERP tokens. */
  secret: string;
  /** BOUNCE_ADDRESS: what a delivery without a token was sent from. */
  bounceAddress: string;
  /**
   * BOUNCE_VERP on, for a report whose sender is not proven (the bounce mailbox): a report
   * without a valid token is believed only about a delivery that went out without one.
   */
  requireToken: boolean;
}

/**
 * Finds the delivery a report is about: by its VERP token (signed, so it names the exact
 * edition and subscriber), else by the original Message-ID (which must name a delivery we
 * recorded, to the recipient the report names when it names one), else by the failed
 * recipient (a subscriber on the list, and the newest edition sent to them). A VERP address
 * whose token fails its signature is forged: nothing else is tried, and nothing changes.
 * With `requireToken`, the last two find the delivery but are not believed when it went out
 * with a token: its real bounces carry the token, and a Message-ID or an address is no proof
 * (both are easy to know or guess).
 */
export async function matchReport(
  store: Pick<DigestStore, 'findSubscriber'> & { bounces: BounceStore },
  report: BounceReport,
  options: MatchOptions,
): Promise<ReportMatch> {
  const { secret } = options;
  const first = report.recipients[0] ?? null;
  if (report.kind === 'unparseable') return { matchedBy: 'none', recipient: null };
  if (report.hadVerpAddress) {
    const named = report.verpTokens.map((t) => verifyVerpToken(t, secret)).find((d) => d !== null);
    if (!named) return { matchedBy: 'forged', recipient: first };
    const delivery = await store.bounces.findDelivery(named.editionId, named.subscriberId);
    if (!delivery) return { matchedBy: 'unmatched', recipient: first };
    return { matchedBy: 'verp', delivery, recipient: recipientFor(report, delivery.email), believed: true };
  }
  const believed = (delivery: BouncedDelivery) => !options.requireToken || !sentWithToken(delivery, options);
  const byId = await matchMessageId(store.bounces, report);
  if (byId)
    return {
      matchedBy: 'message-id',
      delivery: byId,
      recipient: recipientFor(report, byId.email),
      believed: believed(byId),
    };
  if (report.recipients.length === 0) return { matchedBy: 'none', recipient: null };
  for (const recipient of report.recipients.slice(0, 10)) {
    if (!recipient.address) continue;
    const subscriber = await store.findSubscriber(recipient.address);
    const editionId = subscriber ? await store.bounces.latestSentEdition(subscriber.id) : null;
    const delivery =
      subscriber && editionId ? await store.bounces.findDelivery(editionId, subscriber.id) : null;
    if (delivery) return { matchedBy: 'recipient', delivery, recipient, believed: believed(delivery) };
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

/**
 * Whether the delivery went out from a VERP address: every one does, but for an edition id
 * too long to carry (the token is the same whenever it is made, so this is what was sent).
 */
function sentWithToken(delivery: BouncedDelivery, options: MatchOptions): boolean {
  const { editionId, subscriberId } = delivery;
  return (
    verpAddress(options.bounceAddress, { editionId, subscriberId }, options.secret) !== options.bounceAddress
  );
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
