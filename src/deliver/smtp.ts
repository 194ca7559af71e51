import { DigestError } from '../errors.ts';
import type { OutgoingMessage } from '../models/message.ts';
import { buildMime } from '../render/mime.ts';
import type { Mailer, SendOptions } from './deliver-edition.ts';
import { classifySmtpError, urlSecrets } from './smtp-errors.ts';
import { SmtpPool } from './smtp-pool.ts';

export { classifySmtpError, redactCredentials } from './smtp-errors.ts';

/** DKIM signing keys (RFC 6376): every message is signed when given. */
export interface DkimOptions {
  /** The signing domain (d=), usually the domain of MAIL_FROM. */
  domainName: string;
  /** The selector (s=): the public key is published at SELECTOR._domainkey.DOMAIN. */
  keySelector: string;
  /** The private key, PEM. */
  privateKey: string;
}

/** Options of the pooled SMTP mailer. */
export interface SmtpMailerOptions {
  /** Connections kept open at once. Default 5. */
  maxConnections?: number;
  /** Messages per second across the pool; 0 = unlimited. Default 0. */
  ratePerSecond?: number;
  /** Connection, greeting and socket time-outs, ms. Default 30 s. */
  timeoutMs?: number;
  /** Refuse to send unless the session is encrypted (STARTTLS or smtps). Default false. */
  requireTLS?: boolean;
  /** DKIM-sign every message. Default: no signature. */
  dkim?: DkimOptions | null;
  /** Messages per connection before it is renewed. Default 10,000. */
  maxMessages?: number;
  /**
   * When set, a refused connection means the server is not running at all (the dev inbox):
   * the send fails as SMTP_SETUP (the edition pauses at once, not after 20 refusals) with
   * this explanation.
   */
  whenRefused?: string;
}

/** A pool of nodemailer SMTP connections behind the Mailer interface delivery uses. */
export function createSmtpMailer(url: string, options: SmtpMailerOptions = {}): Mailer & { close(): void } {
  const secrets = urlSecrets(url);
  const pool = new SmtpPool({
    url,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: options.maxMessages ?? 10_000,
    ratePerSecond: options.ratePerSecond ?? 0,
    timeoutMs: options.timeoutMs ?? 30_000,
    requireTLS: options.requireTLS ?? false,
    // The dev inbox speaks plain SMTP on loopback; real servers offer STARTTLS and it is used.
    ignoreTLS: isLoopback(url),
    dkim: options.dkim ?? null,
  });
  return {
    async send(message: OutgoingMessage, sendOptions: SendOptions = {}) {
      try {
        const sent = await pool.send(
          { from: message.envelopeFrom ?? envelopeAddress(message.from), to: envelopeAddress(message.to) },
          buildMime(message),
          sendOptions.stillWanted,
        );
        return sent ? 'sent' : 'withdrawn';
      } catch (cause) {
        if (options.whenRefused && isRefused(cause)) {
          throw new DigestError('SMTP_SETUP', options.whenRefused, {
            cause,
            retryable: true,
            data: { setup: true },
          });
        }
        throw classifySmtpError(cause, secrets);
      }
    },
    close: () => pool.close(),
  };
}

/** A connection refused: nothing listens there (nodemailer says ESOCKET, the message says why). */
function isRefused(cause: unknown): boolean {
  const e = (typeof cause === 'object' && cause !== null ? cause : {}) as {
    code?: unknown;
    message?: unknown;
  };
  return e.code === 'ECONNREFUSED' || (e.code === 'ESOCKET' && /\bECONNREFUSED\b/.test(String(e.message)));
}

/** The bare address of a header address ("Name" <a@b> → a@b). */
function envelopeAddress(header: string): string {
  return /<([^<>]+)>\s*$/.exec(header)?.[1] ?? header.trim();
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host.startsWith('127.') || host === '[::1]';
  } catch {
    // Not a URL: nodemailer reports it on the first send, classified and redacted there.
    return false;
  }
}
