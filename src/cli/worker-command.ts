import { type Command, Option } from 'commander';

/** What a `digest worker` process does. */
export type WorkerRole = 'all' | 'scheduler' | 'sender';

/** `digest worker` (what `npm start` runs) and `digest serve`. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'run the scheduled worker (DIGEST_CRON in DIGEST_TZ) with the HTTP server and ops API ' +
        '(and the dev inbox when SMTP_URL is unset); SIGTERM/SIGINT stop it cleanly',
    )
    .addOption(
      new Option(
        '--role <role>',
        'all: schedule and send; scheduler: fire editions and fan them out into jobs (REDIS_URL); ' +
          'sender: only send queued jobs (REDIS_URL), any number of them, on any machine',
      )
        .choices(['all', 'scheduler', 'sender'])
        .default('all'),
    )
    .action(async (options: { role: WorkerRole }) =>
      options.role === 'sender'
        ? (await import('./sender-service.ts')).runSenderService()
        : (await import('./service.ts')).runService({ schedule: true, role: options.role }),
    );
  program
    .command('serve')
    .description('run the HTTP server only: unsubscribe pages and the dev inbox (when SMTP_URL is unset)')
    .action(async () => (await import('./service.ts')).runService({ schedule: false, role: 'all' }));
}
