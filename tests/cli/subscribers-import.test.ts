import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { runCli } from './run-cli.ts';

// Real `digest subscribers import` processes, with the files of the QA report.
describe('digest subscribers import reports each bad line once', () => {
  const temp = makeTempDir('digest-import-');
  afterAll(() => temp.remove());
  const importFile = async (name: string, text: string) => {
    const file = join(temp.dir, name);
    writeFileSync(file, text);
    return runCli(['subscribers', 'import', file], { DIGEST_DB: join(temp.dir, `${name}.db`) });
  };

  it('names a field with a bad quote once, and its summary adds up', async () => {
    const result = await importFile(
      'c2.csv',
      'email,name\nb1@example.org,One\nb2@example.org,"Bad "quote" here"\nb3@example.org,Three\n',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('3 row(s): 2 added, 0 already on the list, 1 refused\n');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/c2\.csv:3: not valid CSV: text after the closing quote of a field/),
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('names the line a quote that never closes opens on, with %s endings', async (name, eol) => {
    const lines = ['email,name', 'A1,Ann', 'a10,Ten', 'a11,"Eleven', 'a12,x'];
    const result = await importFile(`c3-${name}.csv`, lines.join(eol) + eol);
    expect(result.stdout).toBe('4 row(s): 0 added, 0 already on the list, 4 refused\n');
    expect(
      result.stderr
        .trimEnd()
        .split('\n')
        .map((l) => /\.csv:(\d+):/.exec(l)?.[1]),
    ).toEqual(['2', '3', '4', '5']);
    expect(result.stderr).toMatch(/\.csv:4: a quote opens on this line and does not close/);
  });
});
