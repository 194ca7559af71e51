import { spawnSync } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startProcess } from '../helpers/child.ts';
import { freeLoopbackPort } from '../helpers/ports.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** The README's contract, run as a user runs it: `npm start` on embedded defaults. */
describe('npm start', () => {
  const temp = makeTempDir('digest-npm-start-');
  afterAll(() => temp.remove());

  async function start(name: string, ownGroup = false) {
    const [http, smtp] = [await freeLoopbackPort(), await freeLoopbackPort()];
    const env = {
      DIGEST_DB: join(temp.dir, name, 'digest.db'),
      HTTP_PORT: String(http),
      DEV_INBOX_SMTP_PORT: String(smtp),
    };
    return { run: startProcess('npm', ['start'], env, { ownGroup }), http };
  }

  it('delivers the sample to the dev inbox, and stops cleanly on SIGTERM sent to npm alone', async () => {
    const { run, http } = await start('term');
    await run.waitFor(/next edition at/);
    const inbox = (await (await fetch(`http://127.0.0.1:${http}/inbox.json`)).json()) as {
      subject: string;
    }[];
    expect(inbox.map((m) => m.subject)).toEqual([expect.stringMatching(/the gun from Ukraine/)]);
    // The sign-up page is printed beside the dev inbox, and answers.
    expect(run.output()).toContain(`dev inbox: http://127.0.0.1:${http}/inbox`);
    expect(run.output()).toContain(`sign-up page: http://127.0.0.1:${http}/subscribe`);
    expect((await fetch(`http://127.0.0.1:${http}/subscribe`)).status).toBe(200);
    // A process manager signals the process it started: npm. The worker must hear it.
    run.child.kill('SIGTERM');
    const { out } = await run.exited;
    expect(out).toMatch(/SIGTERM: stopping/);
    expect(out).toMatch(/"msg":"stopped"/);
    // The worker's own pid (in its log lines) is gone: nothing left running behind npm.
    const pid = Number(/"pid":(\d+)/.exec(out)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  }, 60_000);

  it('stops cleanly on Ctrl-C, which reaches the worker twice (from the terminal and from npm)', async () => {
    const { run } = await start('ctrl-c', true);
    await run.waitFor(/next edition at/);
    process.kill(-(run.child.pid ?? 0), 'SIGINT');
    const { out } = await run.exited;
    expect(out).toMatch(/SIGINT: stopping/);
    expect(out).toMatch(/"msg":"stopped"/);
  }, 60_000);

  /** A loopback port held by another listener, as a first `npm start` holds its ports. */
  async function takenPort(): Promise<{ port: number; release(): Promise<void> }> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { port, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  /** True when nothing listens on the port any more: the failed start closed what it opened. */
  async function isFree(port: number): Promise<boolean> {
    const probe = createServer();
    return new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
  }

  it.each(['HTTP_PORT', 'DEV_INBOX_SMTP_PORT'] as const)(
    'exits non-zero with one clear line when %s is taken, closing everything it opened',
    async (variable) => {
      const taken = await takenPort();
      const other = await freeLoopbackPort();
      const env = {
        ...process.env,
        DIGEST_DB: join(temp.dir, `taken-${variable}`, 'digest.db'),
        HTTP_PORT: String(variable === 'HTTP_PORT' ? taken.port : other),
        DEV_INBOX_SMTP_PORT: String(variable === 'HTTP_PORT' ? other : taken.port),
      };
      try {
        const run = spawnSync('npm', ['start'], { env, encoding: 'utf8', timeout: 30_000 });
        expect(run.signal).toBeNull();
        expect(run.status).toBe(1);
        const lines = run.stderr.trimEnd().split('\n');
        expect(lines).toEqual([
          expect.stringMatching(new RegExp(`^digest: .*already in use.*${variable}.*\\[CONFIG_INVALID\\]$`)),
        ]);
        expect(await isFree(other)).toBe(true);
      } finally {
        await taken.release();
      }
    },
    60_000,
  );
});
