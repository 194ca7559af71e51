/**
 * What a bounce mail or a provider's notification says, read but not yet matched to a
 * delivery. hard/soft: a failed delivery; complaint: the recipient reported the mail as spam
 * (ARF) or asked out; notice: a report that is no failure (delayed, delivered, a not-spam
 * report); auto-reply: an out-of-office answer; unparseable: none of these could be read.
 */
export type BounceKind = 'hard' | 'soft' | 'complaint' | 'notice' | 'auto-reply' | 'unparseable';

/** Where a report came from: the shape that was read. */
export type ReportFormat = 'dsn' | 'arf' | 'text' | 'auto-reply' | 'ses' | 'none';

/** One recipient the report is about. */
export interface RecipientReport {
  /** The failed (or complaining) recipient, lower case; null when the report hides it. */
  address: string | null;
  kind: BounceKind;
  /** The enhanced status code (5.1.1) or SMTP reply code (550), or the feedback type. */
  code: string | null;
  /** The remote server's words (Diagnostic-Code), bounded. */
  diagnostic: string | null;
}

/** A read report: what it says, and the clues that lead to the delivery it is about. */
export interface BounceReport {
  format: ReportFormat;
  /** The recipients it names (one, for a message sent to one recipient); none for auto-replies. */
  recipients: RecipientReport[];
  /** The kind of the whole report: its most severe recipient's, or the auto-reply/unparseable verdict. */
  kind: BounceKind;
  /** VERP tokens found where the report was addressed, and in the returned original's Return-Path. */
  verpTokens: string[];
  /** True when an address of the bounce mailbox with a token was there, valid or not. */
  hadVerpAddress: boolean;
  /** The Message-ID of the original message, when the report quotes it. */
  originalMessageId: string | null;
  /** When the failure or complaint happened, as the report says (else when it was read). */
  at: Date;
  /** Why a report is unparseable, or what the reader noticed (for the count and the log). */
  note: string | null;
}

/** The most severe of several kinds: a hard bounce outweighs a soft one, a complaint both. */
export function mostSevere(kinds: BounceKind[]): BounceKind {
  const order: BounceKind[] = ['complaint', 'hard', 'soft', 'notice', 'auto-reply', 'unparseable'];
  for (const kind of order) if (kinds.includes(kind)) return kind;
  return 'unparseable';
}

/** Longest diagnostic kept: enough for any server's sentence, never a whole returned message. */
export const MAX_DIAGNOSTIC = 500;

/** A diagnostic on one line, bounded. */
export function cleanDiagnostic(text: string | null | undefined): string | null {
  if (!text) return null;
  // Control characters never reach a terminal or a log line.
  const line = text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line === '' ? null : line.slice(0, MAX_DIAGNOSTIC);
}
