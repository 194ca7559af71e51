import type { Page } from 'playwright-core';

/** What a page's layout gets wrong at its viewport's width. */
export interface LayoutProblems {
  /** document.documentElement.scrollWidth: above the viewport, the page scrolls sideways. */
  scrollWidth: number;
  /**
   * Elements that stick out of the viewport, or whose content is wider than their box (a
   * table cut in an `overflow-x:auto` box: the page does not scroll, the table does).
   */
  overflowing: string[];
  /**
   * Words (runs of letters and digits) split over two lines. Addresses and ids may be
   * (they are marked `.addr`), and code; prose and labels may not.
   */
  brokenWords: string[];
}

/**
 * Measures the page as laid out now, in the browser. Form fields and frames are left out (a
 * long value scrolls inside its field), and so is what is hidden (the visually hidden header
 * row of a stacked table, the honeypot).
 */
export function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const hidden = (el: Element): boolean => {
      for (let at: Element | null = el; at; at = at.parentElement) {
        if (at.matches('[aria-hidden="true"], .hp, iframe')) return true;
        const box = at.getBoundingClientRect();
        const style = getComputedStyle(at);
        if (style.display === 'none' || style.visibility === 'hidden') return true;
        if (style.overflow === 'hidden' && (box.width <= 1 || box.height <= 1)) return true;
      }
      return false;
    };
    const overflowing: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.matches('input, textarea, select, iframe, option') || hidden(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > viewport + 1 || box.left < -1)
        overflowing.push(`${name(el)} spans ${Math.round(box.left)}-${Math.round(box.right)} px`);
      else if (el instanceof HTMLElement && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        overflowing.push(`${name(el)} holds ${el.scrollWidth} px in ${el.clientWidth} px`);
    }
    const brokenWords: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('.addr, code, pre, script, style, textarea') || hidden(parent)) continue;
      for (const word of (node.textContent ?? '').matchAll(/[\p{L}\p{N}]+/gu)) {
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        if (lines.size > 1) brokenWords.push(`"${word[0]}" in ${name(parent)}`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, overflowing, brokenWords };
  });
}
