import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/child.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const TSX = import.meta.resolve('tsx');
const PASSWORD = 'BHxQa3/9kPlusZZ+wJalrXUtnFEMI';

/** Runs the real CLI from an empty folder of its own; resolves with what it left. */
function runIn(dir: string, args: string[], env: Record<string, string>) {
  const base = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    CI: 'true',
    HTTP_PORT: '0',
    DEV_INBOX_SMTP_PORT: '0',
  };
  return runProcess(process.execPath, ['--import', TSX, CLI, ...args], { ...base, ...env }, { cwd: dir });
}

describe('a mistyped URL variable', () => {
  it.concurrent.each([
    ['send', 'SMTP_URL', `smtp://AKIAQA3EXAMPLE:${PASSWORD}@email-smtp.eu-west-1.amazonaws.com:587`],
    ['worker', 'SMTP_URL', `smtp://AKIAQA3EXAMPLE:${PASSWORD}@email-smtp.eu-west-1.amazonaws.com:587`],
    ['send', 'SMTP_URL', `smtp//user:${PASSWORD}@relay.example`],
    ['send', 'SMTP_URL', `smtp:/user:${PASSWORD}@relay.example`],
    ['send', 'SMTP_URL', `smtp:user:${PASSWORD}@relay.example`],
    ['send', 'SMTP_URL', `smtps:///user:${PASSWORD}@relay.example`],
    ['send', 'SMTP_URL', `user:${PASSWORD}@relay.example`],
    ['send', 'SMTP_URL', `smtp://user:${PASSWORD}`],
    ['worker', 'REDIS_URL', `redis:/:${PASSWORD}@queue.example:6379`],
    ['worker', 'REDIS_URL', `redis//:${PASSWORD}@queue.example:6379`],
    ['worker', 'PUBLIC_URL', `https//u:${PASSWORD}@news.example`],
    ['worker', 'ALERT_WEBHOOK_URL', `https//u:${PASSWORD}@hooks.example`],
    ['worker', 'DIGEST_DB', `postgres:/u:${PASSWORD}@127.0.0.1:5432/d`],
    ['worker', 'DIGEST_DB', `postgresql//u:${PASSWORD}@127.0.0.1:5432/d`],
  ])(
    'stops `digest %s` at start naming %s (%s) in one line without the password, creating nothing',
    async (command, name, value) => {
      const temp = makeTempDir('digest-urlsecret-');
      try {
        const result = await runIn(temp.dir, [command], { [name]: value });
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(new RegExp(`^digest: ${name} ".*" .*\\[CONFIG_INVALID\\]\\n$`));
        expect(result.stderr).not.toContain('9kPlus');
        expect(result.stderr).not.toContain(PASSWORD);
        // No SQLite file, no dev inbox folder: nothing was opened before the refusal.
        expect(readdirSync(temp.dir)).toEqual([]);
      } finally {
        temp.remove();
      }
    },
  );

  it('leaves a plain DIGEST_DB path working', async () => {
    const temp = makeTempDir('digest-dbpath-');
    try {
      const result = await runIn(temp.dir, ['subscribers', 'count'], { DIGEST_DB: 'lists/my list.db' });
      expect(result).toMatchObject({ status: 0, stdout: '0\n' });
      expect(readdirSync(`${temp.dir}/lists`)).toContain('my list.db');
    } finally {
      temp.remove();
    }
  });
});
