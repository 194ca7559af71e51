import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerRetryFailed } from '../../src/cli/retry-command.ts';
import { registerSend } from '../../src/cli/send-command.ts';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { freeLoopbackPort } from '../helpers/ports.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { SAMPLE } from '../schedule/sample.ts';
import { runCommand } from './run-command.ts';

describe('send without SMTP_URL while the dev inbox is not running', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let env: Record<string, string>;
  beforeEach(async () => {
    temp = makeTempDir('digest-noinbox-');
    env = {
      SMTP_URL: '',
      DIGEST_DB: join(temp.dir, 'digest.db'),
      DIGEST_SOURCES: SAMPLE,
      DEV_INBOX_SMTP_PORT: String(await freeLoopbackPort()),
    };
    const store = openSqliteStore(env.DIGEST_DB ?? '');
    await store.addSubscriber('ana@example.org', null);
    await store.close();
  });
  afterEach(() => temp.remove());

  it.each([['send'], ['send', '--to', 'me@example.org'], ['retry-failed']])(
    'says so and how to start it before anything is recorded: digest %s',
    async (...args) => {
      const result = await runCommand([registerSend, registerRetryFailed], args, env);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(
          `^digest: no SMTP_URL is set, so mail goes to the dev inbox on 127\\.0\\.0\\.1:${env.DEV_INBOX_SMTP_PORT}, and it is not running: start it with \`npm start\``,
        ),
      );
      const store = openSqliteStore(env.DIGEST_DB ?? '');
      expect(await store.listEditions(5)).toHaveLength(0);
      await store.close();
    },
  );

  it('still plans a dry run, which sends nothing', async () => {
    const result = await runCommand([registerSend], ['send', '--dry-run'], env);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/^dry run: edition/);
  });

  it('pauses at the first refused connection with the same explanation, if the inbox stops mid-send', async () => {
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${env.DEV_INBOX_SMTP_PORT}`, {
      whenRefused: 'the dev inbox is down',
    });
    const sent = mailer.send({
      from: 'digest@localhost',
      to: 'ana@example.org',
      subject: 'S',
      html: '<p>x</p>',
      text: 'x',
      messageId: '<m@localhost>',
      date: new Date(),
      headers: {},
      attachments: [],
    } as never);
    await expect(sent).rejects.toMatchObject({ code: 'SMTP_SETUP', message: 'the dev inbox is down' });
    mailer.close();
  });
});
