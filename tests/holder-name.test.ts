import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isGoneHolder, makeHolderName } from '../src/holder-name.ts';

describe('isGoneHolder', () => {
  const self = makeHolderName();
  const startedAt = Date.now() - process.uptime() * 1000;
  const samePid = `${hostname()}:${process.pid}:0ld0ld00`;

  it('takes an earlier process of this host with this pid, last seen before this one started, for gone', () => {
    expect(isGoneHolder(samePid, startedAt - 1_000, self)).toBe(true);
  });

  it('takes this process, another holder of it seen since it started, and other hosts for alive', () => {
    expect(isGoneHolder(self, 0, self)).toBe(false);
    expect(isGoneHolder(samePid, Date.now(), self)).toBe(false);
    expect(isGoneHolder(`another-host:${process.pid}:x`, 0, self)).toBe(false);
    expect(isGoneHolder(`${hostname()}:${process.ppid}:x`, 0, self)).toBe(false);
  });
});
