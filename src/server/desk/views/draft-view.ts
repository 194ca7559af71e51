import { describeTarget } from '../../../compose/draft-change.ts';
import type { DraftState } from '../../../review/draft-state.ts';
import { draftLabel } from '../../../review/draft-state.ts';
import type { DraftRecord } from '../../../store/drafts.ts';
import { renderTable } from '../../web/table.ts';
import { addressHtml, textHtml } from '../../web/text.ts';
import { articleForms } from './draft-article-view.ts';
import { button, e, formatTime, postForm, statusLabel, textField } from './html.ts';

/** What the last action did, said at the top of the page after its redirect. */
export interface DraftNotice {
  /** How many corrections the last save kept, or null. */
  saved: number | null;
  /** That save withdrew an approval (so "approve again"). */
  withdrew: boolean;
  /** "Approve and send now" started the send. */
  sent: boolean;
}

/** What the draft page shows besides the draft. */
export interface DraftPageView {
  state: DraftState;
  csrf: string;
  notice: DraftNotice;
  /** Why the last action was refused, or null. */
  error: string | null;
  /** The account may follow an edition's progress (ops, admin): the sent draft links to it. */
  canOperate: boolean;
  /** The edition's page in the web archive, once sent; null with DIGEST_ARCHIVE=off. */
  archivePage: string | null;
}

/**
 * The draft page: the edition exactly as subscribers will get it (a frame of the send path's
 * HTML), its state, approve (or approve and send now), and a form for every correction: the
 * subject, each article (drop it, its summary, its quotes' speakers and roles, its events),
 * then the corrections so far with who, when, before and after.
 */
export function draftPageView(view: DraftPageView): string {
  const { record, edits, edition } = view.state;
  const base = `/desk/drafts/${encodeURIComponent(record.id)}`;
  const locked = record.status === 'sending' || record.status === 'sent';
  const notice = view.error ? `<p class="error" role="alert">${e(view.error)}</p>` : noticeOf(view.notice);
  const ctx = {
    frozen: record.edition,
    edits,
    action: `${base}/corrections`,
    csrf: view.csrf,
    revision: record.revision,
    locked,
  };
  const articles = record.edition.items.map((item, i) => articleForms(item, i + 1, ctx)).join('');
  const subject = locked
    ? ''
    : `<h2 id="subject">Subject</h2>${postForm(`${base}/corrections`, view.csrf, { revision: record.revision, form: 'subject' }, `${textField({ id: 'subject-field', name: 'subject', label: 'Subject line', value: record.subject, required: true })}${button('Save subject')}`)}`;
  return `<h1>Draft: ${e(record.subject)}</h1>
${stateLine(record)}${notice}
${locked ? sentSection(record, view) : approveSection(record, base, view.csrf, edition.items.length)}
<h2 id="as-sent">As subscribers will see it</h2>
<p><a href="${base}/digest.txt">Text part</a> · <a href="${base}/events.ics">Calendar (.ics)</a> · ${edition.items.length} article(s)</p>
<iframe class="frame" title="The digest as subscribers will see it" src="${base}/digest.html" sandbox></iframe>
${subject}${articles}
${historyTable(edits)}`;
}

function noticeOf(notice: DraftNotice): string {
  const say = (text: string) => `<p class="ok" role="status">${e(text)}</p>`;
  if (notice.sent) return say('Approved and under way: the edition is being sent to the subscribers now.');
  if (notice.saved === null) return '';
  if (notice.saved === 0) return say('Nothing changed.');
  // "Again" only when there was an approval for this save to withdraw.
  return say(
    notice.withdrew
      ? `Saved ${notice.saved} correction(s): that withdrew the approval, so approve again to send.`
      : `Saved ${notice.saved} correction(s). Approve it to send.`,
  );
}

function stateLine(record: DraftRecord): string {
  const label = draftLabel(record);
  const parts = [
    statusLabel(label),
    record.slot ? `for the slot of ${formatTime(record.slot)}` : 'a manual send',
    `revision ${record.revision}`,
  ];
  if (record.approvedBy)
    parts.push(`approved by ${addressHtml(record.approvedBy)} ${formatTime(record.approvedAt)}`);
  if (record.heldAt) parts.push(`held ${formatTime(record.heldAt)}: its slot passed unapproved`);
  return `<p>${parts.join(' · ')}</p>`;
}

/** A draft that went out: where to read it, and (for ops) where its delivery is followed. */
function sentSection(record: DraftRecord, view: DraftPageView): string {
  const links = [
    view.archivePage ? `<a href="${e(view.archivePage)}">its page in the archive</a>` : '',
    view.canOperate
      ? `<a href="/desk/editions/${encodeURIComponent(record.id)}">its edition’s progress</a>`
      : '',
  ].filter((l) => l !== '');
  return `<h2 id="approve">Sent</h2><p>This draft went out${links.length ? `: ${links.join(' · ')}` : ''}.</p>`;
}

function approveSection(record: DraftRecord, base: string, csrf: string, articles: number): string {
  if (articles === 0) return '<p class="error">Every article is dropped: there is nothing to approve.</p>';
  const when = record.slot && !record.heldAt ? `at its slot (${formatTime(record.slot)})` : 'at once';
  const buttons = `${button(record.status === 'approved' ? 'Approved' : 'Approve', { name: 'send', value: 'later' })}${button('Approve and send now', { name: 'send', value: 'now', secondary: true })}`;
  return `<h2 id="approve">Approve</h2><p>Approved, it goes out ${when}. A correction saved after approving withdraws the approval.</p>${postForm(`${base}/approve`, csrf, { revision: record.revision }, buttons)}`;
}

function historyTable(edits: DraftState['edits']): string {
  if (edits.length === 0)
    return '<h2 id="history">Corrections</h2><p>None yet: the edition is as composed.</p>';
  const rows = edits.map((edit) => [
    String(edit.revision),
    formatTime(edit.at),
    addressHtml(edit.actor),
    textHtml(describeTarget(edit.target)),
    textHtml(JSON.stringify(edit.before)),
    textHtml(JSON.stringify(edit.after)),
  ]);
  return `<h2 id="history">Corrections</h2>${renderTable({ head: ['Rev.', 'When', 'Who', 'What', 'Before', 'After'], rows })}`;
}

/** The list of drafts, newest first. */
export function draftListView(drafts: DraftRecord[]): string {
  if (drafts.length === 0)
    return '<h1>Drafts</h1><p>No drafts. With DIGEST_REVIEW=required, each edition stops here before it goes out.</p>';
  const rows = drafts.map((d) => [
    `<a href="/desk/drafts/${encodeURIComponent(d.id)}">${e(d.subject)}</a>`,
    statusLabel(draftLabel(d)),
    d.slot ? formatTime(d.slot) : 'manual',
    String(d.edition.items.length),
  ]);
  return `<h1>Drafts</h1>${renderTable({ head: ['Subject', 'State', 'Slot', 'Articles'], rows })}`;
}
