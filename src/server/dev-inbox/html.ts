import { TABLE_STYLE } from '../web/table.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Policy of the inbox's own pages: no scripts at all, frames only from the inbox itself. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'";

/** Policy of a message's HTML part: no scripts, no fetches, remote images allowed. */
export const MESSAGE_HTML_CSP = "default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline'";

// On a phone (40rem and less) the margins shrink, the header wraps, and a header row shows its
// name above its value; the message list is a kit table (TABLE_STYLE), whose rows fold.
const STYLE = `
  :root { color-scheme: light; --ink: #1f2328; --muted: #636c76; --line: #d8dee4; --accent: #0b57d0; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; color: var(--ink);
    background: #f6f8fa; }
  header { background: #fff; border-bottom: 1px solid var(--line); padding: 12px 24px; display: flex;
    align-items: baseline; gap: 16px; }
  header h1 { font-size: 18px; margin: 0; }
  header a { color: var(--accent); text-decoration: none; }
  main { max-width: 1100px; margin: 24px auto; padding: 0 24px; }
  .muted { color: var(--muted); }
  table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
  th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { font-size: 13px; color: var(--muted); font-weight: 600; background: #f6f8fa; }
  td { overflow-wrap: break-word; }
  tr:hover td { background: #f0f6ff; }
  a { color: var(--accent); }
  .subject a { font-weight: 600; text-decoration: none; }
  .time { white-space: nowrap; color: var(--muted); font-variant-numeric: tabular-nums; }
  .empty { background: #fff; border: 1px dashed var(--line); padding: 48px; text-align: center; }
  h2 { font-size: 20px; margin: 0 0 16px; overflow-wrap: anywhere; }
  h3 { font-size: 15px; margin: 28px 0 8px; }
  .headers th { width: 200px; background: #fff; color: var(--ink); font-family: ui-monospace, monospace;
    font-size: 13px; }
  .headers td { font-family: ui-monospace, monospace; font-size: 13px; white-space: pre-wrap; }
  iframe { width: 100%; height: 70vh; border: 1px solid var(--line); background: #fff; resize: vertical; }
  pre { background: #fff; border: 1px solid var(--line); padding: 16px; white-space: pre-wrap;
    overflow-wrap: anywhere; font-size: 13px; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px 16px; margin-bottom: 16px; }
  .addr { overflow-wrap: anywhere; }
  ${TABLE_STYLE}
  @media (max-width: 40rem) {
    header { flex-wrap: wrap; padding: 12px 16px; gap: 4px 16px; }
    main { margin: 16px auto; padding: 0 16px; }
    .empty { padding: 24px 16px; }
    .headers th, .headers td { display: block; width: auto; }
    .headers th { border-bottom: 0; padding-bottom: 0; }
    table.fit tr { padding: 8px 12px; }
  }
`;

/** Wraps page content in the shared document: title, header bar, inline styles. */
export function renderLayout(page: {
  title: string;
  prefix: string;
  body: string;
  refreshSeconds?: number;
}): string {
  const refresh = page.refreshSeconds ? `<meta http-equiv="refresh" content="${page.refreshSeconds}">` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh}
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1><a href="${escapeHtml(page.prefix)}">Dev inbox</a></h1>
<span class="muted">Mail sent here is kept on this machine and never delivered.</span></header>
<main>
${page.body}
</main>
</body>
</html>
`;
}

/** Formats an ISO time in the server's local zone as `YYYY-MM-DD HH:MM:SS`. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('sv-SE');
}

/** Formats a byte count for people: `512 B`, `14.2 kB`, `3.1 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
