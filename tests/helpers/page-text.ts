/** Elements inside a line of text: dropped without a space, as a browser shows them. */
const INLINE = /<\/?(?:a|span|wbr|time|strong|em|b|code)\b[^>]*>/g;

/** A page's text as a person reads it: tags dropped, entities the pages use decoded, spaces folded. */
export function pageText(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(INLINE, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
