import { findDateMentions } from './dates.ts';
import type { ScheduleEntry } from './schedule.ts';

// Tables of fixtures, hearings and sittings: a Markdown row ("| Round 3 | Sat 14 Mar | Hawks v
// Rovers | Quayside Park |") or a line of cells split by bars ("Round 3 | Sat 14 Mar | ..."), one
// event a row, its columns named by a header row when there is one. As sure as a listing.
const TABLE_CONFIDENCE = 0.9;
const MAX_ROW_CHARS = 200;
const MAX_CELL_WORDS = 12;

const PLACE_COLUMN = /^(?:venue|ground|stadium|arena|location|where|place|city|court|room|theatre|hall)s?$/i;
const TITLE_COLUMN =
  /^(?:match|fixture|game|event|what|item|business|show|hearing|case|stage|teams?|opponents?|description|details)$/i;
const VERSUS = /\s(?:v|vs\.?|versus)\s/i;
// A cell that only counts rows: "Round 3", "Week 12", "#4".
const ORDINAL_CELL = /^(?:round|week|day|game|match|stage|leg|rd|wk|no\.?|#)\s*\d+$/i;

/** The cells of a row, or null for a line that is no row of a table. */
function splitRow(text: string): string[] | null {
  if (text.length > MAX_ROW_CHARS) return null;
  const inner = /^\|(.*)\|$/.exec(text.trim())?.[1] ?? (/\s\|\s.*\s\|\s/.test(text) ? text : null);
  if (inner === null) return null;
  const cells = inner.split('|').map((c) => c.trim());
  return cells.length >= 2 ? cells : null;
}

/** A cell that is a date and nothing else: its day (and range). */
function readDateCell(cell: string, published: string): { date: string; endDate: string | null } | null {
  const mention = findDateMentions(cell, published, () => false)[0];
  if (!mention?.date || mention.start > 0 || cell.slice(mention.end).replace(/[\s,.]/g, '').length > 0)
    return null;
  return { date: mention.date, endDate: mention.endDate };
}

/** Every row of a table with a date cell, by paragraph index; a header row maps to none. */
export function readTableRows(
  paragraphs: readonly string[],
  published: string,
): Map<number, ScheduleEntry[]> {
  const found = new Map<number, ScheduleEntry[]>();
  let header: string[] | null = null;
  let headerAt = -1;
  paragraphs.forEach((paragraph, index) => {
    const cells = splitRow(paragraph);
    if (!cells) {
      header = null;
      return;
    }
    const dateAt = cells.findIndex((cell) => readDateCell(cell, published) !== null);
    if (dateAt < 0) {
      // A row of short words without a date names the columns below it.
      header = cells.every((c) => c.split(/\s+/).length <= 3) ? cells : null;
      headerAt = header ? index : -1;
      return;
    }
    const day = readDateCell(cells[dateAt] ?? '', published);
    if (!day) return;
    if (headerAt >= 0) found.set(headerAt, []);
    if (day.date < published) {
      found.set(index, []);
      return;
    }
    const named = (test: RegExp) => {
      const at = header ? header.findIndex((h) => test.test(h)) : -1;
      return at >= 0 && at !== dateAt ? (cells[at] ?? null) : null;
    };
    const others = cells.filter(
      (c, i) =>
        i !== dateAt && c.length > 0 && !ORDINAL_CELL.test(c) && c.split(/\s+/).length <= MAX_CELL_WORDS,
    );
    const title = named(TITLE_COLUMN) ?? others.find((c) => VERSUS.test(c)) ?? others[0] ?? null;
    // Without a header the place is the last cell, after the event's own.
    const place =
      named(PLACE_COLUMN) ?? (header ? null : others.length >= 2 ? (others.at(-1) ?? null) : null);
    if (!title) return;
    found.set(index, [
      {
        title,
        date: day.date,
        endDate: day.endDate,
        time: null,
        location: place && place !== title ? place : null,
        confidence: TABLE_CONFIDENCE,
      },
    ]);
  });
  return found;
}
