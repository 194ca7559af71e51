import nodemailer from 'nodemailer';
import { DigestError } from '../errors.ts';
import type { OutgoingMessage } from '../models/message.ts';
import { toMailOptions } from '../render/mime.ts';
import type { Mailer } from './deliver-edition.ts';

/** Options of the pooled SMTP mailer. */
export interface SmtpMailerOptions {
  /** Connections kept open at once. Default 5. */
  maxConnections?: number;
  /** Messages per second across the pool; 0 = unlimited. Default 0. */
  ratePerSecond?: number;
  /** Socket time-outs, ms. Default 30 s. */
  timeoutMs?: number;
}

/** A nodemailer pooled SMTP transport behind the Mailer interface delivery uses. */
export function createSmtpMailer(url: string, options: SmtpMailerOptions = {}): Mailer & { close(): void } {
  const rate = options.ratePerSecond ?? 0;
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 1000,
    ...(rate > 0 ? { rateLimit: Math.max(1, Math.round(rate)), rateDelta: 1000 } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // The dev inbox speaks plain SMTP on loopback; real servers offer STARTTLS and it is used.
    ...(isLoopback(url) ? { ignoreTLS: true } : {}),
  });
  return {
    async send(message: OutgoingMessage) {
      try {
        await transport.sendMail(toMailOptions(message));
      } catch (cause) {
        throw classifySmtpError(cause);
      }
    },
    close: () => transport.close(),
  };
}

/** Reply codes that mean the mailbox does not exist: the subscriber is marked bounced. */
const MAILBOX_UNKNOWN = new Set([550, 551, 553]);

/**
 * Sorts a send failure: 4xx, dropped, refused and timed-out connections are temporary (retry);
 * 5xx are permanent; 550/551/553 also mean "bounced". Credentials never reach the message.
 */
export function classifySmtpError(cause: unknown): DigestError {
  const err = cause as { responseCode?: number; code?: string; message?: string };
  const reply = err.responseCode;
  const text = redactCredentials(err.message ?? String(cause));
  if (reply !== undefined && reply >= 500) {
    return new DigestError('SMTP_PERMANENT', `SMTP ${reply}: ${text}`, {
      cause,
      data: { responseCode: reply, bounce: MAILBOX_UNKNOWN.has(reply) },
    });
  }
  return new DigestError('SMTP_TEMPORARY', reply ? `SMTP ${reply}: ${text}` : `SMTP: ${text}`, {
    cause,
    retryable: true,
    data: { responseCode: reply ?? null, errorCode: err.code ?? null },
  });
}

/** Removes user:password from any smtp(s):// URL in a text. */
export function redactCredentials(text: string): string {
  return text.replace(/(smtps?:\/\/)[^@\s/]+@/gi, '$1***@');
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host.startsWith('127.') || host === '[::1]';
  } catch {
    return false;
  }
}
