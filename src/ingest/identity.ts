import { createHash } from 'node:crypto';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Query parameters that track a click, not name a page: two links differing only in them are one article. */
const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$/i;

/**
 * A date in any form publishers use (ISO 8601, RFC 822 as in RSS) as YYYY-MM-DD, in the
 * publisher's own time zone (the date printed on the article), or null.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const rfc = /(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})/i.exec(text);
  const month = rfc ? MONTHS.indexOf(rfc[2]?.toLowerCase() ?? '') : -1;
  if (rfc && month >= 0) return `${rfc[3]}-${String(month + 1).padStart(2, '0')}-${rfc[1]?.padStart(2, '0')}`;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/**
 * An absolute http(s) URL for `href` read on the page at `base`, without fragment and
 * tracking parameters; null for other schemes (mailto:, javascript:) or garbage.
 */
export function toAbsoluteUrl(href: string | null | undefined, base: string): string | null {
  const text = href?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    // An unparsable href is the page's mistake: that link is simply not a link.
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
  }
  return url.href;
}

/** The identity of an article with no address: a hash of what it says. */
export function contentId(title: string, body: string): string {
  return `sha256:${createHash('sha256').update(`${title}\n${body}`).digest('hex').slice(0, 32)}`;
}
