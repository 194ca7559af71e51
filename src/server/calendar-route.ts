import type { FastifyInstance } from 'fastify';
import { renderEventCalendar } from '../render/calendar.ts';
import { verifyCalendarLink } from '../render/calendar-link.ts';
import { sendPage } from './web/layout.ts';
import { refuseOtherMethods } from './web/methods.ts';

/** What the calendar route needs: the signing secret and the calendar's display name. */
export interface CalendarRouteOptions {
  secret: string;
  newsletterName: string;
}

const NAME = /^([0-9a-f]{24})\.ics$/;

/**
 * `GET /calendar/<uid>.ics?e=…&s=…`: one event as an iCalendar file, for the digest's
 * "Add to calendar" links. Stateless: the event is in the signed link; a changed or
 * truncated link gets 400 and nothing else.
 */
export async function calendarRoutes(app: FastifyInstance, options: CalendarRouteOptions): Promise<void> {
  app.get<{ Params: { file: string }; Querystring: { e?: string; s?: string } }>(
    '/calendar/:file',
    async (request, reply) => {
      const name = NAME.exec(request.params.file)?.[1];
      const { e, s } = request.query;
      const linked = name ? verifyCalendarLink(name, String(e ?? ''), String(s ?? ''), options.secret) : null;
      if (!name || !linked) {
        return sendPage(reply, 400, {
          title: 'Invalid link',
          body: '<h1>This calendar link is not valid</h1><p>It may have been cut or changed.</p>',
        });
      }
      return reply
        .headers({
          'content-type': 'text/calendar; charset=utf-8; method=PUBLISH',
          'content-disposition': `attachment; filename="${name}.ics"`,
          'cache-control': 'public, max-age=86400',
          'x-content-type-options': 'nosniff',
        })
        .send(renderEventCalendar(linked.event, linked.articleUrl, options.newsletterName));
    },
  );
  refuseOtherMethods(app, '/calendar/:file', ['GET'], (_request, reply) =>
    sendPage(reply, 405, { title: 'Not allowed', body: '<h1>Method not allowed</h1>' }),
  );
}
