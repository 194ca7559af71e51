import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { type UnsubscribeOutcome, unsubscribeAddress } from '../deliver/unsubscribe-address.ts';
import { unsubscribeByMail } from '../deliver/unsubscribe-mail.ts';
import { resolveUnsubscribeSecret } from '../deliver/unsubscribe-token.ts';
import { DigestError } from '../errors.ts';
import { listWords } from '../list-words.ts';
import { checkEmailAddress, normalizeEmailAddress } from '../store/email-address.ts';
import type { SubscriberEvent } from '../store/history.ts';
import type { DigestStore, SubscriberStatus } from '../store/store.ts';
import { exportSubscribersCsv, importSubscribersCsv } from '../store/subscriber-csv.ts';
import { subscriberFieldProblem } from '../store/subscriber-fields.ts';
import { escapeTerminal } from '../terminal-text.ts';
import { describeBounceReason } from './bounce-format.ts';
import { stdoutDrained } from './closed-stdout.ts';
import { summaryOf } from './commands.ts';
import { operatorName } from './operator.ts';
import { parseRecipient } from './recipient.ts';
import { withStoreContext } from './store-context.ts';

const STATUSES = new Set<SubscriberStatus>(['active', 'unconfirmed', 'unsubscribed', 'bounced']);
/** What --status takes, said from STATUSES, so help and errors cannot forget one. */
const STATUS_WORDS = listWords([...STATUSES]);

const OUTCOME_WORDS: Record<UnsubscribeOutcome, string> = {
  unsubscribed: 'unsubscribed',
  'already-unsubscribed': 'already unsubscribed',
  'not-on-list': 'not on the list',
};

