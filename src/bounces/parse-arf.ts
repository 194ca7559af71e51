import { addressOf, field, parseFieldBlocks } from './header-blocks.ts';
import { parseDate } from './parse-dsn.ts';
import type { BounceKind, RecipientReport } from './report.ts';

/** What a message/feedback-report part says (RFC 5965). */
export interface FeedbackReport {
  recipient: RecipientReport;
  /** Arrival-Date (or Received-Date) of the reported message. */
  at: Date | null;
}

/**
 * Reads a message/feedback-report body: one block with Feedback-Type, Version, User-Agent,
 * Original-Rcpt-To (often left out or redacted by mailbox providers), Arrival-Date. abuse,
 * fraud, other and opt-out (RFC 6650's unsubscribe request) are complaints; not-spam, virus
 * and auth-failure reports are notices (they say nothing of the recipient's wish).
 */
export function parseFeedbackReport(text: string): FeedbackReport {
  const block = parseFieldBlocks(text, { maxBlocks: 1 })[0];
  const type = (field(block, 'feedback-type') ?? 'other').toLowerCase().trim();
  const address = addressOf(field(block, 'original-rcpt-to') ?? field(block, 'removal-recipient'));
  return {
    recipient: { address, kind: kindOfFeedback(type), code: type.slice(0, 32), diagnostic: describe(block) },
    at: parseDate(field(block, 'arrival-date') ?? field(block, 'received-date')),
  };
}

function kindOfFeedback(type: string): BounceKind {
  return type === 'not-spam' || type === 'virus' || type === 'auth-failure' ? 'notice' : 'complaint';
}

function describe(block: Map<string, string[]> | undefined): string {
  const agent = field(block, 'user-agent');
  const source = field(block, 'source-ip');
  return [`feedback report${agent ? ` from ${agent}` : ''}`, source ? `about mail from ${source}` : '']
    .filter(Boolean)
    .join(' ')
    .slice(0, 200);
}

/** The complaining recipient of a Microsoft JMRP report: the original carries X-HmXmrOriginalRecipient. */
export function jmrpRecipient(originalHeaders: Map<string, string[]>): string | null {
  return addressOf(field(originalHeaders, 'x-hmxmroriginalrecipient'));
}
