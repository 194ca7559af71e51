import type { SubscriberDelivery } from '../../../store/desk-reads.ts';
import type { SubscriberEvent } from '../../../store/history.ts';
import type { Subscriber, SubscriberStatus } from '../../../store/store.ts';
import type { ImportReport } from '../../../store/subscriber-csv.ts';
import { button, e, formatTime, hidden, postForm, textField } from './html.ts';

/** The subscribers page: counts by status, search by address, export and import. */
export function subscribersView(view: {
  counts: Record<SubscriberStatus, number>;
  query: string;
  found: Subscriber[] | null;
  csrf: string;
}): string {
  const counts = (['active', 'unconfirmed', 'unsubscribed', 'bounced'] as const)
    .map(
      (s) =>
        `<tr><th>${s}</th><td>${view.counts[s]}</td><td><a href="/desk/subscribers.csv?status=${s}">CSV</a></td></tr>`,
    )
    .join('');
  const search = `<form method="get" action="/desk/subscribers" role="search">${textField({ id: 'q', name: 'q', label: 'Find an address', value: view.query, type: 'search', hint: 'Any part of it' })}${button('Search')}</form>`;
  const found =
    view.found === null
      ? ''
      : view.found.length === 0
        ? `<p>No address contains “${e(view.query)}”.</p>`
        : `<div class="scroll"><table><thead><tr><th>Address</th><th>Name</th><th>Status</th></tr></thead><tbody>${view.found
            .map(
              (s) =>
                `<tr><td><a href="${subscriberHref(s.email)}">${e(s.email)}</a></td><td>${e(s.name ?? '')}</td><td>${e(s.status)}</td></tr>`,
            )
            .join('')}</tbody></table></div>`;
  const importForm = `<form method="post" action="/desk/subscribers/import" enctype="multipart/form-data">${hidden('_csrf', view.csrf)}<label for="csv">CSV file (a header line with an <code>email</code> column; <code>name</code> and <code>status</code> optional)</label><input type="file" id="csv" name="csv" accept=".csv,text/csv" required>${button('Import')}</form>
<p class="hint">Importing never resubscribes someone who left, and importing twice adds nobody twice.</p>`;
  return `<h1>Subscribers</h1>
<div class="scroll"><table><thead><tr><th>Status</th><th>Count</th><th>Export</th></tr></thead><tbody>${counts}</tbody></table></div>
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
    ? `<div class="scroll"><table><thead><tr><th>Edition</th><th>Status</th><th>Sent</th><th>Error</th></tr></thead><tbody>${view.deliveries
        .map(
          (d) =>
            `<tr><td><a href="/desk/editions/${encodeURIComponent(d.editionId)}">${e(d.subject)}</a></td><td>${e(d.status)}${d.attempts > 1 ? ` (${d.attempts} attempts)` : ''}</td><td>${formatTime(d.sentAt)}</td><td>${e(d.error ?? '')}</td></tr>`,
        )
        .join('')}</tbody></table></div>`
    : '<p>No edition was sent to this address yet.</p>';
  const history = `<div class="scroll"><table><thead><tr><th>When</th><th>What</th><th>Status</th><th>By</th><th>Note</th></tr></thead><tbody>${view.history
    .map(
      (h) =>
        `<tr><td>${formatTime(h.at)}</td><td>${e(h.kind)}</td><td>${e(h.fromStatus ?? '–')} → ${e(h.toStatus ?? '–')}</td><td>${e(h.source)}${h.actor ? `: ${e(h.actor)}` : ''}${h.ip ? ` (${e(h.ip)})` : ''}</td><td>${e(h.note ?? '')}</td></tr>`,
    )
    .join('')}</tbody></table></div>`;
  return `<h1>${e(s.email)}</h1>${notice}
<p><span class="status ${e(s.status)}">${e(s.status)}</span>${s.name ? ` · ${e(s.name)}` : ''} · on the list since ${formatTime(s.createdAt)}</p>
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
