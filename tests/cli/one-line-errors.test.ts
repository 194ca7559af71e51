import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { runCli } from './run-cli.ts';

const INJECTED = 'Digest <d@example.org>\r\nBcc: x@evil.example';

describe('an error line', () => {
  it('shows a MAIL_FROM with a line break escaped each time it quotes it, in one line', async () => {
    const temp = makeTempDir('digest-oneline-');
    try {
      const result = await runCli(['send'], { MAIL_FROM: INJECTED, DIGEST_DB: `${temp.dir}/d.db` });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^digest: MAIL_FROM ".*" .*\[CONFIG_INVALID\]\n$/);
      expect(result.stderr.match(/\n/g)).toHaveLength(1);
      expect(result.stderr).not.toContain('\r');
      expect(result.stderr.split('<d@example.org>\\r\\nBcc: x@evil.example')).toHaveLength(3);
    } finally {
      temp.remove();
    }
  });

  it('escapes a control character in any value a command quotes, not only in config', async () => {
    const temp = makeTempDir('digest-oneline-');
    try {
      const address = 'ana\u001b[2J\r\nforged line@example.org';
      const result = await runCli(['subscribers', 'add', address], { DIGEST_DB: `${temp.dir}/d.db` });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/^digest: .*ana\\x1b\[2J\\r\\nforged line@example\.org.*\n$/);
      expect(result.stderr.match(/\n/g)).toHaveLength(1);
      expect(result.stderr).not.toContain('\u001b');
    } finally {
      temp.remove();
    }
  });

  it('from loadConfig has no raw line break either', () => {
    expect(() => loadConfig({ MAIL_FROM: INJECTED })).toThrow(/^MAIL_FROM "[^\r\n]*$/);
  });
});
