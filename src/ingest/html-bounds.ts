import { Parser } from 'htmlparser2';
import { DigestError } from '../errors.ts';

/** How much structure one HTML page (or feed item) may have before extraction refuses it. */
export interface HtmlBounds {
  /** Deepest nesting of elements read. */
  maxDepth: number;
  /** Elements read in all. */
  maxElements: number;
}

/**
 * Counts the elements and the nesting depth of an HTML document with a streaming tokenizer
 * (linear in its size, no tree built) and throws PAGE_TOO_COMPLEX at the first element past
 * a bound. It runs before the DOM is built: Readability's work grows with the square of the
 * depth and linkedom's tree building worse than linearly, so the bound must come first.
 */
export function checkHtmlBounds(html: string, bounds: HtmlBounds, source: string): void {
  let depth = 0;
  let elements = 0;
  const refuse = (what: string, limit: number) =>
    new DigestError(
      'PAGE_TOO_COMPLEX',
      `${source}: the page ${what}; article pages stay far below that, so it is not read`,
      { data: { url: source, limit } },
    );
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        elements++;
        if (depth > bounds.maxDepth)
          throw refuse(`nests elements more than ${bounds.maxDepth} deep`, bounds.maxDepth);
        if (elements > bounds.maxElements)
          throw refuse(`has more than ${bounds.maxElements} elements`, bounds.maxElements);
      },
      // Void elements and implied ends (<p> closed by the next <p>) are reported here too.
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
}
