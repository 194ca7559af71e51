import type { FastifyReply } from 'fastify';
import type { Account } from '../../store/accounts.ts';
import { PAGE_CSP, PAGE_HEADERS, renderPage } from '../web/layout.ts';
import { addressHtml } from '../web/text.ts';
import { button, e, postForm } from './views/html.ts';

/** What every desk page shows besides its body: who is signed in, and the token of its forms. */
export interface DeskFrame {
  account: Account | null;
  csrf: string;
}

/** A desk page: its title, its body HTML (escaped), and whether it embeds frames from here. */
export interface DeskPage {
  title: string;
  body: string;
  /** The draft page shows the digest in a frame: its policy lets this server's frames in. */
  frames?: boolean;
  /** Reload every N seconds (editions sending): live progress without JavaScript. */
  refreshSeconds?: number;
}

/** What an account's role lets it see: editors the drafts, ops the editions and the list. */
export function canReview(account: Account | null): boolean {
  return account?.role === 'editor' || account?.role === 'admin';
}

export function canOperate(account: Account | null): boolean {
  return account?.role === 'ops' || account?.role === 'admin';
}

/** Which role each part of the desk is for (the routes' guards say the same). */
const AREAS: readonly [RegExp, (account: Account | null) => boolean][] = [
  [/^\/desk\/drafts(?:[/?#]|$)/, canReview],
  [/^\/desk\/(?:editions|send|subscribers)(?:[/?#.]|$)/, canOperate],
];

/** Whether `account` may see the desk page at `path`: where a redirect may send it. */
export function mayVisit(account: Account | null, path: string): boolean {
  return AREAS.every(([area, allowed]) => !area.test(path) || allowed(account));
}

/**
 * Where a desk action leads `account`: the first of `places` its role may see (the page it
 * would rather show first), else the desk's first page. A redirect never ends in a 403.
 */
export function landingFor(account: Account | null, ...places: string[]): string {
  return places.find((place) => mayVisit(account, place)) ?? '/desk';
}

/** "An editor", "An ops", "An admin": the article of a role's name. */
export function roleArticle(role: string): string {
  return /^[aeiou]/i.test(role) ? 'An' : 'A';
}

/** Sends a desk page: the kit's layout and headers, the desk's navigation and styles. */
export function sendDeskPage(
  reply: FastifyReply,
  status: number,
  frame: DeskFrame,
  page: DeskPage,
): FastifyReply {
  const refresh = page.refreshSeconds ? `<meta http-equiv="refresh" content="${page.refreshSeconds}">` : '';
  const html = renderPage({
    // The first page is the desk itself: "Desk", not "Desk · Desk".
    title: page.title === 'Desk' ? 'Desk' : `${page.title} · Desk`,
    header: navigation(frame),
    body: `${refresh}${page.body}`,
    style: DESK_STYLE,
  });
  const csp = page.frames
    ? PAGE_CSP.replace("default-src 'none';", "default-src 'none'; frame-src 'self';")
    : PAGE_CSP;
  return reply
    .code(status)
    .headers({ ...PAGE_HEADERS, 'content-security-policy': csp })
    .type('text/html; charset=utf-8')
    .send(html);
}

function navigation({ account, csrf }: DeskFrame): string {
  if (!account) return '<nav aria-label="Desk"><a href="/desk">Desk</a></nav>';
  const links = [
    '<a href="/desk">Desk</a>',
    canReview(account) ? '<a href="/desk/drafts">Drafts</a>' : '',
    canOperate(account) ? '<a href="/desk/editions">Editions</a>' : '',
    canOperate(account) ? '<a href="/desk/subscribers">Subscribers</a>' : '',
    '<a href="/preview">Preview</a>',
  ].filter((l) => l !== '');
  const signOut = postForm(
    '/desk/sign-out',
    csrf,
    {},
    button('Sign out', { secondary: true }),
    'class="inline"',
  );
  return `<nav aria-label="Desk">${links.join(' ')}</nav><div class="who"><span>${addressHtml(account.email)} (${e(account.role)})</span>${signOut}</div>`;
}

// A legend floats inside its fieldset: one that wraps (a long quote at 375 px) stays inside the
// box instead of straddling its top border.
const DESK_STYLE = `
header{margin:0 0 1.5rem;padding:0 0 .75rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;border-bottom:1px solid #d0d7de}
header nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem}header nav a{font-weight:600}
.who{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;color:#57606a;font-size:.95rem}
form.inline{display:inline}form.inline button{margin:0;padding:.2rem .7rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem}h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
fieldset{border:1px solid #d0d7de;border-radius:6px;margin:1rem 0;padding:.75rem 1rem 1rem;min-width:0}
legend{font-weight:600;padding:0;margin:0 0 .5rem;float:left;width:100%}legend+*{clear:left}
textarea{display:block;width:100%;font:inherit;padding:.6rem;border:1px solid #57606a;border-radius:6px}
input[type=password],input[type=date],input[type=time],input[type=search],input[type=file]{display:block;width:100%;font:inherit;padding:.6rem;border:1px solid #57606a;border-radius:6px}
form button{margin-right:.5rem}
.hint{display:block;margin-top:.2rem}
.row{display:flex;flex-wrap:wrap;gap:0 1rem}.row>div{flex:1 1 8rem;min-width:0}
table{font-size:.95rem}th,td{padding:.35rem .5rem .35rem 0;border-bottom:1px solid #d0d7de}
.status{display:inline-block;white-space:nowrap;padding:0 .4rem;border-radius:4px;background:#eaeef2;color:#1f2328;font-size:.9rem;font-weight:600}
.status.held,.status.paused,.status.failed{background:#ffebe9;color:#a40e26}.status.sent,.status.done,.status.approved{background:#dafbe1;color:#116329}
.ok{color:#116329;font-weight:600}
.frame{width:100%;height:70vh;min-height:24rem;border:1px solid #d0d7de;border-radius:6px;background:#fff}
.dropped{color:#57606a}
`;
