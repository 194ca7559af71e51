import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { reportError } from './output.ts';

// A local .env (see .env.example) is read once here; loadConfig validates what it sets.
if (existsSync('.env')) process.loadEnvFile('.env');

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs: a command then pays for the
 * libraries it uses (react, linkedom, chrono…), not for all of them. `--help` loads all.
 */
const LOADERS: Record<string, () => Promise<Register>> = {
  analyze: async () => (await import('./analyze-command.ts')).registerAnalyze,
  render: async () => (await import('./render-command.ts')).registerRender,
  preview: async () => (await import('./preview-command.ts')).registerPreview,
  send: async () => (await import('./send-command.ts')).registerSend,
  status: async () => (await import('./status-command.ts')).registerStatus,
  'retry-failed': async () => (await import('./retry-command.ts')).registerRetryFailed,
  subscribers: async () => (await import('./subscribers-command.ts')).registerSubscribers,
  worker: async () => (await import('./worker-command.ts')).registerWorker,
};
const ALIASES: Record<string, string> = { editions: 'status', serve: 'worker' };

/** The register functions the command line needs: its command's, or all of them. */
async function loadCommands(argv: string[]): Promise<Register[]> {
  const word = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const key = word === undefined ? undefined : (ALIASES[word] ?? word);
  const loader = key === undefined ? undefined : LOADERS[key];
  return Promise.all(loader ? [loader()] : Object.values(LOADERS).map((load) => load()));
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('digest')
    .description('Turns news articles into digest emails and delivers them on a schedule.')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  for (const register of await loadCommands(argv)) register(program);
  await program.parseAsync(argv);
}

main(process.argv).catch(reportError);
