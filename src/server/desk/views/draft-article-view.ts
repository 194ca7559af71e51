import { currentValue } from '../../../compose/apply-draft-edits.ts';
import type { DraftChange, DraftTarget } from '../../../models/draft.ts';
import type { Edition, EditionItem } from '../../../models/edition.ts';
import { anchorOf } from '../draft-forms.ts';
import { button, e, postForm, textField } from './html.ts';

/** What the corrections of one article need: the frozen edition, the edits so far, the form token. */
export interface ArticleFormsContext {
  frozen: Edition;
  edits: readonly DraftChange[];
  action: string;
  csrf: string;
  revision: number;
  /** Locked (being sent, sent): values are shown, no form. */
  locked: boolean;
}

/** One article of the frozen edition with a form for each thing an editor may correct. */
export function articleForms(item: EditionItem, position: number, ctx: ArticleFormsContext): string {
  const { articleId } = item;
  const value = <T>(target: DraftTarget) => currentValue(ctx.frozen, ctx.edits, target) as T;
  const anchor = anchorOf(articleId);
  const form = (fields: Record<string, string | number>, inner: string) =>
    ctx.locked ? '' : postForm(ctx.action, ctx.csrf, { revision: ctx.revision, articleId, ...fields }, inner);
  const heading = `<h2 id="${anchor}">${position}. ${e(item.analysis.title)}</h2>`;
  if (value<boolean>({ kind: 'article', articleId }) === false) {
    return `<section aria-labelledby="${anchor}" class="dropped">${heading}<p>Dropped from this edition.</p>${form({ form: 'article', kept: 'true' }, button('Put it back', { secondary: true }))}</section>`;
  }
  const summary = value<string[]>({ kind: 'summary', articleId });
  const summaryForm = ctx.locked
    ? `<ol>${summary.map((s) => `<li>${e(s)}</li>`).join('')}</ol>`
    : form(
        { form: 'summary' },
        `<label for="${anchor}-summary">Summary: one sentence per line (edit, reorder or delete lines)</label><textarea id="${anchor}-summary" name="summary" rows="${Math.max(3, summary.length + 1)}">${e(summary.join('\n'))}</textarea>${button('Save summary')}`,
      );
  return `<section aria-labelledby="${anchor}">${heading}
${form({ form: 'article', kept: 'false' }, button('Drop this article', { secondary: true }))}
<h3>Summary</h3>${summaryForm}
${quoteForms(item, ctx, value, form)}
${eventForms(item, ctx, value, form)}</section>`;
}

type Value = <T>(target: DraftTarget) => T;
type Form = (fields: Record<string, string | number>, inner: string) => string;

function quoteForms(item: EditionItem, ctx: ArticleFormsContext, value: Value, form: Form): string {
  const { articleId } = item;
  if (item.analysis.quotes.length === 0) return '';
  const quotes = item.analysis.quotes.map((quote, index) => {
    const id = `${anchorOf(articleId)}-quote-${index}`;
    const speaker = value<string | null>({ kind: 'quote', articleId, index, field: 'speaker' });
    const role = value<string | null>({ kind: 'quote', articleId, index, field: 'role' });
    const fields = ctx.locked
      ? `<p>— ${e(speaker ?? '(no speaker)')}${role ? `, ${e(role)}` : ''}</p>`
      : form(
          { form: 'quote', index },
          `<div class="row"><div>${textField({ id: `${id}-speaker`, name: 'speaker', label: 'Speaker', value: speaker, hint: 'Empty: no speaker' })}</div><div>${textField({ id: `${id}-role`, name: 'role', label: 'Role', value: role, hint: 'Empty: no role' })}</div></div>${button('Save quote')}`,
        );
    return `<fieldset id="${id}"><legend>“${e(quote.text)}”</legend>${fields}</fieldset>`;
  });
  return `<h3>Quotes</h3>${quotes.join('')}`;
}

function eventForms(item: EditionItem, ctx: ArticleFormsContext, value: Value, form: Form): string {
  const { articleId } = item;
  if (item.analysis.events.length === 0) return '';
  const events = item.analysis.events.map((event, index) => {
    const id = `${anchorOf(articleId)}-event-${index}`;
    const read = (field: 'title' | 'date' | 'time' | 'location') =>
      value<string | null>({ kind: 'event', articleId, index, field });
    if (value<boolean>({ kind: 'event-kept', articleId, index }) === false) {
      return `<fieldset id="${id}" class="dropped"><legend>${e(read('title') ?? event.title)}</legend><p>Removed from the edition and its calendar.</p>${form({ form: 'event', index, action: 'restore' }, button('Put it back', { secondary: true }))}</fieldset>`;
    }
    const fields = ctx.locked
      ? `<p>${e(read('date') ?? '')} ${e(read('time') ?? '')} ${e(read('location') ?? '')}</p>`
      : form(
          { form: 'event', index },
          [
            textField({
              id: `${id}-title`,
              name: 'title',
              label: 'Title',
              value: read('title'),
              required: true,
            }),
            '<div class="row"><div>',
            textField({
              id: `${id}-date`,
              name: 'date',
              label: 'Date',
              value: read('date'),
              type: 'date',
              required: true,
            }),
            '</div><div>',
            textField({
              id: `${id}-time`,
              name: 'time',
              label: 'Time',
              value: read('time'),
              type: 'time',
              hint: 'Empty: all day',
            }),
            '</div></div>',
            textField({
              id: `${id}-location`,
              name: 'location',
              label: 'Place',
              value: read('location'),
              hint: 'Empty: no place',
            }),
            button('Save event', { name: 'action', value: 'save' }),
            button('Remove from the calendar', { name: 'action', value: 'remove', secondary: true }),
          ].join(''),
        );
    return `<fieldset id="${id}"><legend>${e(read('title') ?? event.title)}</legend>${fields}</fieldset>`;
  });
  return `<h3>Events</h3>${events.join('')}`;
}
