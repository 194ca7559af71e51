import { Command } from 'commander';
import { vi } from 'vitest';
import { reportError } from '../../src/cli/output.ts';

/** What one in-process command run printed, and its exit status. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs CLI commands in this process, as `digest` would (same registration, same error
 * report), with `env` as the environment: far cheaper than a child process per call.
 */
export async function runCommand(
  register: ((program: Command) => void)[],
  args: string[],
  env: Record<string, string>,
): Promise<CommandResult> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture(stdout));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture(stderr));
  process.exitCode = undefined;
  try {
    const program = new Command('digest').exitOverride();
    for (const r of register) r(program);
    await program.parseAsync(args, { from: 'user' }).catch(reportError);
    return { code: Number(process.exitCode ?? 0), stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}
