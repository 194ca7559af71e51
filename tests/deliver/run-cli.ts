import { runProcess } from '../helpers/child.ts';

/** Runs `digest ARGS` as a real child process (async: the test's SMTP server keeps answering). */
export function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return runProcess('npx', ['tsx', 'src/cli/main.ts', ...args], { ...process.env, ...env });
}
