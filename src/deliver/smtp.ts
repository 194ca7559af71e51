import nodemailer from 'nodemailer';
import type { OutgoingMessage } from '../models/message.ts';
import { toRawMailOptions } from '../render/mime.ts';
import type { Mailer } from './deliver-edition.ts';
import { classifySmtpError, urlSecrets } from './smtp-errors.ts';

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
}

/** A nodemailer pooled SMTP transport behind the Mailer interface delivery uses. */
export function createSmtpMailer(url: string, options: SmtpMailerOptions = {}): Mailer & { close(): void } {
  const timeout = options.timeoutMs ?? 30_000;
  const secrets = urlSecrets(url);
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: options.maxMessages ?? 10_000,
    ...rateOptions(options.ratePerSecond ?? 0),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    logger: false,
    ...(options.requireTLS
      ? { requireTLS: true }
      : // The dev inbox speaks plain SMTP on loopback; real servers offer STARTTLS and it is used.
        isLoopback(url)
        ? { ignoreTLS: true }
        : {}),
    ...(options.dkim ? { dkim: { ...options.dkim } } : {}),
  });
  return {
    async send(message: OutgoingMessage) {
      try {
        await transport.sendMail(toRawMailOptions(message));
      } catch (cause) {
        throw classifySmtpError(cause, secrets);
      }
    },
    close: () => transport.close(),
  };
}

/** nodemailer counts messages per window: rate 0.5/s = 1 per 2 s, 20/s = 20 per second. */
function rateOptions(rate: number): { rateLimit?: number; rateDelta?: number } {
  if (rate <= 0) return {};
  if (rate < 1) return { rateLimit: 1, rateDelta: Math.round(1000 / rate) };
  return { rateLimit: Math.round(rate), rateDelta: 1000 };
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
