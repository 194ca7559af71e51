import { addressOf, field, parseFieldBlocks } from './header-blocks.ts';
import { type BounceKind, cleanDiagnostic, type RecipientReport } from './report.ts';
import { classifyFailure, findStatusCode } from './status-code.ts';

/** What a message/delivery-status part says (RFC 3464). */
export interface DeliveryStatus {
  recipients: RecipientReport[];
  /** The first Last-Attempt-Date, else the Arrival-Date of the per-message block. */
  at: Date | null;
}

/**
 * Reads a message/delivery-status body: the per-message block (Reporting-MTA, Arrival-Date)
 * then one block per recipient (Final-Recipient, Action, Status, Diagnostic-Code). Action
 * failed is a hard or soft bounce by its status (see classifyFailure); delayed, delivered,
 * relayed and expanded are notices. Blocks without a recipient are skipped.
 */
export function parseDeliveryStatus(text: string): DeliveryStatus {
  const blocks = parseFieldBlocks(text);
  const recipients: RecipientReport[] = [];
  // The time of the failure: the last attempt when given, else when the reporting MTA got it.
  let at: Date | null = null;
  for (const block of blocks) {
    const final = field(block, 'final-recipient') ?? field(block, 'original-recipient');
    if (final === null) continue;
    const action = (field(block, 'action') ?? '').toLowerCase().split(/[\s(]/)[0] ?? '';
    const status = field(block, 'status');
    const diagnostic = cleanDiagnostic(field(block, 'diagnostic-code')?.replace(/^\s*smtp\s*;\s*/i, ''));
    const code = findStatusCode(status, diagnostic);
    recipients.push({
      address: addressOf(final),
      kind: kindOfAction(action, code, diagnostic),
      code,
      diagnostic,
    });
    at ??= parseDate(field(block, 'last-attempt-date'));
  }
  return { recipients, at: at ?? parseDate(field(blocks[0], 'arrival-date')) };
}

function kindOfAction(action: string, code: string | null, diagnostic: string | null): BounceKind {
  if (action === 'delayed' || action === 'delivered' || action === 'relayed' || action === 'expanded')
    return 'notice';
  // "failed", or a missing or unknown Action: the status code decides (2.x.x is no failure).
  if (code?.startsWith('2')) return 'notice';
  return classifyFailure(code, diagnostic);
}

/** A date field (RFC 5322 date-time), or null when absent or unreadable. */
export function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isNaN(date.getTime()) ? null : date;
}
