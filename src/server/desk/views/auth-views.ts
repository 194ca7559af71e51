import { PASSWORD_MIN } from '../../../accounts/password.ts';
import type { Account } from '../../../store/accounts.ts';
import { button, e, hidden, postForm, textField } from './html.ts';

/** The sign-in form: address and password; `error` says why the last try failed. */
export function signInView(view: {
  csrf: string;
  next: string;
  email: string;
  error: string | null;
}): string {
  const error = view.error ? `<p class="error" role="alert">${e(view.error)}</p>` : '';
  const fields = [
    textField({
      id: 'email',
      name: 'email',
      label: 'Address',
      value: view.email,
      type: 'email',
      required: true,
      autocomplete: 'username',
    }),
    textField({
      id: 'password',
      name: 'password',
      label: 'Password',
      value: '',
      type: 'password',
      required: true,
      autocomplete: 'current-password',
    }),
    button('Sign in'),
  ].join('');
  return `<h1>Sign in to the desk</h1>${error}${postForm('/desk/sign-in', view.csrf, { next: view.next }, fields)}
<p class="hint">No password yet, or forgot it? An admin makes you a one-time link: <code>digest users link ADDRESS</code>.</p>`;
}

/** The page of a one-time link: choose a password, then you are signed in. */
export function welcomeView(view: {
  csrf: string;
  token: string;
  email: string;
  error: string | null;
}): string {
  const error = view.error ? `<p class="error" role="alert">${e(view.error)}</p>` : '';
  const fields = [
    hidden('token', view.token),
    textField({
      id: 'password',
      name: 'password',
      label: 'New password',
      value: '',
      type: 'password',
      required: true,
      hint: `At least ${PASSWORD_MIN} characters. A few unrelated words are easy to remember.`,
      autocomplete: 'new-password',
    }),
    textField({
      id: 'repeat',
      name: 'repeat',
      label: 'The same password again',
      value: '',
      type: 'password',
      required: true,
      autocomplete: 'new-password',
    }),
    button('Set password and sign in'),
  ].join('');
  return `<h1>Welcome to the desk</h1><p>Account: <strong>${e(view.email)}</strong></p>${error}${postForm('/desk/welcome', view.csrf, {}, fields)}`;
}

/** The desk's first page: what this account can do here. */
export function homeView(account: Account, pendingDrafts: number): string {
  const items = [
    account.role !== 'ops'
      ? `<li><a href="/desk/drafts">Drafts</a>: review and correct editions before they go out${pendingDrafts > 0 ? ` (<strong>${pendingDrafts} waiting</strong>)` : ''}</li>`
      : '',
    account.role !== 'editor'
      ? '<li><a href="/desk/editions">Editions</a>: progress, failures, retry, resume, send now</li><li><a href="/desk/subscribers">Subscribers</a>: counts, search, history, import and export</li>'
      : '',
    '<li><a href="/preview">Preview</a>: the next digest of the sources, as it would be sent</li>',
  ].join('');
  return `<h1>Desk</h1><ul class="plain">${items}</ul>`;
}
