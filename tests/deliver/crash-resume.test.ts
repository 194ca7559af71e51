import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { expectEveryoneOnce } from '../helpers/delivery-assertions.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { addresses } from './outbox-fixture.ts';
import { startScriptedSmtp } from './scripted-smtp.ts';

const SUBSCRIBERS = 5000;
const POOL = 5;
const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const SEND = ['send', 'examples/articles', '--now', '2022-01-06T07:00:00Z'];

/** The real `digest send` (then `digest send --resume` for the restart). */
function startSender(mode: 'send' | 'resume', env: Record<string, string>): ChildProcess {
  // node --import tsx: one process, so SIGKILL hits the sender itself (npx would leave it orphaned).
  return spawn(
    process.execPath,
    ['--import', 'tsx', CLI, ...(mode === 'send' ? SEND : ['send', '--resume'])],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null; out: string }> {
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, out })));
}

describe('crash safety', () => {
  const temp = makeTempDir('digest-crash-');
  afterAll(() => temp.remove());

  it('after kill -9 midway through 5,000 recipients, a resume gives everyone the edition once, bar the messages in flight', async () => {
    const dbPath = join(temp.dir, 'digest.db');
    const store = openSqliteStore(dbPath);
    const emails = addresses(SUBSCRIBERS);
    await store.addSubscribers(emails.map((email) => ({ email, name: null })));
    await store.addSubscribers([{ email: 'left@example.org', name: null, status: 'unsubscribed' }]);
    await store.close();
    const smtp = await startScriptedSmtp({}, { keepRaw: false });
    const env = {
      DIGEST_DB: dbPath,
      SMTP_URL: smtp.url,
      SMTP_POOL_SIZE: String(POOL),
      UNSUBSCRIBE_SECRET: 'test-secret-0123456789',
      MAIL_FROM: 'Digest <digest@example.org>',
    };
    try {
      const first = startSender('send', env);
      const firstExit = exited(first);
      while (smtp.accepted.length < SUBSCRIBERS * 0.3 && first.exitCode === null && first.signalCode === null)
        await new Promise((r) => setTimeout(r, 5));
      first.kill('SIGKILL');
      const killed = await firstExit;
      expect(killed.signal, killed.out).toBe('SIGKILL');
      const beforeRestart = smtp.accepted.length;
      expect(beforeRestart).toBeLessThan(SUBSCRIBERS);

      const resumed = await exited(startSender('resume', env));
      expect(resumed.code, resumed.out).toBe(0);
      expect(resumed.out).toMatch(/: done, 5000\/5000 sent, 0 failed, 0 queued/);

      expectEveryoneOnce(smtp, SUBSCRIBERS, POOL);

      const after = openSqliteStore(dbPath);
      const [edition] = await after.listEditions(1);
      expect(await after.editionProgress(edition?.id ?? '')).toMatchObject({
        sent: SUBSCRIBERS,
        total: SUBSCRIBERS,
      });
      expect(edition?.status).toBe('done');
      await after.close();
    } finally {
      await smtp.close();
    }
  }, 90_000);
});
