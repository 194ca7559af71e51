/** A related link: a "Read more" headline, with its address when the source has one. */
export interface ArticleLink {
  title: string;
  url: string | null;
}

/** One article as ingested, before analysis. Plain data: crosses every stage boundary. */
export interface Article {
  /** Stable identity: the canonical URL when known, otherwise a hash of the content. */
  id: string;
  title: string;
  /** Canonical address of the article, when the source gives one. */
  url: string | null;
  /** Publication date, YYYY-MM-DD, when known. */
  publishedAt: string | null;
  /** The article body as plain text: paragraphs separated by blank lines. */
  body: string;
  /** Related links given by the source (front matter, HTML "Related" blocks). */
  links: ArticleLink[];
  /** Where it came from: a file path or URL, for messages. */
  source: string;
  /** Who wrote it, when the source says (page metadata, feed item). */
  author?: string;
}
