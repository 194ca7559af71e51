import type { ArticleAnalysis, ArticleEvent } from './analysis.ts';

/** One article as it stands in an edition. */
export interface EditionItem {
  articleId: string;
  /** The article's own address, when known: the headline links there. */
  url: string | null;
  analysis: ArticleAnalysis;
  /**
   * The article's confident events on or after the edition date, sorted: what Upcoming and the
   * calendar show (confidence at or above CALENDAR_CONFIDENCE, or no confidence given).
   */
  upcoming: ArticleEvent[];
  /** The doubtful ones on or after the edition date: listed as dates mentioned, never in a calendar. Absent = none. */
  mentioned?: ArticleEvent[];
}

/** One digest issue: what every subscriber of this send receives. */
export interface Edition {
  id: string;
  /** The edition's date, YYYY-MM-DD, in the digest's time zone. */
  date: string;
  /** The clock the edition was composed at (ISO 8601); "upcoming" is relative to it. */
  composedAt: string;
  newsletterName: string;
  items: EditionItem[];
  /** The subject an editor wrote on the desk; absent = made from templates/subject.hbs. */
  subject?: string;
}

/** Who receives one copy: the per-recipient fields are filled from this. */
export interface Recipient {
  email: string;
  name: string | null;
  /** Signed one-click unsubscribe address for this recipient. */
  unsubscribeUrl: string;
}
