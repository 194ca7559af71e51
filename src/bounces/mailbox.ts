/**
 * One mail of a mailbox stream: its first bytes (at most `keepBytes`) and its whole size, or
 * the note that it was too large to read at all.
 */
export type MailboxItem = { mail: Buffer; size: number } | { tooLarge: number };

/** Limits of splitMailbox. */
export interface SplitLimits {
  /** Bytes of each mail kept (the readers look at no more); the rest is counted, not kept. */
  keepBytes: number;
  /** A mail larger than this is reported as tooLarge, not read. */
  maxBytes: number;
}

/**
 * The "From " line that starts each mail of an mbox (and that Postfix's local delivery puts
 * before a mail piped to a command): `From sender Thu Jan  4 10:00:00 2024`.
 */
const POSTMARK = /^From \S*\s+[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]?\d \d{1,2}:\d\d/;
const NEWLINE = 0x0a;
/** A postmark is short; a longer line is never one (and is never copied to be tested). */
const MAX_POSTMARK = 1000;
const EMPTY = Buffer.alloc(0);

/**
 * Splits a stream into mails: an mbox (mails after "From " postmark lines, `>From ` quoting
 * undone as mboxrd writes it) or, when the stream does not start with a postmark, a single
 * mail. Memory holds the first `keepBytes` of one mail, in one buffer, whatever the mail's
 * shape (a million short lines cost what one long line does): the rest of the mail is only
 * counted, and a mail past `maxBytes` is reported as tooLarge with its size. A postmark line
 * only starts a mail after a blank line, so a quoted "From " in a body never splits it.
 */
export async function* splitMailbox(
  input: AsyncIterable<Buffer>,
  limits: SplitLimits,
): AsyncGenerator<MailboxItem> {
  const mail = new MailBuffer(limits.keepBytes);
  let mbox: boolean | null = null;
  let previousBlank = true;
  // The start of a line split across chunks waits here, up to a postmark's length: a line is
  // tested as a postmark only when it is short, so a long line goes into the mail in pieces.
  let head: Buffer = EMPTY;
  let inLongLine = false;
  const finish = (): MailboxItem | null => {
    const size = mail.size;
    const item = size > limits.maxBytes ? { tooLarge: size } : size > 0 ? { mail: mail.take(), size } : null;
    mail.reset();
    return item;
  };
  for await (const chunk of input) {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE, start); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end + 1);
      start = end + 1;
      if (inLongLine) {
        mail.append(piece);
        inLongLine = false;
        previousBlank = false;
        continue;
      }
      const line = head.length > 0 ? Buffer.concat([head, piece]) : piece;
      head = EMPTY;
      mbox ??= isPostmark(line);
      if (mbox && previousBlank && isPostmark(line)) {
        const item = finish();
        if (item) yield item;
        previousBlank = false;
        continue;
      }
      previousBlank = line.length <= 2 && (line.length === 1 || line[0] === 0x0d);
      mail.append(mbox ? unquoteFrom(line) : line);
    }
    const rest = chunk.subarray(start);
    if (inLongLine) mail.append(rest);
    else if (head.length + rest.length <= MAX_POSTMARK) head = Buffer.concat([head, rest]);
    else {
      const started = head.length > 0 ? Buffer.concat([head, rest]) : rest;
      mbox ??= false;
      mail.append(mbox ? unquoteFrom(started) : started);
      head = EMPTY;
      inLongLine = true;
    }
  }
  // The last line, without a newline: a postmark there starts an empty mail, which is none.
  if (head.length > 0 && !(mbox && previousBlank && isPostmark(head)))
    mail.append(mbox ? unquoteFrom(head) : head);
  const last = finish();
  if (last) yield last;
}

/** The first bytes of one mail in one growing buffer, and how many bytes it had in all. */
class MailBuffer {
  private bytes: Buffer = EMPTY;
  private kept = 0;
  /** Bytes of the mail so far, kept or not. */
  size = 0;

  constructor(private readonly keepBytes: number) {}

  append(data: Buffer): void {
    this.size += data.length;
    const room = Math.min(data.length, this.keepBytes - this.kept);
    if (room <= 0) return;
    if (this.kept + room > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.min(this.keepBytes, Math.max(64 * 1024, 2 * (this.kept + room))));
      this.bytes.copy(grown, 0, 0, this.kept);
      this.bytes = grown;
    }
    data.copy(this.bytes, this.kept, 0, room);
    this.kept += room;
  }

  /** A copy of the kept bytes: the buffer is reused for the next mail. */
  take(): Buffer {
    return Buffer.from(this.bytes.subarray(0, this.kept));
  }

  reset(): void {
    this.kept = 0;
    this.size = 0;
  }
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
