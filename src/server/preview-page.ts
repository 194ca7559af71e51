import type { OutgoingMessage } from '../models/message.ts';
import { escapeHtml } from '../render/personalize.ts';

/** Policy of the preview page: no scripts, frames only from this server. */
export const PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'";

/** Policy of the digest's HTML in a frame: what a careful mail client allows (no scripts). */
export const DIGEST_CSP = "default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline'";

/** What the preview page shows. */
export interface PreviewView {
  message: OutgoingMessage;
  failures: { source: string; error: Error }[];
  articleCount: number;
  /** Where the preview is mounted ('' or '/preview'): the frames and downloads are under it. */
  base: string;
  calendar: string | null;
}

/** The preview page: headers, the digest at 600 px and 375 px side by side, text part, .ics. */
export function renderPreviewPage(view: PreviewView): string {
  const { message, base } = view;
  const e = escapeHtml;
  const headerRows = [
    ['Subject', message.subject],
    ['From', message.from],
    ['To', `${message.to} (a sample recipient)`],
    ['Date', message.date.toUTCString()],
    ['List-Unsubscribe', message.headers['List-Unsubscribe'] ?? ''],
  ]
    .map(([key, value]) => `<tr><th>${e(key ?? '')}</th><td>${e(value ?? '')}</td></tr>`)
    .join('');
  const skipped = view.failures.length
    ? `<p class="warn">Skipped: ${view.failures.map((f) => e(`${f.source}: ${f.error.message}`)).join('; ')}</p>`
    : '';
  const calendar = view.calendar
    ? `<h2 id="calendar">Calendar: events.ics <a href="${base}/events.ics">download</a></h2><pre>${e(view.calendar)}</pre>`
    : '<h2 id="calendar">Calendar</h2><p>No upcoming events: the digest has no .ics attachment.</p>';
  return shell(
    `Preview: ${message.subject}`,
    `<header><h1>${e(message.subject)}</h1>
<p>${view.articleCount} article(s) · built by the send path for a sample recipient ·
<a href="${base}/digest.html">HTML</a> · <a href="${base}/digest.txt">text</a> · <a href="${base}/digest.eml">.eml</a></p></header>
<main>${skipped}<table class="headers">${headerRows}</table>
<div class="frames">
<figure><figcaption id="cap-desktop">Desktop (640 px window)</figcaption><div class="frame-box" role="region" aria-labelledby="cap-desktop" tabindex="0"><iframe title="Desktop preview" class="desktop" src="${base}/digest.html" sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe></div></figure>
<figure><figcaption id="cap-mobile">Mobile (375 px)</figcaption><div class="frame-box" role="region" aria-labelledby="cap-mobile" tabindex="0"><iframe title="Mobile preview" class="mobile" src="${base}/digest.html" sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe></div></figure>
</div>
<h2 id="text">Plain-text part</h2><pre>${e(message.text)}</pre>
${calendar}</main>`,
  );
}

/** The page shown when the preview cannot be built: the reason, in one line. */
export function renderPreviewErrorPage(reason: string): string {
  return shell('Preview failed', `<main><h1>No preview</h1><p class="warn">${escapeHtml(reason)}</p></main>`);
}

/**
 * The page shown while the digest is still being built (slow sources): it says so and reloads
 * itself every `seconds` (a meta refresh: no script), until the digest is there.
 */
export function renderPreviewBuildingPage(seconds: number, href: string): string {
  return shell(
    'Building the preview',
    `<main><h1>Building the preview</h1>
<p role="status">Reading the sources takes a while (a feed of slow pages, say). This page reloads every ${seconds} seconds until the digest is ready. Nothing is sent.</p>
<p><a href="${escapeHtml(href)}">Reload now</a></p></main>`,
    `<meta http-equiv="refresh" content="${seconds}">`,
  );
}

function shell(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head><body>${body}</body></html>`;
}

// At 375 px the frames keep their widths (that is the point of them) and scroll inside their
// own box: the page itself never scrolls sideways.
const STYLE = `*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;background:#eef1f4}
header{background:#fff;border-bottom:1px solid #d8dee4;padding:12px 24px}
header h1{font-size:18px;margin:0 0 4px}header p{margin:0;color:#57606a}
a{color:#0b5cad}main{padding:16px 24px;max-width:1200px}
table.headers{border-collapse:collapse;font-size:13px;margin:0 0 16px;background:#fff}
table.headers th{text-align:left;padding:4px 12px 4px 8px;color:#57606a;vertical-align:top;white-space:nowrap}
table.headers td{padding:4px 8px;overflow-wrap:anywhere}
.frames{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap}
figure{margin:0;max-width:100%;min-width:0}figcaption{font-size:13px;color:#57606a;margin:0 0 4px}
.frame-box{max-width:100%;overflow-x:auto}
table.headers{max-width:100%}
@media (max-width:480px){header{padding:12px}main{padding:12px}}
iframe{border:1px solid #d8dee4;background:#fff;height:1500px;display:block}
iframe.desktop{width:642px}iframe.mobile{width:377px}
pre{background:#fff;border:1px solid #d8dee4;padding:12px;white-space:pre-wrap;word-break:break-word;font-size:13px;max-width:100ch}
.warn{color:#9a3412;background:#fff7ed;border:1px solid #fed7aa;padding:8px 12px}`;
