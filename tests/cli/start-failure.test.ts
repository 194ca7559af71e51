import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../helpers/ports.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { startCli } from './run-cli.ts';

/** Resolves true when `port` on loopback can be listened on again (nothing holds it). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Runs `digest COMMAND` until it exits on its own; a process still running after `ms` is
 * killed, and the test sees signal SIGKILL instead of exit 1 (a bound, not a timing claim).
 */
async function runToExit(args: string[], env: Record<string, string>, ms = 25_000) {
  const { child, done } = startCli(args, env);
  const guard = setTimeout(() => child.kill('SIGKILL'), ms);
  try {
    return await done;
  } finally {
    clearTimeout(guard);
  }
}

describe('a start-up failure of the long-running commands', () => {
  it.concurrent.each([
    ['worker', 'an empty database file', 'zero'],
    ['serve', 'an empty database file', 'zero'],
    ['worker', 'an unreachable Postgres', 'postgres'],
    ['serve', 'an unreachable Postgres', 'postgres'],
  ])(
    'ends `digest %s` with exit 1 and one line on %s, with the dev inbox closed',
    async (command, _what, kind) => {
      const temp = makeTempDir('digest-startfail-');
      try {
        const zero = `${temp.dir}/zero.db`;
        writeFileSync(zero, '');
        const httpPort = await freeLoopbackPort();
        const smtpPort = await freeLoopbackPort();
        const result = await runToExit([command], {
          // No SMTP_URL: the dev inbox starts first, and used to keep the process alive.
          DIGEST_DB: kind === 'zero' ? zero : 'postgres://digest:pw-not-shown@127.0.0.1:1/digest',
          HTTP_PORT: String(httpPort),
          DEV_INBOX_SMTP_PORT: String(smtpPort),
        });
        expect(result.signal).toBeNull();
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^digest: cannot open the database .*\[STORE_FAILED\]\n$/);
        expect(result.stderr).not.toContain('pw-not-shown');
        expect(await portIsFree(smtpPort)).toBe(true);
        expect(await portIsFree(httpPort)).toBe(true);
      } finally {
        temp.remove();
      }
    },
  );

  it.concurrent.each([
    ['10.99.99.99', /is not an address of this machine.*\(EADDRNOTAVAIL\)/],
    ['not a host', /is not a host name that resolves.*\(ENOTFOUND\)/],
  ])('names HTTP_HOST and its value when %s cannot be listened on', async (host, why) => {
    const temp = makeTempDir('digest-badhost-');
    try {
      const smtpPort = await freeLoopbackPort();
      const result = await runToExit(['serve'], {
        DIGEST_DB: `${temp.dir}/d.db`,
        HTTP_HOST: host,
        HTTP_PORT: '0',
        DEV_INBOX_SMTP_PORT: String(smtpPort),
      });
      expect(result.code).toBe(1);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^digest: HTTP_HOST "${host.replaceAll('.', '\\.')}" `));
      expect(lines[0]).toMatch(why);
      expect(lines[0]).toMatch(/set HTTP_HOST to an address of this machine.*\[CONFIG_INVALID\]$/);
      expect(await portIsFree(smtpPort)).toBe(true);
    } finally {
      temp.remove();
    }
  });
});
