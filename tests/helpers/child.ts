import { type ChildProcess, spawn } from 'node:child_process';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;

/** A real `digest ARGS` process (node --import tsx: one process, so a signal hits the CLI itself). */
export interface DigestProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>;
  /** Resolves once its output matches `pattern`. */
  waitFor(pattern: RegExp): Promise<void>;
}

/** Starts `digest ARGS` with the environment plus `env`. */
export function startDigest(args: string[], env: Record<string, string>): DigestProcess {
  return startProcess(process.execPath, ['--import', 'tsx', CLI, ...args], env);
}

/** Starts any command (`npm start`, say) the same way, with the environment plus `env`. */
export function startProcess(
  file: string,
  args: string[],
  env: Record<string, string>,
  options: { ownGroup?: boolean } = {},
): DigestProcess {
  const child = spawn(file, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as a terminal gives a job: a signal to -pid reaches them all.
    detached: options.ownGroup === true,
  });
  let out = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of waiters.splice(0)) {
      if (w.pattern.test(out)) w.resolve();
      else waiters.push(w);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, out })),
  );
  return {
    child,
    output: () => out,
    exited,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(out)) return resolve();
        waiters.push({ pattern, resolve });
        void exited.then((e) =>
          reject(
            new Error(`exited (code ${e.code}, signal ${e.signal}) before printing ${pattern}:\n${out}`),
          ),
        );
      }),
  };
}

/**
 * Runs a command to its end (async: servers in this process keep answering), from `cwd` when
 * given; its output and status.
 */
export function runProcess(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { cwd?: string } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
