import { redactCredentials } from '../deliver/smtp.ts';
import { DigestError } from '../errors.ts';

/** Prints one clear error line (never a stack, never a credential) and sets the exit code. */
export function reportError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof DigestError ? ` [${error.code}]` : '';
  process.stderr.write(`digest: ${redactCredentials(message)}${code}\n`);
  process.exitCode = error instanceof DigestError && error.code === 'USAGE' ? 2 : 1;
}

/** A log line with a time stamp, to stderr so stdout stays for data (JSON). */
export function logLine(line: string): void {
  process.stderr.write(`${new Date().toISOString()} ${redactCredentials(line)}\n`);
}
