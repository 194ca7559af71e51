import type { SubscriberDelivery } from '../../../store/desk-reads.ts';
import type { SubscriberEvent } from '../../../store/history.ts';
import type { Subscriber, SubscriberStatus } from '../../../store/store.ts';
import type { ImportReport } from '../../../store/subscriber-csv.ts';
import { renderTable } from '../../web/table.ts';
import { addressHtml, textHtml } from '../../web/text.ts';
import { button, e, formatTime, hidden, postForm, statusLabel, textField } from './html.ts';

/** The subscribers page: counts by status, search by address, export and import. */
export function subscribersView(view: {
  counts: Record<SubscriberStatus, number>;
  query: string;
  found: Subscriber[] | null;
  csrf: string;
}): string {
  const counts = renderTable({
    head: ['Status', 'Count', 'Export'],
    rowHeaders: true,
    rows: (['active', 'unconfirmed', 'unsubscribed', 'bounced'] as const).map((s) => [
      s,
      String(view.counts[s]),
      `<a href="/desk/subscribers.csv?status=${s}">CSV</a>`,
    ]),
  });
  const search = `<form method="get" action="/desk/subscribers" role="search">${textField({ id: 'q', name: 'q', label: 'Find an address', value: view.query, type: 'search', hint: 'Any part of it' })}${button('Search')}</form>`;
  const found =
    view.found === null
      ? ''
      : view.found.length === 0
        ? `<p>No address contains “${e(view.query)}”.</p>`
        : renderTable({
            head: ['Address', 'Name', 'Status'],
            rows: view.found.map((s) => [
              `<a href="${subscriberHref(s.email)}">${addressHtml(s.email)}</a>`,
              textHtml(s.name ?? ''),
              e(s.status),
            ]),
          });
  const importForm = `<form method="post" action="/desk/subscribers/import" enctype="multipart/form-data">${hidden('_csrf', view.csrf)}<label for="csv">CSV file (a header line with an <code>email</code> column; <code>name</code> and <code>status</code> optional)</label><input type="file" id="csv" name="csv" accept=".csv,text/csv" required>${button('Import')}</form>
<p class="hint">Importing never resubscribes someone who left, and importing twice adds nobody twice.</p>`;
  return `<h1>Subscribers</h1>
${counts}
<p><a href="/desk/subscribers.csv">Export the whole list (CSV)</a></p>
<h2 id="search">Search</h2>${search}${found}
<h2 id="import">Import</h2>${importForm}`;
}

/** Where one subscriber's page is. */
export function subscriberHref(email: string): string {
  return `/desk/subscribers/one?email=${encodeURIComponent(email)}`;
}

/** One subscriber: status, what ops may do, deliveries, and the history of status and consent. */
export function subscriberView(view: {
  subscriber: Subscriber;
  history: SubscriberEvent[];
  deliveries: SubscriberDelivery[];
  csrf: string;
  notice: string | null;
}): string {
  const s = view.subscriber;
  const actions =
    s.status === 'active'
      ? postForm(
          '/desk/subscribers/status',
          view.csrf,
          { email: s.email },
          `${button('Unsubscribe', { name: 'status', value: 'unsubscribed' })}${button('Mark bounced', { name: 'status', value: 'bounced', secondary: true })}`,
        )
      : `<p>Nobody who left is mailed again without their own confirmed request.</p>`;
  const notice = view.notice ? `<p class="ok" role="status">${e(view.notice)}</p>` : '';
  const deliveries = view.deliveries.length
    ? renderTable({
        head: ['Edition', 'Status', 'Sent', 'Error'],
        rows: view.deliveries.map((d) => [
          `<a href="/desk/editions/${encodeURIComponent(d.editionId)}">${e(d.subject)}</a>`,
          `${e(d.status)}${d.attempts > 1 ? ` (${d.attempts} attempts)` : ''}`,
          formatTime(d.sentAt),
          textHtml(d.error ?? ''),
        ]),
      })
    : '<p>No edition was sent to this address yet.</p>';
  const history = renderTable({
    head: ['When', 'What', 'Status', 'By', 'Note'],
    rows: view.history.map((h) => [
      formatTime(h.at),
      e(h.kind),
      `${e(h.fromStatus ?? '–')} → ${e(h.toStatus ?? '–')}`,
      `${e(h.source)}${h.actor ? `: ${addressHtml(h.actor)}` : ''}${h.ip ? ` (${addressHtml(h.ip)})` : ''}`,
      textHtml(h.note ?? ''),
    ]),
  });
  return `<h1>${addressHtml(s.email)}</h1>${notice}
<p>${statusLabel(s.status)}${s.name ? ` · ${textHtml(s.name)}` : ''} · on the list since ${formatTime(s.createdAt)}</p>
${actions}<h2 id="deliveries">Deliveries</h2>${deliveries}<h2 id="history">Status and consent</h2>${history}
<p><a href="/desk/subscribers">All subscribers</a></p>`;
}

/** What an import did, with the refused rows. */
export function importView(report: ImportReport, refused: string[], error: string | null): string {
  const problem = error ? `<p class="error" role="alert">${e(error)}</p>` : '';
  const rows = refused.length
    ? `<h2 id="refused">Refused rows</h2><ul class="plain">${refused.map((r) => `<li>${e(r)}</li>`).join('')}</ul>`
    : '';
  return `<h1>Import</h1>${problem}<p>${report.rows} row(s) read: ${report.added} added, ${report.existing} already on the list (left as they are${report.keptLeft ? `; ${report.keptLeft} of them unsubscribed or bounced and kept so: an import never resubscribes` : ''}), ${report.rejected} refused.</p>${rows}<p><a href="/desk/subscribers">Back to the subscribers</a></p>`;
}
