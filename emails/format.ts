import type { ArticleEvent } from '../src/models/analysis.ts';
import type { ArticleLink } from '../src/models/article.ts';
import type { EditionItem } from '../src/models/edition.ts';

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

/** "Geneva · with Antony Blinken, Wendy Sherman": the place and people of an event, or ''. */
export function formatEventDetails(event: ArticleEvent): string {
  const parts: string[] = [];
  if (event.location) parts.push(event.location);
  if (event.participants.length > 0) parts.push(`with ${event.participants.join(', ')}`);
  return parts.join(' · ');
}

/**
 * The article's events that lie before the edition date. An article read today may announce
 * meetings long past; they stay in the digest as dates of the story, marked as past.
 */
export function pastEvents(item: EditionItem, editionDate: string): ArticleEvent[] {
  return item.analysis.events.filter((e) => (e.endDate ?? e.date) < editionDate);
}

/**
 * The "Read more" links of an item: the analysis's links to other addresses. The headline
 * links to the article itself, once; an analysis frozen before links left out the article's
 * own address may still carry it.
 */
export function readMoreLinks(item: EditionItem): ArticleLink[] {
  const own = withoutFragment(item.url);
  return item.analysis.links.filter((link) => own === null || withoutFragment(link.url) !== own);
}

function withoutFragment(url: string | null | undefined): string | null {
  return url ? url.trim().replace(/#.*$/, '') : null;
}

/** The address when it is http(s), else null: a `javascript:` or `data:` link from an article is never a link. */
export function safeHref(url: string | null | undefined): string | null {
  return url && /^https?:\/\/[^\s<>"]+$/i.test(url.trim()) ? url.trim() : null;
}

/**
 * A Google Calendar "add event" address for one event: works in every mail client, no
 * script. All-day events span [date, endDate + 1); timed ones last an hour, in the reader's zone.
 */
export function googleCalendarUrl(event: ArticleEvent, articleUrl: string | null): string {
  const params = new URLSearchParams({ action: 'TEMPLATE', text: event.title, dates: googleDates(event) });
  if (event.location) params.set('location', event.location);
  const details = [
    event.participants.length > 0 ? `With ${event.participants.join(', ')}` : '',
    safeHref(articleUrl) ?? '',
  ].filter(Boolean);
  if (details.length > 0) params.set('details', details.join('\n'));
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

function googleDates(event: ArticleEvent): string {
  const compact = (iso: string) => iso.replaceAll('-', '');
  if (event.time) {
    const start = `${compact(event.date)}T${event.time.replace(':', '')}00`;
    const end = new Date(`${event.date}T${event.time}:00Z`);
    end.setUTCHours(end.getUTCHours() + 1);
    return `${start}/${end.toISOString().slice(0, 19).replace(/[-:]/g, '')}`;
  }
  return `${compact(event.date)}/${compact(addDays(event.endDate ?? event.date, 1))}`;
}

/** YYYY-MM-DD plus some days. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
