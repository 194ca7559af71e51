import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import { projectPath } from '../project-path.ts';
import { COMMANDS } from './commands.ts';
import { reportError } from './output.ts';

// A local .env (see .env.example) is read once here; loadConfig validates what it sets.
if (existsSync('.env')) process.loadEnvFile('.env');

/** The package's version, from the project's package.json. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The program for this command line: the named command's module only (a command pays for the
 * libraries it uses, not for all of them); with no command (`--help`, `--version`, a typo),
 * the command list as data from COMMANDS, loading no module at all.
 */
async function buildProgram(argv: string[]): Promise<Command> {
  const program = new Command('digest')
    .description('Turns news articles into digest emails and delivers them on a schedule.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  const word = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const entry = word === undefined || word === 'help' ? undefined : COMMANDS[word];
  if (entry) {
    (await entry.load())(program);
    return program;
  }
  const terms = new Map<string, string>();
  for (const [name, { term, summary }] of Object.entries(COMMANDS)) {
    program.command(name).description(summary);
    terms.set(name, term);
  }
  program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? cmd.name() });
  // `digest help CMD` is `digest CMD --help`: load that command for its own help.
  const asked =
    word === 'help' ? COMMANDS[argv.slice(2).filter((a) => !a.startsWith('-'))[1] ?? ''] : undefined;
  if (asked) {
    const full = new Command('digest').configureOutput({ outputError: (text, write) => write(text) });
    (await asked.load())(full);
    return full;
  }
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = await buildProgram(argv);
  await program.parseAsync(argv);
}

main(process.argv).catch(reportError);
