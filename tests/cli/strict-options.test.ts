import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runDigest } from '../../src/cli/program.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** Runs `digest ARGS` in this process, as main.ts does; what it printed and its exit status. */
async function digest(args: string[]): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  process.exitCode = undefined;
  try {
    await runDigest(['node', 'digest', ...args]);
    return { code: Number(process.exitCode ?? 0), out: chunks.join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

describe('every option set of the CLI is strict', () => {
  const temp = makeTempDir('digest-strict-');
  const db = join(temp.dir, 'never.db');
  const saved = process.env.DIGEST_DB;
  beforeAll(() => {
    process.env.DIGEST_DB = db;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.DIGEST_DB;
    else process.env.DIGEST_DB = saved;
    temp.remove();
  });

  it.each([
    [['send', '--dryrun'], /unknown option '--dryrun'[\s\S]*Did you mean --dry-run\?/],
    [['send', '--now', 'tomorrow'], /--now takes an ISO date or time .* got "tomorrow"/],
    [['send', '--now', '2022-1-6', '--dry-run'], /got "2022-1-6" \(not a date, nor a file or URL\)/],
    [['send', '--limit', 'ten'], /--limit must be a whole number of 1 or more, got "ten"/],
    [['status', '--jsn'], /unknown option '--jsn'[\s\S]*Did you mean --json\?/],
    [['editions', '--limit', 'x'], /--limit must be a whole number of 1 or more, got "x"/],
    [['retry-failed', 'e1', 'e2'], /too many arguments for 'retry-failed'/],
    [['subscribers', 'lst'], /unknown command 'lst'[\s\S]*Did you mean list\?/],
    [['subscribers', 'add', 'a@example.org', 'extra'], /too many arguments for 'add'/],
    [['subscribers', 'add', 'a@example.org', '--force-resubscrib'], /unknown option '--force-resubscrib'/],
    [['subscribers', 'import', 'x.csv', '--force-resubscribe'], /unknown option '--force-resubscribe'/],
    [
      ['subscribers', 'list', '--status', 'activ'],
      /--status must be active, unconfirmed, unsubscribed or bounced, got "activ"/,
    ],
    [
      ['subscribers', 'export', '--staus', 'active'],
      /unknown option '--staus'[\s\S]*Did you mean --status\?/,
    ],
    [
      ['worker', '--role', 'snder'],
      /argument 'snder' is invalid. Allowed choices are all, scheduler, sender/,
    ],
    [['worker', '--rol', 'sender'], /unknown option '--rol'[\s\S]*Did you mean --role\?/],
    [['serve', '--port', '8000'], /unknown option '--port'/],
    [['preview', 'x.md', '--port', 'abc'], /--port must be a port number, got "abc"/],
    [['analyze', 'x.md', '--jsno'], /unknown option '--jsno'[\s\S]*Did you mean --json\?/],
    [['render', 'x.md', '--out'], /option '--out <dir>' argument missing/],
    [['--dryrun', 'send'], /unknown option '--dryrun'/],
    [['sned'], /unknown command 'sned'[\s\S]*Did you mean send\?/],
  ])('refuses digest %j with exit 2, naming what is wrong, and does nothing', async (args, message) => {
    const result = await digest(args);
    expect(result.out).toMatch(message);
    expect(result.code).toBe(2);
    expect(existsSync(db)).toBe(false);
  });

  it("shows an unknown option's control characters as escapes, not as terminal sequences", async () => {
    const result = await digest(['send', '--dry\u001b[2Jrun']);
    expect(result.code).toBe(2);
    expect(result.out).toContain("unknown option '--dry\\x1b[2Jrun'");
    expect(result.out).not.toContain('\u001b');
  });

  it('still ends --help with 0', async () => {
    const result = await digest(['send', '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/--dry-run/);
  });
});
