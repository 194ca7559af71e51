import type { DeliveryErrorRecord, EditionProgress, EditionRecord } from '../../../store/store.ts';
import { renderTable } from '../../web/table.ts';
import { addressHtml, textHtml } from '../../web/text.ts';
import type { DeskDryRun } from '../actions.ts';
import { button, e, formatTime, postForm, statusLabel } from './html.ts';

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

const LIVE_HEAD = ['Sent', 'Failed', 'Queued', 'Rate', 'ETA'] as const;

function liveCells(row: EditionRow): string[] {
  const p = row.progress;
  const eta = row.etaSeconds === null ? '—' : formatDuration(row.etaSeconds);
  const rate = row.rate > 0 ? `${row.rate.toFixed(row.rate < 10 ? 1 : 0)}/s` : '—';
  return [`${p.sent} / ${p.total}`, String(p.failed), String(p.queued + p.sending), rate, eta];
}

/**
 * The editions, newest first, with live progress (the page reloads itself while one sends).
 * `notice` says what the last action did (a draft made for an editor).
 */
export function editionListView(rows: EditionRow[], notice: string | null = null): string {
  const said = notice ? `<p class="ok" role="status">${e(notice)}</p>` : '';
  const send = `${said}<p><a href="/desk/send">Send now…</a> (a dry run first)</p>`;
  if (rows.length === 0) return `<h1>Editions</h1>${send}<p>No editions yet.</p>`;
  const body = rows.map((row) => [
    `<a href="/desk/editions/${encodeURIComponent(row.record.id)}">${e(row.record.subject)}</a><br><span class="hint">${formatTime(row.record.createdAt)}</span>`,
    statusLabel(row.record.status),
    ...liveCells(row),
  ]);
  return `<h1>Editions</h1>${send}${renderTable({ head: ['Edition', 'Status', ...LIVE_HEAD], rows: body })}`;
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
    ? renderTable({
        head: ['Address', 'Status', 'Reason', 'When'],
        rows: view.failures.map((f) => [
          `<a href="/desk/subscribers/one?email=${encodeURIComponent(f.email)}">${addressHtml(f.email)}</a>`,
          e(f.status),
          textHtml(f.error),
          formatTime(f.at),
        ]),
      })
    : '<p>No delivery failed.</p>';
  const notice = view.notice ? `<p class="ok" role="status">${e(view.notice)}</p>` : '';
  return `<h1>${e(record.subject)}</h1>${notice}
<p>${statusLabel(record.status)} · edition ${addressHtml(record.id)} · ${record.slot ? `slot ${formatTime(record.slot)}` : 'manual send'} · created ${formatTime(record.createdAt)}${record.finishedAt ? ` · finished ${formatTime(record.finishedAt)}` : ''}</p>
${renderTable({ head: LIVE_HEAD, rows: [liveCells(view.row)] })}
<p>${p.total} recipient(s) · ${p.skipped} skipped (left before their turn) · ${view.bounced} bounced</p>
${actions}<h2 id="failures">Failures and retries</h2>${failures}`;
}

/** The dry run before a send: subject, articles and how many recipients, then the button. */
export function sendView(view: { dryRun: DeskDryRun; csrf: string; changed: boolean }): string {
  const { plan, unread } = view.dryRun;
  // A source that failed is said first: "no new articles" would not be known to be true.
  const failed =
    unread.length === 0
      ? ''
      : `<div class="error" role="alert"><p>Not read: ${unread.length === 1 ? 'a source' : `${unread.length} sources`} could not be read, so this dry run may miss articles.</p><ul>${unread
          .map((u) => `<li>${addressHtml(u.source)}: ${e(u.error)}</li>`)
          .join('')}</ul></div>`;
  if (!plan) {
    const changedNone = view.changed
      ? '<p class="error" role="alert">The sources changed since the dry run you saw. Nothing was sent.</p>'
      : '';
    const none =
      unread.length === 0
        ? '<p>Nothing to send: no new articles in the sources.</p>'
        : '<p>Nothing to send from the sources that were read.</p>';
    return `<h1>Send now</h1>${changedNone}${failed}${none}`;
  }
  const changed = view.changed
    ? '<p class="error" role="alert">The edition changed since the dry run you saw (new articles?): here is the new one. Nothing was sent.</p>'
    : '';
  const articles = plan.articles
    .map((a) => `<li>${a.url ? `<a href="${e(a.url)}">${e(a.title)}</a>` : e(a.title)}</li>`)
    .join('');
  const what = plan.review
    ? 'With review required, this makes a draft for an editor; it goes out once approved.'
    : `This sends it now to ${plan.recipients} subscriber(s).`;
  return `<h1>Send now</h1>${changed}${failed}<p>Dry run: nothing was sent or recorded.</p>
<dl><dt>Subject</dt><dd>${e(plan.subject)}</dd><dt>Recipients</dt><dd>${plan.recipients}</dd><dt>Articles (${plan.articles.length})</dt><dd><ol>${articles}</ol></dd></dl>
<p>${e(what)}</p>${postForm('/desk/send', view.csrf, { editionId: plan.editionId }, button(plan.review ? 'Make the draft' : 'Send this edition now'))}`;
}
