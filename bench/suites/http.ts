import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { signUnsubscribeToken } from '../../src/deliver/unsubscribe-token.ts';
import { round } from '../measure.ts';

const SECRET = 'bench-secret-0123456789';
const TARGET = new URL('../http/target.ts', import.meta.url).pathname;
const KINDS = ['node-http', 'fastify'] as const;
const ROUNDS = 2;

/**
 * The HTTP server's cost on the unsubscribe route: the Fastify server against the
 * hand-written node:http route it replaced (bench/http/node-http-baseline.ts), each in its
 * own process, loaded by autocannon (10 connections, 4 s per run, rounds interleaved because
 * this machine's speed drifts). GET reads the subscriber and renders the confirmation page;
 * POST is the one-click unsubscribe (a store transaction: the change and its history row the
 * first time, "already unsubscribed" after). Requests per second (mean of rounds), p99 latency.
 */
export async function measureHttp(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'digest-bench-http-'));
  const path = `/unsubscribe?token=${signUnsubscribeToken('reader@example.org', SECRET)}`;
  const sums: Record<string, number> = {};
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const kind of KINDS) {
        const target = await startTarget(kind, dir);
        try {
          const key = kind.replace('-', '_');
          for (const method of ['GET', 'POST'] as const) {
            const result = await load(`${target.url}${path}`, method);
            const name = `http_unsubscribe_${method.toLowerCase()}`;
            add(sums, `${name}_rps_${key}`, result.requests.average / ROUNDS);
            add(sums, `${name}_p99_ms_${key}`, result.latency.p99 / ROUNDS);
          }
        } finally {
          target.stop();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, round(v, 1)]));
}

function add(sums: Record<string, number>, key: string, value: number): void {
  sums[key] = (sums[key] ?? 0) + value;
}

function load(url: string, method: 'GET' | 'POST'): Promise<autocannon.Result> {
  return autocannon({
    url,
    method,
    connections: 10,
    duration: 4,
    ...(method === 'POST'
      ? {
          body: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }
      : {}),
  });
}

async function startTarget(kind: string, dir: string): Promise<{ url: string; stop(): void }> {
  const child: ChildProcess = spawn('npx', ['tsx', TARGET, kind, dir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = /^(http:\/\/\S+)\n/.exec(out);
      if (line?.[1]) resolve(line[1]);
    });
    child.once('exit', (code) => reject(new Error(`bench target ${kind} exited with ${code}`)));
  });
  return { url, stop: () => child.stdin?.end() };
}
