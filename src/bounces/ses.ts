import { z } from 'zod';
import { DigestError } from '../errors.ts';
import { normalizeMessageId } from './read-report.ts';
import {
  type BounceKind,
  type BounceReport,
  cleanDiagnostic,
  mostSevere,
  type RecipientReport,
} from './report.ts';
import { classifyFailure, findStatusCode } from './status-code.ts';
import { findVerpTokens } from './verp.ts';

// Amazon SES notifications (and event publishing records) as SNS carries them. The message is
// signed by SNS, checked before this runs; Amazon adds fields over time, so unknown ones pass.
const recipient = z.object({
  emailAddress: z.string().max(320),
  status: z.string().max(32).optional(),
  diagnosticCode: z.string().max(4000).optional(),
});
const notification = z.object({
  notificationType: z.string().max(40).optional(),
  eventType: z.string().max(40).optional(),
  bounce: z
    .object({
      bounceType: z.string().max(40),
      bounceSubType: z.string().max(60).optional(),
      bouncedRecipients: z.array(recipient).max(100),
      timestamp: z.string().max(64).optional(),
    })
    .optional(),
  complaint: z
    .object({
      complainedRecipients: z.array(recipient.pick({ emailAddress: true })).max(100),
      complaintFeedbackType: z.string().max(40).optional(),
      timestamp: z.string().max(64).optional(),
    })
    .optional(),
  mail: z
    .object({
      source: z.string().max(400).optional(),
      timestamp: z.string().max(64).optional(),
      commonHeaders: z.object({ messageId: z.string().max(400).optional() }).optional(),
      headers: z
        .array(z.object({ name: z.string().max(200), value: z.string().max(4000) }))
        .max(200)
        .optional(),
    })
    .optional(),
});

/**
 * Reads an SES notification (the Message of an SNS Notification): Bounce (Permanent: hard;
 * Transient and Undetermined: soft, or by their status codes), Complaint (a complaint; a
 * `not-spam` feedback type is a notice), anything else (Delivery, Send, …) a notice. The VERP
 * token comes from `mail.source`, the envelope sender the message was sent with.
 */
export function readSesNotification(message: string, bounceAddress: string): BounceReport {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    throw new DigestError('WEBHOOK_INVALID', 'the SNS Message is not an SES notification (not JSON)');
  }
  const parsed = notification.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DigestError(
      'WEBHOOK_INVALID',
      `not an SES notification: ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  const n = parsed.data;
  const type = (n.notificationType ?? n.eventType ?? '').toLowerCase();
  const recipients =
    type === 'bounce' ? bounced(n.bounce) : type === 'complaint' ? complained(n.complaint) : [];
  const tokens = findVerpTokens(n.mail?.source ?? '', bounceAddress);
  const messageId =
    n.mail?.commonHeaders?.messageId ??
    n.mail?.headers?.find((h) => h.name.toLowerCase() === 'message-id')?.value;
  const at = new Date(n.bounce?.timestamp ?? n.complaint?.timestamp ?? n.mail?.timestamp ?? Date.now());
  return {
    format: 'ses',
    recipients,
    kind: recipients.length > 0 ? mostSevere(recipients.map((r) => r.kind)) : 'notice',
    verpTokens: tokens,
    hadVerpAddress: tokens.length > 0,
    originalMessageId: normalizeMessageId(messageId ?? null),
    at: Number.isNaN(at.getTime()) ? new Date() : at,
    note: recipients.length > 0 ? null : `SES ${type || 'notification'}: no bounce or complaint`,
  };
}

function bounced(bounce: z.infer<typeof notification>['bounce']): RecipientReport[] {
  if (!bounce) return [];
  const type = bounce.bounceType.toLowerCase();
  return bounce.bouncedRecipients.map((r) => {
    const diagnostic = cleanDiagnostic(r.diagnosticCode?.replace(/^\s*smtp\s*;\s*/i, ''));
    const code = findStatusCode(r.status, diagnostic);
    let kind: BounceKind = type === 'permanent' ? 'hard' : classifyFailure(code, diagnostic);
    // SES's own words win over the code: Transient is never a dead address.
    if (type !== 'permanent' && kind === 'hard') kind = 'soft';
    const subType = bounce.bounceSubType ? `SES ${bounce.bounceType}/${bounce.bounceSubType}` : null;
    return { address: r.emailAddress.toLowerCase(), kind, code, diagnostic: diagnostic ?? subType };
  });
}

function complained(complaint: z.infer<typeof notification>['complaint']): RecipientReport[] {
  if (!complaint) return [];
  const type = (complaint.complaintFeedbackType ?? 'abuse').toLowerCase();
  const kind: BounceKind = type === 'not-spam' ? 'notice' : 'complaint';
  return complaint.complainedRecipients.map((r) => ({
    address: r.emailAddress.toLowerCase(),
    kind,
    code: type.slice(0, 32),
    diagnostic: 'SES complaint (feedback loop)',
  }));
}
