import { createElement } from 'react';
import { render } from 'react-email';
import { DigestEmail } from '../../emails/digest.tsx';
import { pastEvents, readMoreLinks, safeHref } from '../../emails/format.ts';
import { MAX_TRIM_LEVEL, trimEdition } from '../compose/trim-edition.ts';
import { DigestError } from '../errors.ts';
import type { Edition } from '../models/edition.ts';
import { renderCalendar } from './calendar.ts';
import { type CalendarLinkOptions, signCalendarLink } from './calendar-link.ts';
import {
  createPlaceholders,
  escapeHtml,
  fillPieces,
  type RecipientValues,
  type SlottedDocument,
  splitAtPlaceholders,
} from './personalize.ts';
import { loadTemplates } from './templates.ts';

/** Options of renderEdition. */
export interface RenderEditionOptions {
  /** The sender's postal address, shown in the footer. */
  postalAddress: string;
  /** Signs the add-to-calendar links of upcoming events; without it only Google Calendar links. */
  calendarLinks?: CalendarLinkOptions;
  /**
   * Largest HTML in bytes before articles are shortened (trimEdition). Default 95,000: under
   * Gmail's 102 KB clipping limit with room for each recipient's greeting and links.
   */
  maxHtmlBytes?: number;
  /**
   * The web archive's base (PUBLIC_URL/archive): each copy links to its edition's page there
   * ("View in browser", HTML and text). Unset = no link (DIGEST_ARCHIVE=off).
   */
  archiveUrl?: string;
  /** Renders the archive's own copy: the footer links here (sign-up), not to unsubscribe. */
  subscribeUrl?: string;
  /** The archive's own copy links back to the list of editions here (PUBLIC_URL/archive). */
  archiveIndexUrl?: string;
}

/** An edition rendered once, ready to be personalized for any number of recipients. */
export interface RenderedEdition {
  edition: Edition;
  subject: string;
  html: SlottedDocument;
  text: SlottedDocument;
  /** iCalendar of the upcoming events, or null when there are none. */
  calendar: string | null;
}

/** The per-recipient input: from the subscriber list. */
export interface RecipientInput {
  name: string | null;
  unsubscribeUrl: string;
}

/** A personalized copy: what one recipient receives. */
export interface PersonalizedDigest {
  subject: string;
  html: string;
  text: string;
  /** The same html and text as static pieces and recipient values (see fillPieces). */
  pieces: { html: string[]; text: string[] };
}

/**
 * Renders the edition ONCE: react-email for HTML, handlebars for subject and text, with
 * placeholder tokens where per-recipient fields go. Rejects on any template error, so a half
 * email is never sent.
 */
export async function renderEdition(
  edition: Edition,
  options: RenderEditionOptions,
): Promise<RenderedEdition> {
  const budget = options.maxHtmlBytes ?? 95_000;
  let rendered = await renderOnce(edition, options);
  for (let level = 1; level <= MAX_TRIM_LEVEL && htmlBytes(rendered) > budget; level++) {
    rendered = { ...(await renderOnce(trimEdition(edition, level), options)), edition };
  }
  return rendered;
}

function htmlBytes(rendered: RenderedEdition): number {
  return rendered.html.parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0);
}

async function renderOnce(edition: Edition, options: RenderEditionOptions): Promise<RenderedEdition> {
  const templates = loadTemplates();
  const placeholders = createPlaceholders();
  const viewInBrowserUrl = options.archiveUrl ? archivePageUrl(options.archiveUrl, edition.id) : undefined;
  const data = { ...templateData(edition, options), viewInBrowserUrl };
  try {
    const subject = editionSubject(edition);
    const html = await render(
      createElement(DigestEmail, {
        edition,
        subject,
        greeting: placeholders.greeting,
        unsubscribeUrl: placeholders.unsubscribeUrl,
        postalAddress: options.postalAddress,
        calendarLinks: calendarLinksOf(edition, options.calendarLinks),
        ...(viewInBrowserUrl ? { viewInBrowserUrl } : {}),
        ...(options.subscribeUrl ? { subscribeUrl: options.subscribeUrl } : {}),
        ...(options.archiveIndexUrl ? { archiveIndexUrl: options.archiveIndexUrl } : {}),
      }),
    );
    const text = templates.text({ ...data, ...placeholders });
    return {
      edition,
      subject,
      html: splitAtPlaceholders(html, placeholders.pattern),
      text: splitAtPlaceholders(text, placeholders.pattern),
      calendar: renderCalendar(edition),
    };
  } catch (cause) {
    throw new DigestError(
      'TEMPLATE_FAILED',
      `rendering edition ${edition.id} failed: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
}

/** The address of an edition's page in the web archive. */
export function archivePageUrl(archiveUrl: string, editionId: string): string {
  return `${archiveUrl.replace(/\/+$/, '')}/${encodeURIComponent(editionId)}`;
}

/** The signed .ics address of every upcoming event: [item][event]; none without signing options. */
export function calendarLinksOf(edition: Edition, options: CalendarLinkOptions | undefined): string[][] {
  if (!options) return [];
  return edition.items.map((item) =>
    item.upcoming.map((event) => signCalendarLink({ event, articleUrl: item.url }, options)),
  );
}

/**
 * The edition's subject line: the editor's when the desk set one, else from templates/subject.hbs;
 * one line, whatever the titles hold.
 */
export function editionSubject(edition: Edition): string {
  if (edition.subject !== undefined) return oneLine(edition.subject);
  return oneLine(loadTemplates().subject(templateData(edition, { postalAddress: '' })));
}

/** The per-recipient fields, from templates/greeting.hbs and the signed unsubscribe address. */
export function recipientValues(recipient: RecipientInput): RecipientValues {
  const name = recipient.name?.trim() || null;
  return { greeting: oneLine(loadTemplates().greeting({ name })), unsubscribeUrl: recipient.unsubscribeUrl };
}

/** Fills one recipient's fields: a join of pre-rendered parts, no template run. */
export function personalize(rendered: RenderedEdition, recipient: RecipientInput): PersonalizedDigest {
  const values = recipientValues(recipient);
  const html = fillPieces(rendered.html, values, escapeHtml);
  const text = fillPieces(rendered.text, values);
  return { subject: rendered.subject, html: html.join(''), text: text.join(''), pieces: { html, text } };
}

/** What the handlebars templates see: the edition, plus each item's past dates and safe links. */
export function templateData(edition: Edition, options: RenderEditionOptions) {
  const first = edition.items[0]?.analysis.title ?? 'nothing new';
  return {
    ...edition,
    items: edition.items.map((item) => ({
      ...item,
      url: safeHref(item.url),
      past: pastEvents(item, edition.date),
      mentioned: item.mentioned ?? [],
      links: readMoreLinks(item).map((link) => ({ title: link.title, url: safeHref(link.url) })),
    })),
    postalAddress: options.postalAddress,
    firstTitle: first,
    moreCount: Math.max(0, edition.items.length - 1),
    multiple: edition.items.length > 1,
  };
}

/** Headers and greetings are one line: CR, LF and runs of white space fold to one space. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
