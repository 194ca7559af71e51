import { type ChildProcess, spawn } from 'node:child_process';

/** What a finished CLI process left. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the real CLI (`node --import tsx src/cli/main.ts ...`) with only the given
 * environment (plus PATH and HOME), from the project folder; standard input is `input`
 * (piped in, then closed), or none.
 */
export function startCli(
  args: string[],
  env: Record<string, string>,
  input?: Buffer | AsyncIterable<Buffer>,
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', CI: 'true', ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined && child.stdin) {
    const stdin = child.stdin;
    // A child that exits before reading everything is the test's finding, not a crash here.
    stdin.on('error', () => undefined);
    if (Buffer.isBuffer(input)) stdin.end(input);
    else
      void (async () => {
        for await (const chunk of input)
          if (!stdin.write(chunk)) await new Promise((r) => stdin.once('drain', r));
        stdin.end();
      })();
  }
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the CLI to the end (with `input` piped into its standard input, when given). */
export function runCli(
  args: string[],
  env: Record<string, string>,
  input?: Buffer | AsyncIterable<Buffer>,
): Promise<CliResult> {
  return startCli(args, env, input).done;
}
