import type { DeliveryErrorRecord, EditionProgress, EditionRecord } from '../../../store/store.ts';
import type { DeskPlan } from '../actions.ts';
import { button, e, formatTime, postForm } from './html.ts';

/** An edition with its counts and, while it sends, its rate and the time left. */
export interface EditionRow {
  record: EditionRecord;
  progress: EditionProgress;
  /** Messages per second over the last minute (0 when none). */
  rate: number;
  /** Seconds until the queue is empty at that rate, or null (done, or no rate yet). */
  etaSeconds: number | null;
}

/** "1 h 5 min", "3 min 20 s", "42 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${s} s`;
}

function liveCells(row: EditionRow): string {
  const p = row.progress;
  const eta = row.etaSeconds === null ? '—' : formatDuration(row.etaSeconds);
  const rate = row.rate > 0 ? `${row.rate.toFixed(row.rate < 10 ? 1 : 0)}/s` : '—';
  return `<td>${p.sent} / ${p.total}</td><td>${p.failed}</td><td>${p.queued + p.sending}</td><td>${rate}</td><td>${eta}</td>`;
}

/** The editions, newest first, with live progress (the page reloads itself while one sends). */
export function editionListView(rows: EditionRow[]): string {
  const send = '<p><a href="/desk/send">Send now…</a> (a dry run first)</p>';
  if (rows.length === 0) return `<h1>Editions</h1>${send}<p>No editions yet.</p>`;
  const body = rows
    .map(
      (row) =>
        `<tr><td><a href="/desk/editions/${encodeURIComponent(row.record.id)}">${e(row.record.subject)}</a><br><span class="hint">${formatTime(row.record.createdAt)}</span></td><td><span class="status ${e(row.record.status)}">${e(row.record.status)}</span></td>${liveCells(row)}</tr>`,
    )
    .join('');
  return `<h1>Editions</h1>${send}<div class="scroll"><table><thead><tr><th>Edition</th><th>Status</th><th>Sent</th><th>Failed</th><th>Queued</th><th>Rate</th><th>ETA</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

/** One edition: counts, rate and ETA, its failures with their reasons, and what ops can do. */
export function editionView(view: {
  row: EditionRow;
  bounced: number;
  failures: DeliveryErrorRecord[];
  csrf: string;
  notice: string | null;
}): string {
  const { record, progress: p } = view.row;
  const base = `/desk/editions/${encodeURIComponent(record.id)}`;
  const actions = [
    record.status === 'paused'
      ? `<h2 id="resume">Paused</h2><p>Too many deliveries failed, or the SMTP server refused the session. Fix the cause, then:</p>${postForm(`${base}/resume`, view.csrf, {}, button('Resume this edition'))}`
      : '',
    p.failed > 0 && record.status !== 'sending'
      ? postForm(
          `${base}/retry`,
          view.csrf,
          {},
          button(`Retry the ${p.failed} failed deliveries`, { secondary: true }),
        )
      : '',
  ].join('');
  const failures = view.failures.length
    ? `<div class="scroll"><table><thead><tr><th>Address</th><th>Status</th><th>Reason</th><th>When</th></tr></thead><tbody>${view.failures
        .map(
          (f) =>
            `<tr><td><a href="/desk/subscribers/one?email=${encodeURIComponent(f.email)}">${e(f.email)}</a></td><td>${e(f.status)}</td><td>${e(f.error)}</td><td>${formatTime(f.at)}</td></tr>`,
        )
        .join('')}</tbody></table></div>`
    : '<p>No delivery failed.</p>';
  const notice = view.notice ? `<p class="ok" role="status">${e(view.notice)}</p>` : '';
  return `<h1>${e(record.subject)}</h1>${notice}
<p><span class="status ${e(record.status)}">${e(record.status)}</span> · edition ${e(record.id)} · ${record.slot ? `slot ${formatTime(record.slot)}` : 'manual send'} · created ${formatTime(record.createdAt)}${record.finishedAt ? ` · finished ${formatTime(record.finishedAt)}` : ''}</p>
<div class="scroll"><table><thead><tr><th>Sent</th><th>Failed</th><th>Queued</th><th>Rate</th><th>ETA</th></tr></thead><tbody><tr>${liveCells(view.row)}</tr></tbody></table></div>
<p>${p.total} recipient(s) · ${p.skipped} skipped (left before their turn) · ${view.bounced} bounced</p>
${actions}<h2 id="failures">Failures and retries</h2>${failures}`;
}

/** The dry run before a send: subject, articles and how many recipients, then the button. */
export function sendView(view: { plan: DeskPlan | null; csrf: string; changed: boolean }): string {
  if (!view.plan) return '<h1>Send now</h1><p>Nothing to send: no new articles in the sources.</p>';
  const { plan } = view;
  const changed = view.changed
    ? '<p class="error" role="alert">The edition changed since the dry run you saw (new articles?): here is the new one. Nothing was sent.</p>'
    : '';
  const articles = plan.articles
    .map((a) => `<li>${a.url ? `<a href="${e(a.url)}">${e(a.title)}</a>` : e(a.title)}</li>`)
    .join('');
  const what = plan.review
    ? 'With review required, this makes a draft for an editor; it goes out once approved.'
    : `This sends it now to ${plan.recipients} subscriber(s).`;
  return `<h1>Send now</h1>${changed}<p>Dry run: nothing was sent or recorded.</p>
<dl><dt>Subject</dt><dd>${e(plan.subject)}</dd><dt>Recipients</dt><dd>${plan.recipients}</dd><dt>Articles (${plan.articles.length})</dt><dd><ol>${articles}</ol></dd></dl>
<p>${e(what)}</p>${postForm('/desk/send', view.csrf, { editionId: plan.editionId }, button(plan.review ? 'Make the draft' : 'Send this edition now'))}`;
}
