import type { Command } from 'commander';
import { DigestError } from '../errors.ts';
import type { SubscriberStatus } from '../store/store.ts';
import { openContext } from './context.ts';
import { parseRecipient } from './render-command.ts';

const STATUSES = new Set<SubscriberStatus>(['active', 'unsubscribed', 'bounced']);

/** `digest subscribers add|remove|list|count` */
export function registerSubscribers(program: Command): void {
  const cmd = program.command('subscribers').description('manage the subscriber list');
  cmd
    .command('add')
    .argument('<address>', 'email address, or "Name <address>"')
    .option('--name <name>', 'the subscriber name (for the greeting)')
    .action(async (address: string, opts: { name?: string }) => {
      const { email, name } = parseRecipient(address);
      await withStore(async (ctx) => {
        const { created, subscriber } = await ctx.store.addSubscriber(email, opts.name ?? name);
        if (!created && subscriber.status !== 'active') await ctx.store.setSubscriberStatus(email, 'active');
        process.stdout.write(`${created ? 'added' : 'already subscribed'}: ${subscriber.email}\n`);
      });
    });
  cmd
    .command('remove')
    .argument('<address>')
    .description('unsubscribe an address (kept, so it is never mailed again)')
    .action(async (address: string) => {
      await withStore(async (ctx) => {
        const done = await ctx.store.setSubscriberStatus(parseRecipient(address).email, 'unsubscribed');
        if (!done) throw new DigestError('SUBSCRIBER_INVALID', `${address} is not on the list`);
        process.stdout.write(`unsubscribed: ${address}\n`);
      });
    });
  cmd
    .command('list')
    .option('--status <status>', 'active, unsubscribed or bounced')
    .action(async (opts: { status?: string }) => {
      await withStore(async (ctx) => {
        for await (const s of ctx.store.listSubscribers(readStatus(opts.status))) {
          process.stdout.write(`${s.email}\t${s.name ?? ''}\t${s.status}\n`);
        }
      });
    });
  cmd
    .command('count')
    .option('--status <status>', 'active, unsubscribed or bounced')
    .action(async (opts: { status?: string }) => {
      await withStore(async (ctx) => {
        process.stdout.write(`${await ctx.store.countSubscribers(readStatus(opts.status))}\n`);
      });
    });
}

function readStatus(value: string | undefined): SubscriberStatus | undefined {
  if (value === undefined) return undefined;
  if (!STATUSES.has(value as SubscriberStatus)) {
    throw new DigestError('USAGE', `--status must be active, unsubscribed or bounced, got "${value}"`);
  }
  return value as SubscriberStatus;
}

async function withStore(
  work: (ctx: Awaited<ReturnType<typeof openContext>>) => Promise<void>,
): Promise<void> {
  const ctx = await openContext();
  try {
    await work(ctx);
  } finally {
    await ctx.close();
  }
}
