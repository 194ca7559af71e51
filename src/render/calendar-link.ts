import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ArticleEvent } from '../models/analysis.ts';
import { eventUid } from './calendar.ts';

/** Where add-to-calendar links point, and the key that signs them. */
export interface CalendarLinkOptions {
  /** Public base URL of the HTTP server (PUBLIC_URL), without a trailing slash. */
  baseUrl: string;
  /** The server's signing secret (the unsubscribe secret; a separate MAC domain is used). */
  secret: string;
}

/** One event as carried in a link: the event and the article it comes from. */
export interface LinkedEvent {
  event: ArticleEvent;
  articleUrl: string | null;
}

/** Longest accepted `e` parameter: an event's JSON, base64url. Longer is not ours. */
const MAX_PAYLOAD = 4096;

/**
 * A stateless "add to calendar" address: `BASE/calendar/<uid>.ics?e=<event>&s=<mac>`. The
 * event travels in the URL (no store lookup) and an HMAC makes any change detectable.
 */
export function signCalendarLink(linked: LinkedEvent, options: CalendarLinkOptions): string {
  const { event, articleUrl } = linked;
  const compact = [
    event.title,
    event.date,
    event.endDate,
    event.time,
    event.location,
    event.participants,
    articleUrl,
  ];
  const payload = Buffer.from(JSON.stringify(compact), 'utf8').toString('base64url');
  return `${options.baseUrl}/calendar/${uidName(event)}.ics?e=${payload}&s=${mac(payload, options.secret)}`;
}

/** The event a link carries, or null when the link is malformed or was changed. */
export function verifyCalendarLink(
  name: string,
  payload: string,
  signature: string,
  secret: string,
): LinkedEvent | null {
  if (payload.length === 0 || payload.length > MAX_PAYLOAD) return null;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const linked = decodePayload(payload);
  return linked && uidName(linked.event) === name ? linked : null;
}

/** The file name of an event's link: the local part of its stable UID. */
export function uidName(event: ArticleEvent): string {
  return eventUid(event).split('@')[0] ?? '';
}

function decodePayload(payload: string): LinkedEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null; // signed but unreadable: only a changed secret gets here
  }
  if (!Array.isArray(value) || value.length !== 7) return null;
  const [title, date, endDate, time, location, participants, articleUrl] = value as unknown[];
  const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  const orNull = (v: unknown, ok: (x: unknown) => boolean) => v === null || ok(v);
  const isText = (v: unknown) => typeof v === 'string';
  if (!isText(title) || !isDate(date) || !orNull(endDate, isDate) || !orNull(location, isText)) return null;
  if (!orNull(time, (v) => typeof v === 'string' && /^\d{2}:\d{2}$/.test(v)) || !orNull(articleUrl, isText))
    return null;
  if (!Array.isArray(participants) || !participants.every(isText)) return null;
  return {
    event: {
      title: title as string,
      date: date as string,
      endDate: endDate as string | null,
      time: time as string | null,
      location: location as string | null,
      participants: participants as string[],
    },
    articleUrl: articleUrl as string | null,
  };
}

function mac(payload: string, secret: string): string {
  // A separate domain from unsubscribe tokens: one secret, two kinds of MAC that never match.
  return createHmac('sha256', secret).update(`calendar:${payload}`).digest('base64url').slice(0, 22);
}
