import { type Command, Option } from 'commander';
import { addAccount, issueSignInLink, LINK_TTL_MS, parseRole, removeAccount } from '../accounts/accounts.ts';
import { DigestError } from '../errors.ts';
import { ROLES } from '../store/accounts.ts';
import { summaryOf } from './commands.ts';
import { operatorName } from './operator.ts';
import { withStoreContext } from './store-context.ts';

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const HOURS = LINK_TTL_MS / 3_600_000;

/** `digest users add EMAIL --role R | link EMAIL | remove EMAIL | list [--json]` and `digest audit` */
export function registerUsers(program: Command): void {
  const users = program.command('users').description(summaryOf('users'));
  users
    .command('add')
    .description(`create an account; prints a one-time sign-in link (valid ${HOURS} h) to send its owner`)
    .argument('<email>', 'the person’s address')
    .addOption(
      new Option('--role <role>', 'editor: drafts; ops: editions and subscribers; admin: both')
        .choices(ROLES)
        .makeOptionMandatory(),
    )
    .action(async (email: string, opts: { role: string }) =>
      withStoreContext(async (ctx) => {
        const { account, link } = await addAccount(ctx.store, {
          email,
          role: parseRole(opts.role),
          actor: actor(),
          publicUrl: ctx.config.publicUrl,
        });
        out(
          `account ${account.email} (${account.role}) created. Its one-time sign-in link, valid ${HOURS} h:`,
        );
        out(link);
      }),
    );
  users
    .command('link')
    .description(`a new one-time sign-in link for an account (a forgotten password), valid ${HOURS} h`)
    .argument('<email>')
    .action(async (email: string) =>
      withStoreContext(async (ctx) =>
        out(await issueSignInLink(ctx.store, { email, actor: actor(), publicUrl: ctx.config.publicUrl })),
      ),
    );
  users
    .command('remove')
    .description('disable an account: it can no longer sign in, and its sessions end now')
    .argument('<email>')
    .action(async (email: string) =>
      withStoreContext(async (ctx) => {
        await removeAccount(ctx.store, { email, actor: actor() });
        out(`account ${email} disabled`);
      }),
    );
  users
    .command('list')
    .description('the accounts')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }) =>
      withStoreContext(async (ctx) => {
        const list = await ctx.store.accounts.listUsers();
        if (opts.json) return out(JSON.stringify(list, null, 2));
        if (list.length === 0) return out('no accounts yet: digest users add EMAIL --role editor|ops|admin');
        for (const a of list) {
          const state = a.disabledAt
            ? `disabled ${a.disabledAt}`
            : a.hasPassword
              ? 'active'
              : 'sign-in link not used yet';
          out([a.email, a.role, state, a.createdAt].join('\t'));
        }
      }),
    );
  program
    .command('audit')
    .description(summaryOf('audit'))
    .option('--json', 'print a JSON array')
    .option('--limit <n>', 'how many entries', '50')
    .option('--target <id>', 'only the entries about this draft, edition or address')
    .action(async (opts: { json?: boolean; limit: string; target?: string }) => {
      if (!/^\d+$/.test(opts.limit) || Number(opts.limit) < 1) {
        throw new DigestError('USAGE', `--limit must be a whole number of 1 or more, got "${opts.limit}"`);
      }
      await withStoreContext(async (ctx) => {
        const entries = await ctx.store.audit.list({
          limit: Number(opts.limit),
          ...(opts.target ? { target: opts.target } : {}),
        });
        if (opts.json) return out(JSON.stringify(entries, null, 2));
        for (const e of entries) {
          out(
            [e.at, e.actor, e.action, e.target ?? '-', e.detail ? JSON.stringify(e.detail) : '']
              .join('\t')
              .trimEnd(),
          );
        }
      });
    });
}

function actor(): string {
  return operatorName() ?? 'cli';
}
