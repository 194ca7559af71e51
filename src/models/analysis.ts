import type { ArticleLink } from './article.ts';

/** A quotation: the quoted words without quote marks, and who said them. */
export interface Quote {
  text: string;
  /** Full name as first introduced in the article ("Antony Blinken"), or null. */
  speaker: string | null;
  /** The speaker's role when the text gives one ("US Secretary of State"), or null. */
  role: string | null;
}

/** A meeting or dated event the article announces, resolved to calendar dates. */
export interface ArticleEvent {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM-DD for ranges ("June 7-8"), else null. */
  endDate: string | null;
  /** HH:MM (24 h) when the text gives a time, else null. */
  time: string | null;
  location: string | null;
  participants: string[];
  /**
   * How sure the analysis is that this is an announced occurrence on that day (0 to 1). Only events
   * at or above CALENDAR_CONFIDENCE (src/analyze/event-confidence.ts) go into Upcoming and the
   * calendar; the others are listed as dates mentioned. Absent in analyses made before it existed.
   */
  confidence?: number;
}

/**
 * What the analysis finds in one article. This is exactly the JSON contract of
 * `digest analyze --json` (DESIGN.md): add fields only with the contract, never rename.
 */
export interface ArticleAnalysis {
  title: string;
  publishedAt: string | null;
  summary: string[];
  quotes: Quote[];
  events: ArticleEvent[];
  links: ArticleLink[];
}
