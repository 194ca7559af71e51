/** Where a quotation sits in its paragraph, before any attribution. */
export interface QuoteSpan {
  paragraph: number;
  /** Offset of the opening mark, or -1 when the mark is missing (the quote starts a sentence). */
  open: number;
  /** Offset of the closing mark, or -1 when the quote runs to the end of the paragraph. */
  close: number;
  /** First and last offsets of the quoted words. */
  start: number;
  end: number;
}

const DOUBLE_MARKS = new Set(['"', '“', '”', '„', '‟', '«', '»', '〝', '〞', '＂']);
const OPENING_GLYPHS = new Set(['“', '„', '‟', '«', '〝']);
const CLOSING_GLYPHS = new Set(['”', '»', '〞']);
// More marks than this in one paragraph is not prose: stop pairing there.
const MAX_MARKS_PER_PARAGRAPH = 200;

/**
 * Finds the quotations of one paragraph from its double quote marks. The direction of
 * a mark is read from its surroundings rather than its glyph, because real articles
 * use the wrong glyph (`head.“, Said`) or none at all; a closing mark with no opening
 * one starts the quote at the beginning of the sentence run it ends.
 */
export function findQuoteSpans(text: string, paragraph: number): QuoteSpan[] {
  if (!HAS_DOUBLE.test(text)) return HAS_SINGLE.test(text) ? findSingleQuoteSpans(text, paragraph) : [];
  const spans: QuoteSpan[] = [];
  let open = -1;
  let lastClose = -1;
  let marks = 0;
  for (let i = 0; i < text.length && marks < MAX_MARKS_PER_PARAGRAPH; i++) {
    const ch = text[i] ?? '';
    if (!DOUBLE_MARKS.has(ch)) continue;
    marks++;
    const opens = markOpens(text, i, open >= 0);
    if (opens && open < 0) {
      open = i;
    } else if (!opens && open >= 0) {
      spans.push(makeSpan(text, paragraph, open, i));
      open = -1;
      lastClose = i;
    } else if (!opens) {
      spans.push(makeSpan(text, paragraph, -1, i, orphanStart(text, lastClose)));
      lastClose = i;
    } else {
      // A second opening mark: the first quote lost its closing mark before this one.
      spans.push(makeSpan(text, paragraph, open, i));
      open = i;
    }
  }
  if (open >= 0) spans.push(makeSpan(text, paragraph, open, -1));
  return spans.filter((span) => span.end > span.start);
}

const HAS_DOUBLE = /["“”„‟«»〝〞＂]/;
const HAS_SINGLE = /['‘’‚‹›]/;
const SINGLE_MARKS = /['‘’‚‹›]/g;

/**
 * British style ('We will fight on,' he said) in paragraphs without double marks. Stricter
 * than double marks because the same glyph is an apostrophe: a mark between letters is
 * one, and a quote needs both its marks.
 */
function findSingleQuoteSpans(text: string, paragraph: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let marks = 0;
  for (const match of text.matchAll(SINGLE_MARKS)) {
    if (++marks > MAX_MARKS_PER_PARAGRAPH) break;
    const i = match.index;
    const before = i > 0 ? (text[i - 1] ?? '') : '';
    const after = text[i + 1] ?? '';
    if (/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) continue;
    const opens = (before === '' || /[\s([—–]/.test(before)) && /[\p{L}\p{N}“"…]/u.test(after);
    const closes = before !== '' && !/\s/.test(before) && (after === '' || /[\s.,;:!?)\]—–]/.test(after));
    if (opens && open < 0) open = i;
    else if (closes && open >= 0) {
      spans.push(makeSpan(text, paragraph, open, i));
      open = -1;
    }
  }
  // "Henry said: ‘We’re delighted ... for the first time." (the next paragraph reopens it): a quote
  // opened at the start or after a colon and never closed is one paragraph of a longer quote.
  if (open >= 0 && (open === 0 || /:\s*$/.test(text.slice(0, open))))
    spans.push(makeSpan(text, paragraph, open, -1));
  return spans.filter((span) => span.end > span.start);
}

function markOpens(text: string, i: number, isOpen: boolean): boolean {
  const ch = text[i] ?? '';
  const before = i > 0 ? (text[i - 1] ?? '') : '';
  const after = text[i + 1] ?? '';
  const spaceBefore = before === '' || /[\s([{—–/-]/.test(before);
  const spaceAfter = after === '' || /\s/.test(after);
  // “...Insya-Allah, following ...”: an ellipsis may open a quote.
  if (spaceBefore && !spaceAfter) return !/[,.;:!?)]/.test(after) || /^(?:\.{3}|…)/.test(text.slice(i + 1));
  if (!spaceBefore && spaceAfter) return false;
  if (!spaceBefore && !spaceAfter) {
    if (/[.,!?;…]/.test(before) || /[,.;:!?)]/.test(after)) return false;
    if (before === ':') return true;
  }
  if (OPENING_GLYPHS.has(ch)) return true;
  if (CLOSING_GLYPHS.has(ch)) return false;
  return !isOpen;
}

/** Where a quote with a missing opening mark starts: the paragraph start, or the sentence after the last quote. */
function orphanStart(text: string, lastClose: number): number {
  if (lastClose < 0) return 0;
  const rest = text.slice(lastClose + 1);
  const boundary = /[.!?]\s+(?=["“\p{Lu}])/u.exec(rest);
  return boundary ? lastClose + 1 + boundary.index + boundary[0].length : text.length;
}

function makeSpan(text: string, paragraph: number, open: number, close: number, from = 0): QuoteSpan {
  let start = open >= 0 ? open + 1 : from;
  let end = close >= 0 ? close : text.length;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { paragraph, open, close, start, end };
}
