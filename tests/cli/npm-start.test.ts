import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startProcess } from '../helpers/child.ts';
import { freeLoopbackPort } from '../helpers/ports.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** The README's contract, run as a user runs it: `npm start` on embedded defaults. */
describe('npm start', () => {
  const temp = makeTempDir('digest-npm-start-');
  afterAll(() => temp.remove());

  it('delivers the sample to the dev inbox, and stops cleanly on SIGTERM sent to npm alone', async () => {
    const [http, smtp] = [await freeLoopbackPort(), await freeLoopbackPort()];
    const run = startProcess('npm', ['start'], {
      DIGEST_DB: join(temp.dir, 'digest.db'),
      HTTP_PORT: String(http),
      DEV_INBOX_SMTP_PORT: String(smtp),
    });
    await run.waitFor(/next edition at/);
    const inbox = (await (await fetch(`http://127.0.0.1:${http}/inbox.json`)).json()) as {
      subject: string;
    }[];
    expect(inbox.map((m) => m.subject)).toEqual([expect.stringMatching(/the gun from Ukraine/)]);
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
});
