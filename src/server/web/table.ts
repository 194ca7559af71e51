import { escapeHtml } from '../../render/personalize.ts';

/** One cell: its HTML (already escaped), or that with a class (`addr` for an address or an id). */
export type TableCell = string | { html: string; className: string };

/** A table of the kit: its column headings and rows. */
export interface TableView {
  /** The column headings, plain text: each cell is labelled with its own when rows stack. */
  head: readonly string[];
  rows: readonly (readonly TableCell[])[];
  /** The first cell of each row heads the row (`<th scope="row">`). Default false. */
  rowHeaders?: boolean;
}

/**
 * A table that fits any screen without sideways scrolling: as usual on a wide one; on a narrow
 * one (TABLE_STYLE) each row stacks into a block of "heading value" lines, with CSS only. The
 * ARIA roles keep it a table for screen readers once CSS changes its display.
 */
export function renderTable(view: TableView): string {
  const head = view.head.map((h) => `<th role="columnheader" scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = view.rows
    .map((row) => {
      const cells = row.map((cell, i) =>
        renderCell(cell, view.head[i] ?? '', view.rowHeaders === true && i === 0),
      );
      return `<tr role="row">${cells.join('')}</tr>`;
    })
    .join('');
  return `<table class="fit" role="table"><thead role="rowgroup"><tr role="row">${head}</tr></thead><tbody role="rowgroup">${rows}</tbody></table>`;
}

function renderCell(cell: TableCell, label: string, isRowHeader: boolean): string {
  const { html, className } = typeof cell === 'string' ? { html: cell, className: '' } : cell;
  const klass = className ? ` class="${escapeHtml(className)}"` : '';
  if (isRowHeader) return `<th role="rowheader" scope="row"${klass}>${html}</th>`;
  // The content in its own box: beside the label (a grid of two), however many parts it has.
  const inner = html === '' ? '' : `<div>${html}</div>`;
  return `<td role="cell" data-label="${escapeHtml(label)}"${klass}>${inner}</td>`;
}

/**
 * The tables' CSS: words wrap at their boundaries (an `.addr` cell anywhere); at 40rem and
 * below, rows stack, each cell a line "label value", the header row hidden from the eye but
 * not from screen readers. Colours come from `--line` and `--muted` where a page sets them.
 */
export const TABLE_STYLE = `
table.fit{border-collapse:collapse;width:100%}
table.fit th,table.fit td{text-align:left;vertical-align:top;overflow-wrap:break-word}
table.fit .addr{overflow-wrap:anywhere}
@media (max-width:40rem){
table.fit,table.fit tbody,table.fit tr,table.fit td,table.fit th[scope=row]{display:block;width:auto}
table.fit thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
table.fit tr{padding:.4rem 0;border-bottom:1px solid var(--line,#d0d7de)}
table.fit th[scope=row]{border:0;padding:.1rem 0}
table.fit td{display:grid;grid-template-columns:minmax(0,6.5rem) minmax(0,1fr);gap:0 .75rem;border:0;padding:.1rem 0}
table.fit td:empty{display:none}
table.fit td::before{content:attr(data-label);font-weight:600;color:var(--muted,#57606a)}
}`;
