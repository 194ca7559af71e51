import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import type { BounceOutcome } from '../bounces/apply-rules.ts';
import { type BounceContext, bounceContext, ingestBounceStream } from '../bounces/ingest.ts';
import { resolveUnsubscribeSecret } from '../deliver/unsubscribe-token.ts';
import { DigestError } from '../errors.ts';
import { formatBounceCounts } from './bounce-format.ts';
import { stdoutDrained } from './closed-stdout.ts';
import { summaryOf } from './commands.ts';
import { openStoreContext, type StoreContext } from './store-context.ts';

/** sysexits' EX_TEMPFAIL: a mail server keeps the mail and pipes it again later. */
const EX_TEMPFAIL = 75;

/** `digest bounces ingest [FILE|-]` and `digest bounces stats [--json]` */
export function registerBounces(program: Command): void {
  const cmd = program.command('bounces').description(summaryOf('bounces'));
  cmd
    .command('ingest')
    .argument('[file]', 'one mail as received, or an mbox of many; default: standard input', '-')
    .description('read bounce mails piped from the bounce mailbox and apply the bounce rules')
    .addHelpText(
      'after',
      [
        '',
        'Prints one line per mail. Exits 0 once every mail is recorded, also when a mail changed nothing',
        '(an auto-reply, an unreadable mail, a forged token: counted, see `digest bounces stats`), and 75',
        '(EX_TEMPFAIL: the mail server tries again later) when the database cannot be written.',
        'Example alias (Postfix, /etc/aliases, with recipient_delimiter = +):',
        '  bounces: "|cd /srv/article-digest && ./bin/digest bounces ingest"',
      ].join('\n'),
    )
    .action(async (file: string) => {
      const input = file === '-' ? process.stdin : openFile(file);
      const ctx = await openStoreContext().catch(tempFail);
      try {
        // Everything that touches the store is a temporary failure, the secret's look-up too
        // (it writes the secret on a new database): a locked or unreachable database exit 75.
        await ingestAll(ctx, input).catch(tempFail);
      } finally {
        await ctx.close();
      }
    });
  cmd
    .command('stats')
    .description('every bounce report recorded, by kind (unmatched and forged ones changed nothing)')
    .option('--json', 'print one JSON object')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await openStoreContext();
      try {
        const counts = await ctx.store.bounces.counts();
        process.stdout.write(
          opts.json ? `${JSON.stringify(counts, null, 2)}\n` : `${formatBounceCounts(counts)}\n`,
        );
      } finally {
        await ctx.close();
      }
    });
}

/** Ingests every mail of the input, one line each, and a count when there were several. */
async function ingestAll(ctx: StoreContext, input: AsyncIterable<Buffer>): Promise<void> {
  const tally = new Map<string, number>();
  const count = await ingestBounceStream(await contextOf(ctx), input, (outcome) => {
    tally.set(label(outcome), (tally.get(label(outcome)) ?? 0) + 1);
    return write(`${outcome.summary}\n`);
  });
  if (count !== 1)
    await write(`${count} mail(s): ${[...tally].map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}\n`);
}

async function contextOf(ctx: StoreContext): Promise<BounceContext> {
  return bounceContext(ctx.config, ctx.store, await resolveUnsubscribeSecret(ctx.config, ctx.store));
}

function label(outcome: BounceOutcome): string {
  const { kind, matchedBy } = outcome.event;
  if (matchedBy === 'forged' || matchedBy === 'unmatched') return matchedBy;
  return kind;
}

function openFile(file: string): AsyncIterable<Buffer> {
  const stream = createReadStream(file);
  stream.on('error', () => undefined);
  return (async function* () {
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (cause) {
      throw new DigestError('USAGE', `cannot read ${file} (${(cause as NodeJS.ErrnoException).code})`, {
        cause,
      });
    }
  })();
}

/** A store failure keeps the mail with the mail server (exit 75); a usage error stays one. */
function tempFail(error: unknown): never {
  if (error instanceof DigestError && error.code === 'USAGE') throw error;
  const code = error instanceof DigestError ? error.code : 'STORE_FAILED';
  const message = `${(error as Error).message}; the mail server should keep the mail and try again`;
  throw new DigestError(code, message, { cause: error, data: { exitCode: EX_TEMPFAIL } });
}

function write(text: string): Promise<void> | undefined {
  if (process.stdout.write(text)) return undefined;
  return stdoutDrained();
}
