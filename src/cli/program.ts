import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { projectPath } from '../project-path.ts';
import { escapeTerminal } from '../terminal-text.ts';
import { COMMANDS } from './commands.ts';
import { reportError } from './output.ts';

/** The package's version, from the project's package.json. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
}

/**
 * A program with our settings. exitOverride before any command exists: subcommands inherit
 * it, so no parse error exits the process behind runDigest's back (tests run it in-process).
 */
function newProgram(): Command {
  return (
    new Command('digest')
      .exitOverride()
      .showHelpAfterError()
      .showSuggestionAfterError()
      // Commander's own errors echo the argument given: its control characters are shown as
      // escapes, line by line, as every line of ours is (a pasted ESC cannot run on the terminal).
      .configureOutput({
        outputError: (text, write) => write(text.split('\n').map(escapeTerminal).join('\n')),
      })
  );
}

/**
 * The program for this command line: the named command's module only (a command pays for the
 * libraries it uses, not for all of them); with no command (`--help`, `--version`, a typo),
 * the command list as data from COMMANDS, loading no module at all.
 */
async function buildProgram(argv: string[]): Promise<Command> {
  const program = newProgram()
    .description('Turns news articles into digest emails and delivers them on a schedule.')
    .version(packageVersion(), '-V, --version', 'print the version');
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
    const full = newProgram();
    (await asked.load())(full);
    return full;
  }
  return program;
}

/**
 * Runs `digest` on `argv` (node, script, args…). Every option set is strict: commander
 * refuses unknown options, excess arguments and values outside an option's choices, naming
 * them (with the closest known option); those and our own usage errors exit 2, as `--help`
 * says. Other failures print one line and exit 1.
 */
export async function runDigest(argv: string[]): Promise<void> {
  try {
    await (await buildProgram(argv)).parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) return reportError(error);
    // Commander printed the message already. Help and --version end with 0; `digest` or
    // `digest subscribers` alone show the help and end with 1, as before; the rest are usage.
    const shown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
    process.exitCode = shown ? error.exitCode : error.code === 'commander.help' ? 1 : 2;
  }
}
