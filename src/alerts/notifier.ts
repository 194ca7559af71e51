import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { DeliveryReport, Mailer } from '../deliver/deliver-edition.ts';
import type { Logger } from '../log.ts';
import type { OutgoingMessage } from '../models/message.ts';
import { mailDomain } from '../pipeline.ts';
import { escapeHtml } from '../render/personalize.ts';
import { type AlertEvent, describeAlert } from './alert-events.ts';

/** Tells people what needs them. Never throws: a failed notice is logged, the run goes on. */
export interface Notifier {
  /** Mails OPS_EMAILS and POSTs to ALERT_WEBHOOK_URL. */
  alert(event: AlertEvent): Promise<void>;
  /** Mails EDITOR_EMAILS (a draft is ready, a draft was held). */
  tellEditors(subject: string, text: string): Promise<void>;
}

/** Options of createNotifier. */
export interface NotifierOptions {
  config: Pick<
    Config,
    'mailFrom' | 'newsletterName' | 'publicUrl' | 'opsEmails' | 'editorEmails' | 'alertWebhookUrl'
  >;
  mailer: Mailer;
  logger: Logger;
  /** Webhook time-out, ms. Default 10 s. */
  webhookTimeoutMs?: number;
}

/** A notifier that mails through the product's own SMTP settings and posts the webhook. */
export function createNotifier(options: NotifierOptions): Notifier {
  const { config, logger } = options;
  const mail = async (to: string[], subject: string, text: string) => {
    for (const address of to) {
      try {
        await options.mailer.send(noticeMessage(config, address, subject, text));
      } catch (error) {
        logger.error({ err: error, to: address }, `could not mail "${subject}" to ${address}`);
      }
    }
  };
  return {
    async alert(event) {
      const { subject, text } = describeAlert(event, config.publicUrl);
      logger.warn({ alert: event.type }, `alert: ${subject}`);
      await Promise.all([
        mail(config.opsEmails, `[${config.newsletterName}] ${subject}`, text),
        config.alertWebhookUrl ? postWebhook(config.alertWebhookUrl, event, options) : undefined,
      ]);
    },
    tellEditors: (subject, text) => mail(config.editorEmails, `[${config.newsletterName}] ${subject}`, text),
  };
}

/** The alerts a finished delivery run raises: paused, or done with failed deliveries. */
export function alertsOfReport(report: DeliveryReport, subject: string): AlertEvent[] {
  const { editionId, progress } = report;
  if (report.outcome === 'paused') {
    return [{ type: 'edition.paused', editionId, subject, reason: report.reason, progress }];
  }
  if (report.outcome === 'done' && progress.failed > 0) {
    return [
      { type: 'edition.failed-deliveries', editionId, subject, progress, lastErrors: report.lastErrors },
    ];
  }
  return [];
}

async function postWebhook(url: string, event: AlertEvent, options: NotifierOptions): Promise<void> {
  const body = JSON.stringify({
    ...event,
    at: new Date().toISOString(),
    newsletter: options.config.newsletterName,
  });
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'ArticleDigest-alerts' },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(options.webhookTimeoutMs ?? 10_000),
    });
    await response.body?.cancel();
    if (!response.ok)
      options.logger.error({ status: response.status }, `alert webhook answered ${response.status}`);
  } catch (error) {
    options.logger.error({ err: error }, `alert webhook failed: ${(error as Error).message}`);
  }
}

function noticeMessage(
  config: NotifierOptions['config'],
  to: string,
  subject: string,
  text: string,
): OutgoingMessage {
  const domain = mailDomain(config.mailFrom);
  return {
    from: config.mailFrom,
    to,
    subject,
    text: `${text}\n`,
    html: `<!doctype html><html lang="en"><body><pre style="font:14px/1.5 sans-serif;white-space:pre-wrap">${escapeHtml(text)}</pre></body></html>`,
    messageId: `<notice.${randomUUID()}@${domain}>`,
    // Vacation responders and the like do not answer machine mail (RFC 3834).
    headers: { 'Auto-Submitted': 'auto-generated' },
    attachments: [],
    date: new Date(),
  };
}
