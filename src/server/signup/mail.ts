import { randomBytes } from 'node:crypto';
import { createElement } from 'react';
import { render } from 'react-email';
import { ConfirmSubscriptionEmail } from '../../../emails/confirm-subscription.tsx';
import { WelcomeEmail } from '../../../emails/welcome.tsx';
import type { Config } from '../../config.ts';
import { signUnsubscribeToken } from '../../deliver/unsubscribe-token.ts';
import type { OutgoingMessage } from '../../models/message.ts';
import { mailDomain } from '../../pipeline.ts';
import { CONFIRM_LINK_HOURS } from './token.ts';

/** The double opt-in mail, for one address: HTML and plain text from the same react-email template. */
export async function buildConfirmationMessage(
  to: string,
  confirmUrl: string,
  config: Readonly<Config>,
): Promise<OutgoingMessage> {
  const element = createElement(ConfirmSubscriptionEmail, {
    newsletterName: config.newsletterName,
    confirmUrl,
    validFor: `${CONFIRM_LINK_HOURS} hours`,
    siteUrl: config.publicUrl,
    forgottenAfter: `${config.unconfirmedDays} day${config.unconfirmedDays === 1 ? '' : 's'}`,
    postalAddress: config.postalAddress,
  });
  return notice(to, `Confirm your subscription to ${config.newsletterName}`, element, config);
}

/** The welcome mail after a confirmation, with the latest edition's archive page and an unsubscribe link. */
export async function buildWelcomeMessage(
  to: string,
  latestEdition: { subject: string; url: string } | null,
  config: Readonly<Config>,
  secret: string,
): Promise<OutgoingMessage> {
  const unsubscribeUrl = `${config.publicUrl}/unsubscribe?token=${signUnsubscribeToken(to, secret)}`;
  const element = createElement(WelcomeEmail, {
    newsletterName: config.newsletterName,
    latestEdition,
    unsubscribeUrl,
    postalAddress: config.postalAddress,
  });
  const message = await notice(to, `Welcome to ${config.newsletterName}`, element, config);
  return {
    ...message,
    headers: {
      ...message.headers,
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

async function notice(
  to: string,
  subject: string,
  element: Parameters<typeof render>[0],
  config: Readonly<Config>,
): Promise<OutgoingMessage> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return {
    from: config.mailFrom,
    to,
    subject,
    html,
    text,
    messageId: `<signup.${randomBytes(12).toString('hex')}@${mailDomain(config.mailFrom)}>`,
    // A notice a person asked for, not a bulk mailing: no auto-replies to it.
    headers: { 'Auto-Submitted': 'auto-generated' },
    attachments: [],
    date: new Date(),
  };
}
