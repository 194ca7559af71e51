import type { FastifyReply } from 'fastify';
import { escapeHtml } from '../../render/personalize.ts';
import { TABLE_STYLE } from './table.ts';

/** Policy of every page the kit renders: no scripts, forms post only here, no framing. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** What a page shows: its title, the body's HTML (already escaped), and an optional footer. */
export interface PageView {
  title: string;
  /** Inner HTML of <main>; escape every value in it with escapeHtml. */
  body: string;
  /** Inner HTML of the footer; default none. */
  footer?: string;
  /** Inner HTML of a <header> before <main> (a site's navigation); default none. */
  header?: string;
  /** More CSS for this kind of page (the desk's tables and fieldsets); default none. */
  style?: string;
}

/**
 * A server-rendered page: one column readable at 375 px, system fonts, contrast above 4.5:1,
 * visible keyboard focus, labelled landmarks, no scripts (every form works without JavaScript).
 */
export function renderPage(view: PageView): string {
  const footer = view.footer ? `<footer>${view.footer}</footer>` : '';
  const header = view.header ? `<header>${view.header}</header>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(view.title)}</title>
<style>${STYLE}${view.style ?? ''}</style></head><body>${header}<main>${view.body}</main>${footer}</body></html>`;
}

/** Sends a kit page with the kit's headers (no caching: pages may carry tokens). */
export function sendPage(reply: FastifyReply, status: number, view: PageView): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(renderPage(view));
}

/** Headers of every kit page: no caching, no sniffing, no referrer (links may carry tokens). */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

const STYLE = `*{box-sizing:border-box}
body{font:17px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;max-width:40rem;margin:0 auto;padding:2rem 1rem;color:#1f2328;background:#fff;overflow-wrap:break-word}
.addr{overflow-wrap:anywhere}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}a{color:#0b5cad}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=email],input[type=text]{display:block;width:100%;font:inherit;padding:.6rem;border:1px solid #57606a;border-radius:6px}
button{font:inherit;margin-top:1rem;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b5cad}
:focus-visible{outline:3px solid #bf5700;outline-offset:2px}
.hint{color:#57606a;font-size:.95rem}.error{color:#a40e26;font-weight:600}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
footer{margin-top:3rem;color:#57606a;font-size:.9rem}
ul.plain{padding-left:1.2rem}${TABLE_STYLE}`;
