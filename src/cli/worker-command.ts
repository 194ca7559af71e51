import type { Command } from 'commander';

/** `digest worker` (what `npm start` runs) and `digest serve`. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'run the scheduled worker (DIGEST_CRON in DIGEST_TZ) with the HTTP server and ops API ' +
        '(and the dev inbox when SMTP_URL is unset); SIGTERM/SIGINT stop it cleanly',
    )
    .action(async () => (await import('./service.ts')).runService({ schedule: true }));
  program
    .command('serve')
    .description('run the HTTP server only: unsubscribe pages and the dev inbox (when SMTP_URL is unset)')
    .action(async () => (await import('./service.ts')).runService({ schedule: false }));
}
