import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { runCli, startCli } from './run-cli.ts';

const temp = makeTempDir('digest-epipe-');
const env = { DIGEST_DB: `${temp.dir}/d.db` };

beforeAll(async () => {
  // More than a pipe holds (64 KiB), so the list and the export wait for the reader.
  const rows = Array.from({ length: 3000 }, (_, i) => `reader${i}@example.org,Reader Number ${i}`);
  writeFileSync(`${temp.dir}/list.csv`, `email,name\n${rows.join('\n')}\n`);
  const imported = await runCli(['subscribers', 'import', `${temp.dir}/list.csv`], env);
  expect(imported.code).toBe(0);
}, 60_000);
afterAll(() => temp.remove());

describe('a command whose reader closes standard output', () => {
  it.concurrent.each([
    [['subscribers', 'list']],
    [['subscribers', 'list', '--consent']],
    [['subscribers', 'export']],
    [['subscribers', 'count']],
    [['editions']],
    [['status']],
    [['analyze', 'examples/articles/blinken-gun-from-ukraines-head.md', '--json']],
  ])('ends %j quietly, with exit 0 and nothing on stderr', async (args) => {
    const { child, done } = startCli(args, env);
    // The reader goes away before the first line, as `head -1` does after its first.
    child.stdout?.destroy();
    const result = await done;
    expect(result.signal).toBeNull();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it.concurrent.each([[['subscribers', 'list']], [['subscribers', 'export']]])(
    'ends %j quietly when the reader leaves after its first lines, as `| head -1` does',
    async (args) => {
      const { child, done } = startCli(args, env);
      let first = '';
      child.stdout?.once('data', (chunk: Buffer) => {
        first = chunk.toString('utf8');
        child.stdout?.destroy();
      });
      const result = await done;
      expect(first).toMatch(/^(email,name|reader0@example\.org)/);
      expect(result.signal).toBeNull();
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    },
  );

  it('still reports a real error of the command as one line', async () => {
    const { child, done } = startCli(['subscribers', 'list', '--status', 'nope'], env);
    child.stdout?.destroy();
    const result = await done;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^digest: .*nope.*\n$/);
  });
});
