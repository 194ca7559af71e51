import { DigestError } from '../errors.ts';
import { createLogger, type Logger, redactUrls } from '../log.ts';
import { escapeTerminal } from '../terminal-text.ts';
import { isClosedStdoutError } from './closed-stdout.ts';

let processLogger: Logger | undefined;

/** The logger of this CLI process: the one set by setCliLogger, else a default without known secrets. */
export function cliLogger(): Logger {
  processLogger ??= createLogger();
  return processLogger;
}

/** Makes `logger` (created with the configuration's secrets) the one logLine writes to. */
export function setCliLogger(logger: Logger): void {
  processLogger = logger;
}

let configWarned = false;

/**
 * Logs the configuration's warnings (variables that look like ours but are not read) once
 * per process, at start, on the command's logger.
 */
export function warnAboutConfig(config: { warnings: readonly string[] }, logger: Logger = cliLogger()): void {
  if (configWarned) return;
  configWarned = true;
  for (const warning of config.warnings) logger.warn({ warning: 'CONFIG_UNKNOWN_VARIABLE' }, warning);
}

/** Prints one clear error line (never a stack, never a credential, never a raw control character) and sets the exit code. */
export function reportError(error: unknown): void {
  // The reader of stdout went away (`… | head -1`): the output ends quietly (see closed-stdout.ts).
  if (isClosedStdoutError(error)) return;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof DigestError ? ` [${error.code}]` : '';
  // One line whatever a message quotes: a value's CR, LF or ESC is shown escaped, never obeyed.
  process.stderr.write(`digest: ${escapeTerminal(redactUrls(message))}${code}\n`);
  // A command may ask for its own status (75, EX_TEMPFAIL, for a mail server to try again).
  const asked = error instanceof DigestError ? error.data.exitCode : undefined;
  process.exitCode =
    typeof asked === 'number' ? asked : error instanceof DigestError && error.code === 'USAGE' ? 2 : 1;
}

/** One log line (pino, to standard error, so standard output stays for data such as JSON). */
export function logLine(line: string): void {
  cliLogger().info(line);
}
