import { escapeHtml } from '../../render/personalize.ts';

/**
 * An address or an id in a page: escaped, and free to wrap anywhere (at the @ first), since
 * it has no spaces to wrap at and must not push a 375 px page sideways. Prose never breaks
 * mid-word (the kit's `overflow-wrap:break-word`): it wraps at spaces.
 */
export function addressHtml(address: string): string {
  return `<span class="addr">${escapeHtml(address).replace('@', '@<wbr>')}</span>`;
}

/** Runs without a space this long are addresses, ids, URLs or JSON, not words of prose. */
const TOKEN = /(\S{16,})/;

/**
 * Free text that may hold addresses, ids or URLs (an SMTP error, a note, a value before and
 * after a correction): escaped, its long space-free runs marked as addresses (see
 * addressHtml), its words left to wrap at spaces.
 */
export function textHtml(text: string): string {
  return text
    .split(TOKEN)
    .map((part, i) => (i % 2 === 1 ? addressHtml(part) : escapeHtml(part)))
    .join('');
}

/** "12 Jan 2022, 07:00 UTC" for an ISO time, in a <time> element; '' for null. */
export function formatTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return escapeHtml(iso);
  const text = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(date);
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(text)} UTC</time>`;
}