/** `digest subscribers add|remove|import|export|list|count` */
export function registerSubscribers(program: Command): void {
  const cmd = program.command('subscribers').description(summaryOf('subscribers'));
  cmd
    .command('add')
    .argument('<address>', 'email address, or "Name <address>"')
    .option('--name <name>', 'the subscriber name (for the greeting)')
    .option(
      '--force-resubscribe',
      'make an address that unsubscribed or bounced active again (recorded in its history as forced by you)',
    )
    .action(async (address: string, opts: { name?: string; forceResubscribe?: boolean }) => {
      const recipient = parseRecipient(address);
      const email = readAddress(recipient.email);
      const name = readName(opts.name ?? recipient.name);
      await withStoreContext(async (ctx) => {
        const actor = operatorName();
        const { created, subscriber } = await ctx.store.addSubscriber(email, name, { source: 'cli', actor });
        if (created || subscriber.status === 'active') {
          process.stdout.write(`${created ? 'added' : 'already subscribed'}: ${subscriber.email}\n`);
          return;
        }
        if (subscriber.status === 'unconfirmed') {
          // A sign-up that was never confirmed: the operator's add is the consent now, and says so.
          await ctx.store.setSubscriberStatus(email, 'active', {
            source: 'cli',
            kind: 'subscribed',
            actor,
            note: 'subscribers add of a sign-up not confirmed by its link',
          });
          process.stdout.write(`added (its sign-up was not confirmed): ${subscriber.email}\n`);
          return;
        }
        if (!opts.forceResubscribe)
          throw leftError(subscriber.email, subscriber.status, subscriber.updatedAt);
        await ctx.store.setSubscriberStatus(email, 'active', {
          source: 'cli',
          kind: 'status-forced',
          actor,
          note: `subscribers add --force-resubscribe (was ${subscriber.status})`,
        });
        process.stdout.write(
          `resubscribed by --force-resubscribe (was ${subscriber.status}; recorded in its history): ${subscriber.email}\n`,
        );
      });
    });
  cmd
    .command('unsubscribe-mail')
    .argument('[file]', 'the mail as received (RFC 5322); default: standard input', '-')
    .description(
      'act on a mail sent to the List-Unsubscribe mailto address (a pipe target for your mail server)',
    )
    .addHelpText(
      'after',
      '\nThe subject carries the subscriber\'s signed token; without a valid one nobody is unsubscribed\nand the exit status is 1. Example alias (Postfix, /etc/aliases):\n  unsubscribe: "|cd /srv/article-digest && node bin/digest.js subscribers unsubscribe-mail"',
    )
    .action(async (file: string) => {
      const message = file === '-' ? await readStdin() : await readFile(file);
      await withStoreContext(async (ctx) => {
        const secret = await resolveUnsubscribeSecret(ctx.config, ctx.store);
        const { email, outcome } = await unsubscribeByMail(message, ctx.store, secret);
        process.stdout.write(`${OUTCOME_WORDS[outcome]}: ${email}\n`);
      });
    });
  cmd
    .command('remove')
    .argument('<address>')
    .description('unsubscribe an address (kept, so it is never mailed again)')
    .action(async (address: string) => {
      const email = parseRecipient(address).email;
      await withStoreContext(async (ctx) => {
        const outcome = await unsubscribeAddress(ctx.store, email, { source: 'cli', actor: operatorName() });
        if (outcome === 'not-on-list')
          throw new DigestError('SUBSCRIBER_INVALID', `${email} is not on the list`);
        process.stdout.write(`${OUTCOME_WORDS[outcome]}: ${normalizeEmailAddress(email)}\n`);
      });
    });
  cmd
    .command('history')
    .argument('<address>')
    .description("an address's status changes and consent facts, oldest first")
    .option('--json', 'print a JSON array')
    .action(async (address: string, opts: { json?: boolean }) => {
      const email = parseRecipient(address).email;
      await withStoreContext(async (ctx) => {
        const subscriber = await ctx.store.findSubscriber(email);
        if (!subscriber) throw new DigestError('SUBSCRIBER_INVALID', `${email} is not on the list`);
        const events = await ctx.store.history.list(subscriber.id);
        process.stdout.write(opts.json ? `${JSON.stringify(events, null, 2)}\n` : formatHistory(events));
      });
    });
  registerImportExport(cmd);
  cmd
    .command('list')
    .description('email, name and status, tab-separated; a bounced subscriber also has why')
    .option('--status <status>', STATUS_WORDS)
    .option('--consent', 'a fourth column: how the subscriber came to be active (kind, time, source, IP)')
    .action(async (opts: { status?: string; consent?: boolean }) => {
      const status = readStatus(opts.status);
      await withStoreContext(async (ctx) => {
        for await (const page of pages(ctx.store.listSubscribers(status), 500)) {
          const bounced = page.filter((s) => s.status === 'bounced').map((s) => s.id);
          const reasons = await ctx.store.bounces.reasons(bounced);
          for (const s of page) {
            const consent = opts.consent ? `\t${escapeTerminal(await consentRecord(ctx.store, s.id))}` : '';
            const why =
              s.status === 'bounced' ? `\t${escapeTerminal(describeBounceReason(reasons.get(s.id)))}` : '';
            const line = `${escapeTerminal(s.email)}\t${escapeTerminal(s.name ?? '')}\t${s.status}${consent}${why}\n`;
            if (!process.stdout.write(line)) await stdoutDrained();
          }
        }
      });
    });
  cmd
    .command('count')
    .option('--status <status>', STATUS_WORDS)
    .action(async (opts: { status?: string }) => {
      const status = readStatus(opts.status);
      await withStoreContext(async (ctx) => {
        process.stdout.write(`${await ctx.store.countSubscribers(status)}\n`);
      });
    });
}

