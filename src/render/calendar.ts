import { createHash } from 'node:crypto';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { safeHref } from '../../emails/format.ts';
import { DigestError } from '../errors.ts';
import type { ArticleEvent } from '../models/analysis.ts';
import type { Edition } from '../models/edition.ts';

const PRODUCT_ID = '-//article-digest//digest//EN';

/**
 * One iCalendar (RFC 5545) with every upcoming event of the edition: all-day events where
 * no time is known, floating local time where one is (the article gives no time zone).
 * UIDs depend on the event, not the edition, so a later digest updates the same entry.
 */
export function renderCalendar(edition: Edition): string | null {
  const seen = new Set<string>();
  const events: EventAttributes[] = [];
  for (const item of edition.items) {
    for (const event of item.upcoming) {
      const uid = eventUid(event);
      if (seen.has(uid)) continue;
      seen.add(uid);
      events.push(toIcsEvent(event, uid, item.url, edition.composedAt));
    }
  }
  if (events.length === 0) return null;
  return buildCalendar(events, edition.newsletterName);
}

/** A calendar with one event: what an add-to-calendar link serves. Same UID as the attachment. */
export function renderEventCalendar(
  event: ArticleEvent,
  articleUrl: string | null,
  calendarName: string,
): string {
  return buildCalendar([toIcsEvent(event, eventUid(event), articleUrl, null)], calendarName);
}

/** Stable identity of an event across digests: its date, place and title. */
export function eventUid(event: ArticleEvent): string {
  const key = [event.date, event.location ?? '', event.title].map((s) => s.toLowerCase().trim()).join('|');
  return `${createHash('sha256').update(key).digest('hex').slice(0, 24)}@article-digest`;
}

function buildCalendar(events: EventAttributes[], calName: string): string {
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, method: 'PUBLISH', calName });
  if (error || !value) {
    throw new DigestError('TEMPLATE_FAILED', `calendar: ${error?.message ?? 'rendering returned nothing'}`, {
      cause: error,
    });
  }
  return value;
}

function toIcsEvent(
  event: ArticleEvent,
  uid: string,
  articleUrl: string | null,
  stamp: string | null,
): EventAttributes {
  const url = safeHref(articleUrl);
  const base = {
    uid,
    title: event.title,
    // DTSTAMP from the edition, not the clock: rendering the same edition twice gives the same bytes.
    ...(stamp ? { timestamp: Date.parse(stamp) } : {}),
    ...(event.location ? { location: event.location } : {}),
    ...(event.participants.length > 0 ? { description: `With ${event.participants.join(', ')}` } : {}),
    ...(url ? { url } : {}),
  };
  if (event.time) {
    const [hour, minute] = event.time.split(':').map(Number);
    const start = [...dateParts(event.date), hour ?? 0, minute ?? 0] as DateArray;
    return { ...base, start, startInputType: 'local', startOutputType: 'local', duration: { hours: 1 } };
  }
  return { ...base, start: dateParts(event.date), end: dateParts(nextDay(event.endDate ?? event.date)) };
}

function dateParts(isoDate: string): DateArray {
  const [y, m, d] = isoDate.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
