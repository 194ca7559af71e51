/** The headers that tell an automatic answer (RFC 3834 and the common non-standard ones). */
export interface AutoReplyClues {
  subject: string;
  /** Header values by lower-case name (first value). */
  header(name: string): string | null;
}

const SUBJECT =
  /^\s*(?:out of (?:the )?office|automatic reply|auto(?:matic)?[- ]?(?:reply|response)|autoreply|auto:|away from (?:my|the) (?:desk|office)|vacation|on vacation|abwesenheit|abwesend|absence|r[ée]ponse automatique|respuesta autom[áa]tica|fuori sede)/i;

/**
 * True when the mail is an automatic answer (out of office, vacation, an autoresponder):
 * `Auto-Submitted` other than `no` (RFC 3834), `X-Autoreply`, `X-Autorespond`,
 * `Precedence: auto_reply`, or a subject that says so (Exchange's "Automatic reply:").
 * Checked after the bounce readers, since delivery reports carry Auto-Submitted too.
 */
export function isAutoReply(mail: AutoReplyClues): boolean {
  const submitted = mail.header('auto-submitted')?.toLowerCase() ?? '';
  // auto-generated too: what is left once the bounce readers passed is no bounce.
  if (submitted.startsWith('auto-replied') || submitted.startsWith('auto-generated')) return true;
  if (mail.header('x-autoreply') !== null || mail.header('x-autorespond') !== null) return true;
  if (/^auto[_-]reply$/i.test(mail.header('precedence')?.trim() ?? '')) return true;
  return SUBJECT.test(mail.subject);
}
