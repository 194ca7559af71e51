import { renderTable } from '../web/table.ts';
import { addressHtml, textHtml } from '../web/text.ts';
import { escapeHtml, formatSize, formatTime, renderLayout } from './html.ts';
import type { MessageView } from './message-view.ts';
import type { DevInboxMessage } from './types.ts';

const REFRESH_SECONDS = 3;

/** The message list, newest first, refreshing itself every few seconds. */
export function renderListPage(messages: DevInboxMessage[], prefix: string): string {
  const count = `${messages.length} message${messages.length === 1 ? '' : 's'}`;
  const body =
    messages.length === 0
      ? `<div class="empty"><h2>No mail yet</h2>
<p class="muted">Messages sent to this machine's SMTP dev inbox appear here. This page refreshes itself.</p></div>`
      : `<p class="muted">${count}, newest first · <a href="${escapeHtml(prefix)}.json">JSON</a></p>
${renderTable({ head: ['Received', 'From', 'To', 'Subject', 'Size'], rows: messages.map((m) => listRow(m, prefix)) })}`;
  return renderLayout({ title: `Dev inbox (${count})`, prefix, body, refreshSeconds: REFRESH_SECONDS });
}

function listRow(message: DevInboxMessage, prefix: string) {
  const href = escapeHtml(`${prefix}/${message.id}`);
  const subject = message.subject === '' ? '(no subject)' : message.subject;
  return [
    {
      html: `<time datetime="${escapeHtml(message.receivedAt)}">${escapeHtml(formatTime(message.receivedAt))}</time>`,
      className: 'time',
    },
    textHtml(message.from),
    message.to.map(addressHtml).join(', '),
    { html: `<a href="${href}">${escapeHtml(subject)}</a>`, className: 'subject' },
    { html: formatSize(message.size), className: 'time' },
  ];
}

/** One message: headers, the HTML part in a sandboxed frame, the text part, the attachments. */
export function renderMessagePage(id: string, view: MessageView, prefix: string): string {
  const base = `${prefix}/${id}`;
  const subject = view.subject === '' ? '(no subject)' : view.subject;
  const body = `<h2>${escapeHtml(subject)}</h2>
<div class="actions"><a href="${escapeHtml(prefix)}">← All messages</a>
<a href="${escapeHtml(`${base}/raw`)}">Raw message (.eml)</a></div>
${renderSummary(view)}
<h3>HTML part</h3>
${renderHtmlPart(view, base)}
<h3>Plain-text part</h3>
${view.text === null ? '<p class="muted">This message has no plain-text part.</p>' : `<pre>${escapeHtml(view.text)}</pre>`}
<h3>Attachments</h3>
${renderAttachments(view, base)}
<h3>All headers</h3>
<table class="headers"><tbody>
${view.headers.map((header) => `<tr><th>${escapeHtml(header.name)}</th><td>${textHtml(header.value)}</td></tr>`).join('\n')}
</tbody></table>`;
  return renderLayout({ title: `${subject} · Dev inbox`, prefix, body });
}

function renderSummary(view: MessageView): string {
  const rows = ['From', 'To', 'Cc', 'Reply-To', 'Date'].flatMap((name) => {
    const header = view.headers.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    return header ? [`<tr><th>${name}</th><td>${textHtml(header.value)}</td></tr>`] : [];
  });
  return `<table class="headers"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function renderHtmlPart(view: MessageView, base: string): string {
  if (view.html === null) return '<p class="muted">This message has no HTML part.</p>';
  // No allow-scripts and no allow-same-origin: the message runs no code and cannot reach the inbox.
  // Popups are allowed so that links with target="_blank" open in a new tab.
  return `<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer"
 title="HTML part" src="${escapeHtml(`${base}/html`)}"></iframe>`;
}

function renderAttachments(view: MessageView, base: string): string {
  if (view.attachments.length === 0) return '<p class="muted">No attachments.</p>';
  const items = view.attachments.map((attachment, index) => {
    const name = attachment.filename ?? `attachment-${index + 1}`;
    const href = escapeHtml(`${base}/attachments/${index}`);
    const details = `${attachment.contentType}, ${formatSize(attachment.size)}${attachment.related ? ', inline' : ''}`;
    return `<li><a href="${href}">${escapeHtml(name)}</a> <span class="muted">${escapeHtml(details)}</span></li>`;
  });
  return `<ul>\n${items.join('\n')}\n</ul>`;
}

/** The page for an unknown message or path. */
export function renderNotFoundPage(prefix: string, what: string): string {
  const body = `<div class="empty"><h2>Not found</h2><p class="muted">${escapeHtml(what)}</p>
<p><a href="${escapeHtml(prefix)}">Back to the inbox</a></p></div>`;
  return renderLayout({ title: 'Not found · Dev inbox', prefix, body });
}

/** The page for a message that could not be shown. */
export function renderErrorPage(prefix: string, message: string): string {
  const body = `<div class="empty"><h2>Something went wrong</h2><pre>${escapeHtml(message)}</pre>
<p><a href="${escapeHtml(prefix)}">Back to the inbox</a></p></div>`;
  return renderLayout({ title: 'Error · Dev inbox', prefix, body });
}
