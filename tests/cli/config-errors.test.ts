import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { runCli } from './run-cli.ts';

describe('the worker with a bad schedule', () => {
  it.concurrent.each([
    ['DIGEST_CRON', '61 * * * *', 'DIGEST_CRON is not a valid cron expression'],
    ['DIGEST_TZ', 'Mars/Olympus_Mons', 'DIGEST_TZ is not an IANA time zone'],
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
    expect(() => loadConfig({ DIGEST_CATCH_UP: 'twice' })).toThrow(/^DIGEST_CATCH_UP must be skip or once$/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL must be one of /);
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
    expect(() => loadConfig({ REDIS_URL: 'http://queue' })).toThrow(/^REDIS_URL must look like redis:/);
    expect(() => loadConfig({ SENDER_LOCK_MS: '5' })).toThrow(/^SENDER_LOCK_MS /);
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe('redis://127.0.0.1:6379/2');
  });
});
