import type { ArticleEvent } from '../src/models/analysis.ts';

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Wednesday, 5 January 2022" for a YYYY-MM-DD date. */
export function formatLongDate(isoDate: string): string {
  return LONG_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

/** "Mon, 10 Jan 2022", with the end date and time when the event has them. */
export function formatEventDate(event: ArticleEvent): string {
  const start = SHORT_DATE.format(new Date(`${event.date}T00:00:00Z`));
  const end = event.endDate ? ` – ${SHORT_DATE.format(new Date(`${event.endDate}T00:00:00Z`))}` : '';
  return `${start}${end}${event.time ? `, ${event.time}` : ''}`;
}

/** The address when it is http(s), else null: a `javascript:` or `data:` link from an article is never a link. */
export function safeHref(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}
