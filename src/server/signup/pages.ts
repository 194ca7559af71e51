import { escapeHtml } from '../../render/personalize.ts';
import { csrfField } from '../web/csrf.ts';
import type { PageView } from '../web/layout.ts';
import { addressHtml } from '../web/text.ts';

/** What the sign-up pages show of the newsletter. */
export interface SignupPageContext {
  newsletterName: string;
  publicUrl: string;
}

/** The values a refused form is shown again with, and why it was refused. */
export interface FormState {
  email?: string;
  name?: string;
  error?: { field: 'email' | 'name'; message: string };
}

/**
 * The sign-up form: email, optional name, the consent line naming the newsletter and the
 * site, a honeypot field people never see, the CSRF token. Works without JavaScript.
 */
export function signupFormPage(ctx: SignupPageContext, csrf: string, state: FormState = {}): PageView {
  const e = escapeHtml;
  const name = e(ctx.newsletterName);
  const error = state.error
    ? `<p class="error" id="${state.error.field}-error" role="alert">${e(state.error.message)}</p>`
    : '';
  const invalid = (field: string) =>
    state.error?.field === field ? ` aria-invalid="true" aria-describedby="${field}-error"` : '';
  return {
    title: `Subscribe to ${ctx.newsletterName}`,
    body: `<h1>Subscribe to ${name}</h1>
<p>A digest of the news: summaries, who said what, and the dates coming up.</p>
<form method="post" action="/subscribe">${csrfField(csrf)}${error}
<label for="email">Email address</label>
<input type="email" id="email" name="email" required maxlength="254" autocomplete="email" value="${e(state.email ?? '')}"${invalid('email')}>
<label for="name">Name <span class="hint">(optional, for the greeting)</span></label>
<input type="text" id="name" name="name" maxlength="200" autocomplete="name" value="${e(state.name ?? '')}"${invalid('name')}>
<div class="hp" aria-hidden="true"><label for="website">Leave this empty</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<p class="hint">By subscribing you agree that ${name} (${e(ctx.publicUrl)}) mails you each edition at this address. We first send a link to confirm it; every mail lets you unsubscribe with one click.</p>
<button type="submit">Subscribe</button>
</form>
<p><a href="/archive">Past editions</a></p>`,
  };
}

/**
 * The same answer for every accepted sign-up: it never says whether the address was known,
 * nor whether a mail went (one an hour per address at most), so it promises none.
 */
export function checkInboxPage(ctx: SignupPageContext): PageView {
  return {
    title: 'Check your inbox',
    body: `<h1>Check your inbox</h1>
<p>If this address can get ${escapeHtml(ctx.newsletterName)}, we mail it a link to confirm. Open the link in that mail: it works for 48 hours.</p>
<p class="hint">We send at most one such mail an hour to an address, so that nobody can flood an inbox: if you asked less than an hour ago, use the link in the mail you got then. Nothing came? Look in the spam folder, or try again in an hour.</p>`,
  };
}

/**
 * A sign-up posted from elsewhere (an embedded form on another site, or a form whose token
 * expired): nothing happens until the person confirms here, on this site, with a fresh token.
 */
export function confirmRequestPage(
  ctx: SignupPageContext,
  csrf: string,
  email: string,
  name: string,
): PageView {
  const e = escapeHtml;
  return {
    title: `Subscribe to ${ctx.newsletterName}?`,
    body: `<h1>Subscribe to ${e(ctx.newsletterName)}?</h1>
<p>${addressHtml(email)}</p>
<form method="post" action="/subscribe">${csrfField(csrf)}
<input type="hidden" name="email" value="${e(email)}"><input type="hidden" name="name" value="${e(name)}">
<p class="hint">${e(ctx.newsletterName)} (${e(ctx.publicUrl)}) will mail a link to confirm this address.</p>
<button type="submit">Yes, subscribe</button></form>`,
  };
}

/** The confirmation link's page: a button, so a link scanner that opens it confirms nobody. */
export function confirmLinkPage(ctx: SignupPageContext, csrf: string, token: string): PageView {
  const e = escapeHtml;
  return {
    title: `Confirm your subscription to ${ctx.newsletterName}`,
    body: `<h1>Confirm your subscription to ${e(ctx.newsletterName)}</h1>
<form method="post" action="/subscribe/confirm">${csrfField(csrf)}<input type="hidden" name="token" value="${e(token)}">
<button type="submit">Confirm my subscription</button></form>`,
  };
}

/** What the confirmation did, said plainly. */
export function confirmOutcomePage(
  ctx: SignupPageContext,
  outcome: 'confirmed' | 'already-active' | 'expired' | 'invalid' | 'left-since',
): { status: number; view: PageView } {
  const name = escapeHtml(ctx.newsletterName);
  const again = '<p><a href="/subscribe">Sign up again</a></p>';
  switch (outcome) {
    case 'confirmed':
      return {
        status: 200,
        view: {
          title: 'Subscribed',
          body: `<h1>You are subscribed</h1><p>The next edition of ${name} comes to your inbox; a welcome mail is on its way. <a href="/archive">Past editions</a></p>`,
        },
      };
    case 'already-active':
      return {
        status: 200,
        view: {
          title: 'Subscribed',
          body: `<h1>You are subscribed</h1><p>This address already gets ${name}.</p>`,
        },
      };
    case 'left-since':
      return {
        status: 409,
        view: {
          title: 'Link no longer valid',
          body: `<h1>This link is no longer valid</h1><p>The address left ${name} after this link was sent.</p>${again}`,
        },
      };
    case 'expired':
      return { status: 410, view: { title: 'Link expired', body: `<h1>This link has expired</h1>${again}` } };
    default:
      return {
        status: 400,
        view: {
          title: 'Invalid link',
          body: `<h1>This confirmation link is not valid</h1><p>It may have been cut or changed.</p>${again}`,
        },
      };
  }
}
