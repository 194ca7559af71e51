import { type Command, Option } from 'commander';
import { summaryOf } from './commands.ts';

/** What a `digest worker` process does. */
export type WorkerRole = 'all' | 'scheduler' | 'sender';

/** `digest worker` (what `npm start` runs) and `digest serve`. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(summaryOf('worker'))
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
    .description(summaryOf('serve'))
    .action(async () => (await import('./service.ts')).runService({ schedule: false, role: 'all' }));
}
