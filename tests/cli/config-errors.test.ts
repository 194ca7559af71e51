import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { runCli } from './run-cli.ts';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const TSX = import.meta.resolve('tsx');

describe('misspelt variables', () => {
  it('warn at start, from the environment and from .env, naming the closest known variable', () => {
    const temp = makeTempDir('digest-dotenv-');
    try {
      writeFileSync(
        join(temp.dir, '.env'),
        'DIGEST_CRONN=0 6 * * *\nMAIL_FROM=Digest <digest@example.org>\n',
      );
      // Run from the folder holding the .env, as `npm start` runs from the project.
      const result = spawnSync(process.execPath, ['--import', TSX, CLI, 'subscribers', 'count'], {
        cwd: temp.dir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: temp.dir,
          SMPT_URL: 'smtp://relay.example:587',
          DIGEST_DB: 'd.db',
        },
        encoding: 'utf8',
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toBe('0\n');
      expect(result.stderr).toMatch(
        /DIGEST_CRONN is not a variable this program reads .*did you mean DIGEST_CRON\?/,
      );
      expect(result.stderr).toMatch(
        /SMPT_URL is not a variable this program reads .*did you mean SMTP_URL\?/,
      );
    } finally {
      temp.remove();
    }
  });
});

describe('an SMTP_URL without a usable host', () => {
  it.concurrent.each(['smtp://user:hunter2@', 'smtp://:587', 'smtp://relay.example:99999'])(
    'stops `digest send` at start naming SMTP_URL (%s), never its password, recording nothing',
    async (url) => {
      const temp = makeTempDir('digest-smtpurl-');
      try {
        const env = {
          SMTP_URL: url,
          DIGEST_DB: `${temp.dir}/d.db`,
          MAIL_FROM: 'Digest <digest@news.example>',
        };
        const result = await runCli(['send', '--now'], env);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(
          /^digest: SMTP_URL ".*" (has no host|has a port).*\[CONFIG_INVALID\]\n$/,
        );
        expect(result.stderr).not.toContain('hunter2');
        const editions = await runCli(['editions'], { DIGEST_DB: env.DIGEST_DB });
        expect(editions.stdout).toBe('no editions yet\n');
      } finally {
        temp.remove();
      }
    },
  );
});

describe('a source that does not exist', () => {
  it('stops `digest send` at start with one line, instead of "nothing to send"', async () => {
    const temp = makeTempDir('digest-nosource-');
    try {
      const result = await runCli(['send'], {
        DIGEST_SOURCES: '/nonexistent',
        DIGEST_DB: `${temp.dir}/d.db`,
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /^digest: DIGEST_SOURCES \/nonexistent: no such file or folder .*\[CONFIG_INVALID\]\n$/,
      );
    } finally {
      temp.remove();
    }
  });
});

describe('the worker with a bad schedule', () => {
  it.concurrent.each([
    ['DIGEST_CRON', '61 * * * *', 'DIGEST_CRON "61 * * * *" is not a valid cron expression: 5 fields'],
    ['DIGEST_TZ', 'Mars/Olympus_Mons', 'DIGEST_TZ "Mars/Olympus_Mons" is not an IANA time zone'],
  ])('stops at start with one clear line when %s is bad', async (name, value, message) => {
    const temp = makeTempDir('digest-badcfg-');
    try {
      const result = await runCli(['worker'], {
        [name]: value,
        DIGEST_DB: `${temp.dir}/digest.db`,
        HTTP_PORT: '0',
      });
      expect(result.code).toBe(1);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(message);
      expect(lines[0]).toMatch(/^digest: .*\[CONFIG_INVALID\]$/);
    } finally {
      temp.remove();
    }
  });

  it('names DIGEST_CATCH_UP and LOG_LEVEL when they are bad', () => {
    expect(() => loadConfig({ DIGEST_CATCH_UP: 'twice' })).toThrow(
      /^DIGEST_CATCH_UP "twice" must be skip or once$/,
    );
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL "loud" must be one of /);
    expect(loadConfig({}).catchUp).toBe('once');
  });
});

describe('the worker roles', () => {
  it.concurrent.each([
    ['sender', 'REDIS_URL must be set for --role sender'],
    ['scheduler', 'REDIS_URL must be set for --role scheduler'],
  ])('refuses --role %s without REDIS_URL in one clear line', async (role, message) => {
    const temp = makeTempDir('digest-role-');
    try {
      const result = await runCli(['worker', '--role', role], {
        DIGEST_DB: `${temp.dir}/digest.db`,
        HTTP_PORT: '0',
      });
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(message)]);
    } finally {
      temp.remove();
    }
  });

  it('names REDIS_URL and SENDER_LOCK_MS when they are bad', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://queue' })).toThrow(
      /^REDIS_URL "http:\/\/queue" must look like redis:/,
    );
    expect(() => loadConfig({ SENDER_LOCK_MS: '5' })).toThrow(/^SENDER_LOCK_MS /);
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe('redis://127.0.0.1:6379/2');
  });
});
