import { describe, expect, it } from 'vitest';
import { startProcess } from '../helpers/child.ts';

const SCRIPT = `
const { onStopSignal } = await import('./src/cli/signals.ts');
onStopSignal((signal) => console.log('stopping on ' + signal));
setInterval(() => {}, 1000);
console.log('ready');
`;

describe('onStopSignal', () => {
  it('stops at the first signal, ignores its relayed repeat, and exits at once on a later one', async () => {
    const run = startProcess(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], {});
    await run.waitFor(/ready/);
    run.child.kill('SIGINT');
    await run.waitFor(/stopping on SIGINT/);
    run.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 300));
    expect(run.child.exitCode).toBeNull();
    await new Promise((r) => setTimeout(r, 900));
    run.child.kill('SIGINT');
    const { code, out } = await run.exited;
    expect(code).toBe(130);
    expect(out).toMatch(/SIGINT again: exiting now/);
  }, 20_000);
});
