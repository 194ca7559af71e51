import { escapeHtml } from '../../../render/personalize.ts';

export { formatTime } from '../../web/text.ts';

/** Escapes a value for HTML text and attributes. */
export const e = escapeHtml;

/** A hidden form field. */
export function hidden(name: string, value: string | number): string {
  return `<input type="hidden" name="${e(name)}" value="${e(String(value))}">`;
}

/** A labelled text input (id derived from `id`), one per line, readable at 375 px. */
export function textField(options: {
  id: string;
  name: string;
  label: string;
  value: string | null;
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'search';
  required?: boolean;
  hint?: string;
  autocomplete?: string;
}): string {
  const hint = options.hint ? `<span class="hint" id="${e(options.id)}-hint">${e(options.hint)}</span>` : '';
  const attributes = [
    `type="${options.type ?? 'text'}"`,
    `id="${e(options.id)}"`,
    `name="${e(options.name)}"`,
    `value="${e(options.value ?? '')}"`,
    options.required ? 'required' : '',
    options.hint ? `aria-describedby="${e(options.id)}-hint"` : '',
    options.autocomplete ? `autocomplete="${e(options.autocomplete)}"` : '',
  ].filter((a) => a !== '');
  return `<label for="${e(options.id)}">${e(options.label)}</label><input ${attributes.join(' ')}>${hint}`;
}

/** A POST form to `action` carrying the CSRF token and the given hidden fields. */
export function postForm(
  action: string,
  csrf: string,
  fields: Record<string, string | number>,
  inner: string,
  attributes = '',
): string {
  const hiddenFields = Object.entries(fields)
    .map(([name, value]) => hidden(name, value))
    .join('');
  return `<form method="post" action="${e(action)}"${attributes ? ` ${attributes}` : ''}>${hidden('_csrf', csrf)}${hiddenFields}${inner}</form>`;
}

/** A submit button; `secondary` for the less usual choice, `name`/`value` to tell buttons apart. */
export function button(
  label: string,
  options: { secondary?: boolean; name?: string; value?: string } = {},
): string {
  const which = options.name ? ` name="${e(options.name)}" value="${e(options.value ?? '')}"` : '';
  return `<button type="submit"${options.secondary ? ' class="secondary"' : ''}${which}>${e(label)}</button>`;
}

/** A status as a label ("held", "awaiting approval"): coloured by its first word, never wrapped. */
export function statusLabel(label: string): string {
  return `<span class="status ${e(label.split(' ')[0] ?? '')}">${e(label)}</span>`;
}
