const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
/** Elements whose text is never article text. */
const SKIPPED = new Set([
  'button',
  'canvas',
  'form',
  'iframe',
  'input',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
]);

/**
 * The text of an HTML subtree as paragraphs separated by blank lines, the shape the
 * analysis reads: block elements end paragraphs, `<br>` ends a line, whitespace collapses.
 */
export function htmlToText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current
      .split('\n')
      .map((line) => line.replace(/[ \t\f\r\u00a0]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    if (text) paragraphs.push(text);
    current = '';
  };
  // A stack, not recursion: a page of deeply nested elements cannot overflow the call stack.
  const stack: (Node | 'end')[] = [root];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === 'end') {
      flush();
    } else if (item.nodeType === TEXT_NODE) {
      current += (item.textContent ?? '').replace(/\s+/g, ' ');
    } else if (item.nodeType === ELEMENT_NODE) {
      const name = (item as Element).localName.toLowerCase();
      if (name === 'br') current += '\n';
      else if (!SKIPPED.has(name)) {
        if (BLOCKS.has(name)) {
          flush();
          stack.push('end');
        }
        stack.push(...Array.from(item.childNodes).reverse());
      }
    }
  }
  flush();
  return paragraphs.join('\n\n');
}
