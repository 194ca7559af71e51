import { spawnSync } from 'node:child_process';
import { median } from '../measure.ts';

const SAMPLE = 'examples/articles/blinken-gun-from-ukraines-head.md';
const RUNS = 5;

/**
 * Start-up of the CLI as a person meets it, whole processes, median of RUNS: `--help` on the
 * production build (and its peak RSS), `analyze` of the sample, and `--help` through
 * `npm run --silent digest`, what the README shows. The build is made first when stale.
 */
export async function measureCli(): Promise<Record<string, number>> {
  spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { stdio: 'inherit' });
  const help = timed(process.execPath, ['dist/main.js', '--help']);
  return {
    cli_help_ms: help.ms,
    cli_help_rss_mb: help.rssMb,
    cli_analyze_ms: timed(process.execPath, ['dist/main.js', 'analyze', SAMPLE, '--json']).ms,
    cli_npm_help_ms: timed('npm', ['run', '--silent', 'digest', '--', '--help']).ms,
  };
}

/** Median wall time (ms) and peak RSS (MB, through GNU time when present) of a command. */
function timed(file: string, args: string[]): { ms: number; rssMb: number } {
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const run = spawnSync('/usr/bin/time', ['-f', '%M', file, ...args], { encoding: 'utf8' });
    const ms = performance.now() - start;
    if (run.error || run.status !== 0) {
      // No GNU time: time the command alone, without its memory.
      const bare = performance.now();
      const direct = spawnSync(file, args, { encoding: 'utf8' });
      if (direct.status !== 0) throw new Error(`${file} ${args.join(' ')} failed: ${direct.stderr}`);
      times.push(performance.now() - bare);
      continue;
    }
    times.push(ms);
    rss.push(Number(run.stderr.trim().split('\n').at(-1)) / 1024);
  }
  return { ms: Math.round(median(times)), rssMb: rss.length ? Math.round(median(rss)) : 0 };
}
