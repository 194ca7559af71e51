import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { registerAnalyze } from './analyze-command.ts';
import { reportError } from './output.ts';
import { registerRender } from './render-command.ts';
import { registerSend } from './send-command.ts';
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
registerSend(program);
registerSubscribers(program);
registerWorker(program);

program.parseAsync(process.argv).catch(reportError);
