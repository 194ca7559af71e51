/** One mail of a mailbox stream, or the note that one was too large to keep. */
export type MailboxItem = { mail: Buffer } | { tooLarge: number };

/**
 * The "From " line that starts each mail of an mbox (and that Postfix's local delivery puts
 * before a mail piped to a command): `From sender Thu Jan  4 10:00:00 2024`.
 */
const POSTMARK = /^From \S*\s+[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]?\d \d{1,2}:\d\d/;
const NEWLINE = 0x0a;

/**
 * Splits a stream into mails: an mbox (mails after "From " postmark lines, `>From ` quoting
 * undone as mboxrd writes it) or, when the stream does not start with a postmark, a single
 * mail. Memory holds one mail at a time: a mail past `maxBytes` is dropped (reported as
 * tooLarge with its size) and the stream read on to the next postmark. A postmark line only
 * starts a mail after a blank line, so a quoted "From " in a body never splits it.
 */
export async function* splitMailbox(
  input: AsyncIterable<Buffer>,
  maxBytes: number,
): AsyncGenerator<MailboxItem> {
  let carry: Buffer = Buffer.alloc(0);
  let mbox: boolean | null = null;
  let parts: Buffer[] = [];
  let size = 0;
  let oversize = false;
  let previousBlank = true;
  const finish = (): MailboxItem | null => {
    const item: MailboxItem | null = oversize
      ? { tooLarge: size }
      : size > 0
        ? { mail: Buffer.concat(parts, size) }
        : null;
    parts = [];
    size = 0;
    oversize = false;
    return item;
  };
  const add = (line: Buffer) => {
    size += line.length;
    if (oversize) return;
    if (size > maxBytes) {
      oversize = true;
      parts = [];
    } else parts.push(line);
  };
  for await (const chunk of input) {
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(NEWLINE, start); end >= 0; end = data.indexOf(NEWLINE, start)) {
      const line = data.subarray(start, end + 1);
      start = end + 1;
      mbox ??= isPostmark(line);
      if (mbox && previousBlank && isPostmark(line)) {
        const item = finish();
        if (item) yield item;
        previousBlank = false;
        continue;
      }
      previousBlank = line.length <= 2 && (line.length === 1 || line[0] === 0x0d);
      add(mbox ? unquoteFrom(line) : line);
    }
    carry = data.subarray(start);
    // A single line longer than the limit: the mail is too large either way, keep only a little.
    if (carry.length > maxBytes) {
      add(carry);
      carry = Buffer.alloc(0);
    }
  }
  if (carry.length > 0) add(mbox === null || !isPostmark(carry) ? carry : Buffer.alloc(0));
  const last = finish();
  if (last) yield last;
}

function isPostmark(line: Buffer): boolean {
  return line.length > 5 && line[0] === 0x46 && POSTMARK.test(line.subarray(0, 80).toString('latin1'));
}

/** mboxrd: a body line `>From ` (any number of `>`) was written with one `>` more. */
function unquoteFrom(line: Buffer): Buffer {
  if (line[0] !== 0x3e) return line;
  let i = 0;
  while (line[i] === 0x3e) i++;
  return line.subarray(i, i + 5).toString('latin1') === 'From ' ? line.subarray(1) : line;
}
