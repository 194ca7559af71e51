import { escapeHtml } from '../../render/personalize.ts';
import type { PageView } from '../web/layout.ts';
import { addressHtml, formatTime as at } from '../web/text.ts';
import type { SignupPageContext } from './pages.ts';
import type { SignupDetail } from './service.ts';
import { CONFIRM_LINK_HOURS } from './token.ts';

/**
 * What pressing "Resubscribe" on the unsubscribe page did, said exactly: its visitor holds
 * the address's signed unsubscribe token, so the page may say what the list holds. Never a
 * promise of a mail that is not sent: within the hour of the last confirmation mail (one an
 * hour per address, against mail bombing), it says whether the link in that mail still works
 * and when a new one can be sent.
 */
export function resubscribePage(ctx: SignupPageContext, email: string, detail: SignupDetail): PageView {
  const name = escapeHtml(ctx.newsletterName);
  const address = addressHtml(email);
  const page = (title: string, body: string) => ({ title, body: `<h1>${escapeHtml(title)}</h1>${body}` });
  switch (detail.kind) {
    case 'active':
      return page('You are subscribed', `<p>${address} gets ${name} again.</p>`);
    case 'welcomed':
      return page(
        'You are subscribed',
        `<p>${address} gets ${name} again; a welcome mail is on its way.</p>`,
      );
    case 'mailed':
      return page(
        'Check your inbox',
        `<p>A link to confirm is on its way to ${address}. Open it within ${CONFIRM_LINK_HOURS} hours to get ${name} again.</p><p class="hint">Nothing came? Look in the spam folder.</p>`,
      );
    case 'busy':
      return page(
        'No mail sent yet',
        `<p>We cannot send more confirmation mails this hour. Press Resubscribe again after ${at(detail.retryAt)}.</p>`,
      );
    case 'recent':
      return page('No new mail sent', recentBody(address, detail));
  }
}

function recentBody(address: string, detail: Extract<SignupDetail, { kind: 'recent' }>): string {
  const rule = `<p class="hint">We send at most one confirmation mail an hour to an address, so that nobody can flood an inbox with them. A new one can be sent after ${at(detail.retryAt)}: press Resubscribe again then.</p>`;
  if (detail.lastSentAt && detail.earlierLinkWorks) {
    const until = new Date(Date.parse(detail.lastSentAt) + CONFIRM_LINK_HOURS * 3_600_000).toISOString();
    return `<p>We mailed a link to confirm to ${address} at ${at(detail.lastSentAt)}. It still works: open it (until ${at(until)}) to come back.</p>${rule}`;
  }
  if (detail.lastSentAt) {
    return `<p>The link we mailed to ${address} at ${at(detail.lastSentAt)} was sent before you unsubscribed, so it no longer works.</p>${rule}`;
  }
  return rule;
}
