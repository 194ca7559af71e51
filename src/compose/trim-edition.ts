import type { Edition, EditionItem } from '../models/edition.ts';

/** How much of each article a trim level keeps; level 0 keeps everything. */
const LEVELS = [
  { summary: Infinity, quotes: Infinity, links: Infinity, pastDates: true },
  { summary: 2, quotes: 2, links: 3, pastDates: false },
  { summary: 1, quotes: 1, links: 1, pastDates: false },
  { summary: 1, quotes: 0, links: 0, pastDates: false },
] as const;

/** The deepest trim level: headline, one sentence and the upcoming events of each article. */
export const MAX_TRIM_LEVEL = LEVELS.length - 1;

/**
 * A shorter copy of an edition, for digests too long for mail clients (Gmail clips HTML past
 * 102 KB, hiding the footer and its unsubscribe link). Upcoming events, headlines and links to
 * the articles are always kept; summary sentences, quotes, read-more links and past dates are
 * cut per level. Pure: the same edition and level give the same copy, so a resumed send
 * renders what the first attempt rendered.
 */
export function trimEdition(edition: Edition, level: number): Edition {
  const keep = LEVELS[Math.min(Math.max(level, 0), MAX_TRIM_LEVEL)] ?? LEVELS[0];
  if (level <= 0) return edition;
  return { ...edition, items: edition.items.map((item) => trimItem(item, keep)) };
}

function trimItem(item: EditionItem, keep: (typeof LEVELS)[number]): EditionItem {
  const { analysis } = item;
  return {
    ...item,
    mentioned: keep.pastDates ? item.mentioned : [],
    analysis: {
      ...analysis,
      summary: analysis.summary.slice(0, keep.summary),
      quotes: analysis.quotes.slice(0, keep.quotes),
      links: analysis.links.slice(0, keep.links),
      events: keep.pastDates ? analysis.events : item.upcoming,
    },
  };
}
