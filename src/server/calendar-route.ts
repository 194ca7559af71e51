import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderEventCalendar } from '../render/calendar.ts';
import { verifyCalendarLink } from '../render/calendar-link.ts';
import { page } from './pages.ts';

/** What the calendar route needs: the signing secret and the calendar's display name. */
export interface CalendarRouteOptions {
  secret: string;
  newsletterName: string;
}

const PATH = /^\/calendar\/([0-9a-f]{24})\.ics$/;

/**
 * `GET /calendar/<uid>.ics?e=…&s=…`: one event as an iCalendar file, for the digest's
 * "Add to calendar" links. Stateless: the event is in the signed link; a changed or
 * truncated link gets 400 and nothing else. Returns false when the path is not ours.
 */
export function handleCalendar(
  req: IncomingMessage,
  res: ServerResponse,
  options: CalendarRouteOptions,
): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith('/calendar/')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendPage(res, 405, 'Not allowed', '<h1>Method not allowed</h1>');
    return true;
  }
  const name = PATH.exec(url.pathname)?.[1];
  const linked = name
    ? verifyCalendarLink(
        name,
        url.searchParams.get('e') ?? '',
        url.searchParams.get('s') ?? '',
        options.secret,
      )
    : null;
  if (!name || !linked) {
    sendPage(
      res,
      400,
      'Invalid link',
      '<h1>This calendar link is not valid</h1><p>It may have been cut or changed.</p>',
    );
    return true;
  }
  const body = renderEventCalendar(linked.event, linked.articleUrl, options.newsletterName);
  res.writeHead(200, {
    'content-type': 'text/calendar; charset=utf-8; method=PUBLISH',
    'content-disposition': `attachment; filename="${name}.ics"`,
    'cache-control': 'public, max-age=86400',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

function sendPage(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page(title, body));
}
