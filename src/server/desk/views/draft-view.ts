import { describeTarget } from '../../../compose/draft-change.ts';
import type { DraftState } from '../../../review/draft-state.ts';
import { draftLabel } from '../../../review/draft-state.ts';
import type { DraftRecord } from '../../../store/drafts.ts';
import { articleForms } from './draft-article-view.ts';
import { button, e, formatTime, postForm, textField } from './html.ts';

/** What the draft page shows besides the draft. */
export interface DraftPageView {
  state: DraftState;
  csrf: string;
  /** How many corrections the last save kept (after a redirect), or null. */
  saved: number | null;
  /** Why the last action was refused, or null. */
  error: string | null;
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
  const notice = view.error
    ? `<p class="error" role="alert">${e(view.error)}</p>`
    : view.saved !== null
      ? `<p class="ok" role="status">${view.saved === 0 ? 'Nothing changed.' : `Saved ${view.saved} correction(s): approve again to send.`}</p>`
      : '';
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
${approveSection(record, base, view.csrf, edition.items.length)}
<h2 id="as-sent">As subscribers will see it</h2>
<p><a href="${base}/digest.txt">Text part</a> · <a href="${base}/events.ics">Calendar (.ics)</a> · ${edition.items.length} article(s)</p>
<iframe class="frame" title="The digest as subscribers will see it" src="${base}/digest.html" sandbox></iframe>
${subject}${articles}
${historyTable(edits)}`;
}

function stateLine(record: DraftRecord): string {
  const label = draftLabel(record);
  const parts = [
    `<span class="status ${e(label.split(' ')[0] ?? '')}">${e(label)}</span>`,
    record.slot ? `for the slot of ${formatTime(record.slot)}` : 'a manual send',
    `revision ${record.revision}`,
  ];
  if (record.approvedBy) parts.push(`approved by ${e(record.approvedBy)} ${formatTime(record.approvedAt)}`);
  if (record.heldAt) parts.push(`held ${formatTime(record.heldAt)}: its slot passed unapproved`);
  return `<p>${parts.join(' · ')}</p>`;
}

function approveSection(record: DraftRecord, base: string, csrf: string, articles: number): string {
  if (record.status === 'sending' || record.status === 'sent') {
    return `<p>This draft went out: <a href="/desk/editions/${encodeURIComponent(record.id)}">its edition’s progress</a>.</p>`;
  }
  if (articles === 0) return '<p class="error">Every article is dropped: there is nothing to approve.</p>';
  const when = record.slot && !record.heldAt ? `at its slot (${formatTime(record.slot)})` : 'at once';
  const buttons = `${button(record.status === 'approved' ? 'Approved' : 'Approve', { name: 'send', value: 'later' })}${button('Approve and send now', { name: 'send', value: 'now', secondary: true })}`;
  return `<h2 id="approve">Approve</h2><p>Approved, it goes out ${when}. A correction saved after approving withdraws the approval.</p>${postForm(`${base}/approve`, csrf, { revision: record.revision }, buttons)}`;
}

function historyTable(edits: DraftState['edits']): string {
  if (edits.length === 0)
    return '<h2 id="history">Corrections</h2><p>None yet: the edition is as composed.</p>';
  const rows = edits
    .map(
      (edit) =>
        `<tr><td>${edit.revision}</td><td>${formatTime(edit.at)}</td><td>${e(edit.actor)}</td><td>${e(describeTarget(edit.target))}</td><td>${e(JSON.stringify(edit.before))}</td><td>${e(JSON.stringify(edit.after))}</td></tr>`,
    )
    .join('');
  return `<h2 id="history">Corrections</h2><div class="scroll"><table><thead><tr><th>Rev.</th><th>When</th><th>Who</th><th>What</th><th>Before</th><th>After</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The list of drafts, newest first. */
export function draftListView(drafts: DraftRecord[]): string {
  if (drafts.length === 0)
    return '<h1>Drafts</h1><p>No drafts. With DIGEST_REVIEW=required, each edition stops here before it goes out.</p>';
  const rows = drafts
    .map((d) => {
      const label = draftLabel(d);
      return `<tr><td><a href="/desk/drafts/${encodeURIComponent(d.id)}">${e(d.subject)}</a></td><td><span class="status ${e(label.split(' ')[0] ?? '')}">${e(label)}</span></td><td>${d.slot ? formatTime(d.slot) : 'manual'}</td><td>${d.edition.items.length}</td></tr>`;
    })
    .join('');
  return `<h1>Drafts</h1><div class="scroll"><table><thead><tr><th>Subject</th><th>State</th><th>Slot</th><th>Articles</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
