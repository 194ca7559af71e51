import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { OutgoingMessage } from '../models/message.ts';

/** nodemailer's message options for an outgoing message: the same for .eml export and SMTP. */
export function toMailOptions(message: OutgoingMessage): Mail.Options {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: message.messageId,
    date: message.date,
    headers: message.headers,
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}

/** The complete MIME message (RFC 5322), exactly as it would be sent. */
export function composeMime(message: OutgoingMessage): Promise<Buffer> {
  return new MailComposer(toMailOptions(message)).compile().build();
}
