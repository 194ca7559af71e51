/** Fields of one header block: lower-case names, unfolded values; a repeated name keeps each value. */
export type FieldBlock = Map<string, string[]>;

/** Limits of parseFieldBlocks: what a hostile report can make us hold. */
export interface FieldBlockLimits {
  /** Characters read; the rest is ignored. Default 64 KiB. */
  maxChars?: number;
  /** Blocks kept (a DSN: one per-message block and one per recipient). Default 50. */
  maxBlocks?: number;
  /** Fields kept per block. Default 100. */
  maxFields?: number;
  /** Characters kept per value. Default 2,000. */
  maxValue?: number;
}

/**
 * Reads header blocks as message/delivery-status (RFC 3464 section 2.1), message/
 * feedback-report (RFC 5965) and a header section (RFC 5322) write them: `Name: value` lines,
 * folded onto lines that start with white space, blocks separated by blank lines. Bounded by
 * `limits` in every direction, and linear in the input: safe on any input.
 */
export function parseFieldBlocks(text: string, limits: FieldBlockLimits = {}): FieldBlock[] {
  const maxBlocks = limits.maxBlocks ?? 50;
  const maxFields = limits.maxFields ?? 100;
  const maxValue = limits.maxValue ?? 2000;
  const blocks: FieldBlock[] = [];
  let block: FieldBlock | null = null;
  let fields = 0;
  let last: { values: string[]; index: number } | null = null;
  for (const line of text.slice(0, limits.maxChars ?? 65_536).split(/\r?\n/)) {
    if (line.trim() === '') {
      block = null;
      last = null;
      continue;
    }
    if (/^[ \t]/.test(line)) {
      // A folded continuation of the last field.
      if (last) {
        const values = last.values;
        values[last.index] = `${values[last.index]} ${line.trim()}`.slice(0, maxValue);
      }
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    if (!block) {
      if (blocks.length >= maxBlocks) break;
      block = new Map();
      fields = 0;
      blocks.push(block);
    }
    if (fields >= maxFields) {
      last = null;
      continue;
    }
    fields++;
    const name = line.slice(0, colon).trim().toLowerCase();
    const values = block.get(name) ?? [];
    values.push(
      line
        .slice(colon + 1)
        .trim()
        .slice(0, maxValue),
    );
    block.set(name, values);
    last = { values, index: values.length - 1 };
  }
  return blocks;
}

/** The first value of a field, or null. */
export function field(block: FieldBlock | undefined, name: string): string | null {
  return block?.get(name)?.[0] ?? null;
}

/**
 * The header section of a message (up to the first blank line) as one block: for the
 * returned original in a DSN (message/rfc822 or text/rfc822-headers) and an ARF report.
 */
export function parseHeaderSection(message: string, maxChars = 65_536): FieldBlock {
  const head = message.slice(0, maxChars);
  const end = head.search(/\r?\n\r?\n/);
  return parseFieldBlocks(end < 0 ? head : head.slice(0, end), { maxChars, maxFields: 200 })[0] ?? new Map();
}

/** What ends an address in a field: white space, angle brackets, `;` and quotes. */
const ADDRESS_DELIMITERS = /[\s<>;"]+/;

/**
 * The address of a typed address field: `rfc822; user@example.org` (RFC 3464), a bare or
 * bracketed address; lower case. The address at the end of the value, else the first one in
 * it. null when it holds no address. Split on delimiters, never matched by a backtracking
 * pattern: linear in the value whatever it holds (`rfc822; a@a@a@…` cost seconds that way).
 */
export function addressOf(value: string | null): string | null {
  if (!value) return null;
  const typed = /^\s*([a-z0-9-]+)\s*;\s*(.*)$/i.exec(value);
  const text = (typed ? (typed[2] ?? '') : value).trim();
  const candidates = text.split(ADDRESS_DELIMITERS).filter(looksLikeAddress);
  const last = candidates.at(-1);
  const atEnd = last !== undefined && (text.endsWith(last) || text.endsWith(`${last}>`));
  const found = atEnd ? last : candidates[0];
  return found ? trimTrailingPunctuation(found).toLowerCase() : null;
}

/** Something, an @, something. */
function looksLikeAddress(token: string): boolean {
  const at = token.indexOf('@', 1);
  return at > 0 && at < token.length - 1;
}

function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1] === ',')) end--;
  return text.slice(0, end);
}
