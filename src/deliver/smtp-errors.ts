import { DigestError } from '../errors.ts';

/** Reply codes that mean the mailbox does not exist: the subscriber is marked bounced. */
const MAILBOX_UNKNOWN = new Set([550, 551, 553]);
/** Failures of our side of the session (login, TLS, sender): every message would fail alike. */
const SETUP_CODES = new Set(['EAUTH', 'ETLS', 'EREQUIRETLS', 'ENOAUTH']);

interface NodemailerError {
  responseCode?: number;
  code?: string;
  command?: string;
  message?: string;
}

/**
 * Sorts a send failure into what delivery does next:
 * - SMTP_SETUP (login refused, TLS missing or broken, sender refused): the edition pauses at
 *   once and the delivery goes back to the queue: it is not the recipient's fault.
 * - SMTP_PERMANENT: a 5xx reply to the recipient or the message; 550/551/553 to RCPT TO (or
 *   an enhanced status 5.1.x) also mean "bounced".
 * - SMTP_TEMPORARY (retry with backoff): 4xx, dropped, refused and timed-out connections,
 *   and a 5xx before the message started (a greeting refusing service).
 * `secrets` (the SMTP user and password) are removed from the message, as are URL credentials.
 */
export function classifySmtpError(cause: unknown, secrets: string[] = []): DigestError {
  const err = (typeof cause === 'object' && cause !== null ? cause : {}) as NodemailerError;
  const reply = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  const text = redactSecrets(err.message ?? String(cause), secrets);
  const label = reply ? `SMTP ${reply}` : `SMTP ${err.code ?? 'error'}`;
  const data = { responseCode: reply ?? null, errorCode: err.code ?? null, command: err.command ?? null };
  if (
    SETUP_CODES.has(err.code ?? '') ||
    (reply !== undefined && reply >= 500 && err.command === 'MAIL FROM')
  ) {
    return new DigestError('SMTP_SETUP', `${label}: ${text}`, {
      retryable: true,
      data: { ...data, setup: true },
    });
  }
  const toMessage =
    ['RCPT TO', 'DATA'].includes(err.command ?? '') || ['EENVELOPE', 'EMESSAGE'].includes(err.code ?? '');
  if (reply !== undefined && reply >= 500 && toMessage) {
    const bounce = MAILBOX_UNKNOWN.has(reply) && (err.command === 'RCPT TO' || /\b5\.1\.\d+\b/.test(text));
    return new DigestError('SMTP_PERMANENT', `${label}: ${text}`, { data: { ...data, bounce } });
  }
  return new DigestError('SMTP_TEMPORARY', `${label}: ${text}`, { retryable: true, data });
}

/** Removes user:password from any smtp(s):// URL in a text. */
export function redactCredentials(text: string): string {
  return text.replace(/(smtps?:\/\/)[^@\s/]+@/gi, '$1***@');
}

/** Removes URL credentials and each known secret (raw and URL-encoded) from a text. */
export function redactSecrets(text: string, secrets: string[]): string {
  let out = redactCredentials(text);
  for (const secret of secrets) {
    if (secret.length < 3) continue;
    for (const form of new Set([
      secret,
      encodeURIComponent(secret),
      Buffer.from(secret).toString('base64'),
    ])) {
      out = out.split(form).join('***');
    }
  }
  return out;
}

/** The user and password of an SMTP URL, decoded, for redaction. */
export function urlSecrets(url: string): string[] {
  try {
    const { username, password } = new URL(url);
    return [username, password].filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    return [];
  }
}
