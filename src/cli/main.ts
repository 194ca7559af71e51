import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { registerAnalyze } from './analyze-command.ts';
import { reportError } from './output.ts';
import { registerPreview } from './preview-command.ts';
import { registerRender } from './render-command.ts';
import { registerRetryFailed } from './retry-command.ts';
import { registerSend } from './send-command.ts';
import { registerStatus } from './status-command.ts';
import { registerSubscribers } from './subscribers-command.ts';
import { registerWorker } from './worker-command.ts';

// A local .env (see .env.example) is read once here; loadConfig validates what it sets.
if (existsSync('.env')) process.loadEnvFile('.env');

const program = new Command('digest')
  .description('Turns news articles into digest emails and delivers them on a schedule.')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

registerAnalyze(program);
registerRender(program);
registerPreview(program);
registerSend(program);
registerStatus(program);
registerRetryFailed(program);
registerSubscribers(program);
registerWorker(program);

program.parseAsync(process.argv).catch(reportError);
