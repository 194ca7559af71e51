import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { freeLoopbackPort, waitForPort } from './ports.ts';

/** A throwaway Redis on a loopback port, nothing saved to disk; stop() ends it. */
export interface RedisServer {
  /** redis://127.0.0.1:PORT (pick a database per test file: redis://…/N). */
  url: string;
  stop(): Promise<void>;
}

/** The redis-server binary (REDIS_SERVER, else on the PATH), or null when absent. */
export function findRedisServer(): string | null {
  const candidate = process.env.REDIS_SERVER ?? 'redis-server';
  return spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0 ? candidate : null;
}

/** Starts redis-server --port N --save '' --appendonly no on 127.0.0.1. */
export async function startRedis(binary: string): Promise<RedisServer> {
  const port = await freeLoopbackPort();
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--databases', '64'],
    { stdio: 'ignore' },
  );
  await waitForPort(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