function registerImportExport(cmd: Command): void {
  cmd
    .command('import')
    .argument('<file>', 'CSV with a header line: email,name (optional columns: status)')
    .description(
      'add the addresses of a CSV file; bad rows are reported with their line numbers and skipped. ' +
        'Idempotent: addresses already on the list (in any status) are left as they are: ' +
        'an import never resubscribes anyone who unsubscribed or bounced. ' +
        'Exits 1 when a row was refused.',
    )
    .action(async (file: string) => {
      await withStoreContext(async (ctx) => {
        const input = createReadStream(file);
        const report = await importSubscribersCsv(ctx.store, input, {
          onRejected: (line, reason) => process.stderr.write(`${file}:${line}: ${escapeTerminal(reason)}\n`),
          onKeptLeft: (line, email, status) =>
            process.stderr.write(
              `${file}:${line}: ${escapeTerminal(email)} ${status} before and stays ${status}: an import never resubscribes\n`,
            ),
        }).catch((cause: unknown) => {
          const code = (cause as NodeJS.ErrnoException).code;
          if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
            throw new DigestError('USAGE', `cannot read ${file} (${code})`, { cause });
          throw cause;
        });
        const kept = report.keptLeft > 0 ? ` (${report.keptLeft} unsubscribed or bounced: kept so)` : '';
        process.stdout.write(
          `${report.rows} row(s): ${report.added} added, ${report.existing} already on the list${kept}, ${report.rejected} refused\n`,
        );
        if (report.rejected > 0) process.exitCode = 1;
      });
    });
  cmd
    .command('export')
    .description('write the list as CSV (email,name,status,created_at), streamed')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--status <status>', `only ${STATUS_WORDS}`)
    .action(async (opts: { out?: string; status?: string }) => {
      const status = readStatus(opts.status);
      await withStoreContext(async (ctx) => {
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        const count = await exportSubscribersCsv(ctx.store, out, status);
        if (opts.out) {
          out.end();
          await finished(out);
          process.stderr.write(`${count} subscriber(s) written to ${opts.out}\n`);
        }
      });
    });
}

/** The address in normal form, or a SUBSCRIBER_INVALID error naming it. */
function readAddress(address: string): string {
  const checked = checkEmailAddress(address);
  if ('problem' in checked) throw new DigestError('SUBSCRIBER_INVALID', `"${address}" ${checked.problem}`);
  return checked.address;
}

function readName(name: string | null): string | null {
  const trimmed = name?.trim() || null;
  const problem = subscriberFieldProblem({ email: '', name: trimmed });
  if (problem) throw new DigestError('USAGE', `--name: ${problem}`);
  return trimmed;
}

function leftError(email: string, status: SubscriberStatus, since: string): DigestError {
  return new DigestError(
    'SUBSCRIBER_LEFT',
    `${email} ${status === 'bounced' ? 'bounced' : 'unsubscribed'} (${since}) and stays ${status}: only their own ` +
      'confirmed request resubscribes them (an operator who must: --force-resubscribe, recorded in the history)',
  );
}

function formatHistory(events: SubscriberEvent[]): string {
  const lines = events.map((e) =>
    [
      e.at,
      e.kind,
      `${e.fromStatus ?? '-'} -> ${e.toStatus ?? '-'}`,
      e.source,
      e.actor ?? '',
      e.ip ?? '',
      e.note ?? '',
    ]
      .map(escapeTerminal)
      .join('\t'),
  );
  return lines.length > 0 ? `${lines.join('\n')}\n` : 'no history\n';
}

/** The items of a stream in arrays of up to `size`: one query per page, not per item. */
async function* pages<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let page: T[] = [];
  for await (const item of items) {
    page.push(item);
    if (page.length >= size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

function readStatus(value: string | undefined): SubscriberStatus | undefined {
  if (value === undefined) return undefined;
  if (!STATUSES.has(value as SubscriberStatus)) {
    throw new DigestError('USAGE', `--status must be ${STATUS_WORDS}, got "${value}"`);
  }
  return value as SubscriberStatus;
}

/** Standard input, whole (a mail handed over by the mail server), at most 10 MiB. */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > 10 * 1024 * 1024)
      throw new DigestError('USAGE', 'standard input: more than 10 MiB is not a mail');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The consent fact behind a subscriber's status: the last history row that made it active
 * (a confirmed sign-up, an operator's add, an import), as "kind time source [ip]"; '-' if none.
 */
async function consentRecord(store: DigestStore, subscriberId: number): Promise<string> {
  const events = await store.history.list(subscriberId);
  const last = events.filter((e) => e.toStatus === 'active').at(-1);
  return last ? [last.kind, last.at, last.source, last.ip].filter(Boolean).join(' ') : '-';
}
