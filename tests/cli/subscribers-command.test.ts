import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerSubscribers } from '../../src/cli/subscribers-command.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { runCommand } from './run-command.ts';

describe('digest subscribers', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let env: Record<string, string>;
  const digest = (...args: string[]) => runCommand([registerSubscribers], ['subscribers', ...args], env);
  const inStore = async <T>(work: (store: ReturnType<typeof openSqliteStore>) => Promise<T>) => {
    const store = openSqliteStore(env.DIGEST_DB ?? '');
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };
  beforeEach(() => {
    temp = makeTempDir('digest-subs-');
    env = { DIGEST_DB: join(temp.dir, 'digest.db') };
  });
  afterEach(() => temp.remove());

  it('adds every form of one address once, and says so in its normal form', async () => {
    expect((await digest('add', 'Uni <UNI@BÜCHER.example>')).stdout).toBe(
      'added: uni@xn--bcher-kva.example\n',
    );
    for (const form of ['uni@bücher.example', 'uni@xn--bcher-kva.example', 'uni@BÜCHER.EXAMPLE']) {
      const again = await digest('add', form);
      expect(again).toMatchObject({ code: 0, stdout: 'already subscribed: uni@xn--bcher-kva.example\n' });
    }
    expect((await digest('count')).stdout).toBe('1\n');
  });

  it('names every status --status takes when given one it does not, unconfirmed included', async () => {
    for (const command of ['list', 'count', 'export']) {
      const result = await digest(command, '--status', 'nope');
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        'digest: --status must be active, unconfirmed, unsubscribed or bounced, got "nope" [USAGE]\n',
      );
    }
    expect((await digest('count', '--status', 'unconfirmed')).stdout).toBe('0\n');
  });

  it('makes an unconfirmed sign-up active on add, recorded as done by the operator', async () => {
    await inStore((store) =>
      store.addSubscribers([{ email: 'pat@example.org', name: null, status: 'unconfirmed' }], {
        source: 'form',
      }),
    );
    expect((await digest('add', 'pat@example.org')).stdout).toBe(
      'added (its sign-up was not confirmed): pat@example.org\n',
    );
    const events = await inStore(async (store) => {
      const s = await store.findSubscriber('pat@example.org');
      expect(s?.status).toBe('active');
      return store.history.list(s?.id ?? 0);
    });
    expect(events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.source])).toEqual([
      ['signed-up', null, 'unconfirmed', 'form'],
      ['subscribed', 'unconfirmed', 'active', 'cli'],
    ]);
  });

  it('never resubscribes someone who unsubscribed or bounced, and says why and what would', async () => {
    await digest('add', 'ana@example.org');
    await digest('remove', 'ANA@example.org');
    const refused = await digest('add', 'ana@example.org');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /ana@example\.org unsubscribed .* stays unsubscribed: only their own confirmed request/,
    );
    expect(refused.stderr).toMatch(/--force-resubscribe/);
    expect(refused.stderr).toMatch(/\[SUBSCRIBER_LEFT\]/);
    expect((await digest('count', '--status', 'unsubscribed')).stdout).toBe('1\n');
  });

  it('resubscribes with --force-resubscribe, and the history says an operator forced it', async () => {
    await digest('add', 'ana@example.org');
    await inStore((s) => s.setSubscriberStatus('ana@example.org', 'bounced', { source: 'bounce' }));
    const forced = await digest('add', 'ana@example.org', '--force-resubscribe');
    expect(forced).toMatchObject({ code: 0 });
    expect(forced.stdout).toMatch(/resubscribed by --force-resubscribe \(was bounced; recorded/);
    const history = JSON.parse((await digest('history', 'ana@example.org', '--json')).stdout);
    expect(history.at(-1)).toMatchObject({
      kind: 'status-forced',
      fromStatus: 'bounced',
      toStatus: 'active',
      source: 'cli',
      note: expect.stringContaining('--force-resubscribe'),
    });
    expect(history.at(-1).actor).toMatch(/@cli$/);
  });

  it('says "already unsubscribed" for a second remove, and refuses an address not on the list', async () => {
    await digest('add', 'ana@example.org');
    expect((await digest('remove', 'ana@example.org')).stdout).toBe('unsubscribed: ana@example.org\n');
    expect((await digest('remove', 'ana@example.org')).stdout).toBe(
      'already unsubscribed: ana@example.org\n',
    );
    const stranger = await digest('remove', 'bob@example.org');
    expect(stranger).toMatchObject({ code: 1 });
    expect(stranger.stderr).toMatch(/bob@example\.org is not on the list/);
  });

  it('prints the history of an address, oldest first', async () => {
    await digest('add', 'ana@example.org');
    await digest('remove', 'ana@example.org');
    const lines = (await digest('history', 'ANA@example.org')).stdout.trim().split('\n');
    expect(lines.map((l) => l.split('\t').slice(1, 4))).toEqual([
      ['subscribed', '- -> active', 'cli'],
      ['unsubscribed', 'active -> unsubscribed', 'cli'],
    ]);
  });

  it('escapes terminal control sequences in the names it lists', async () => {
    await inStore((s) => s.addSubscriber('eve@example.org', '\u001b]0;owned\u0007Eve\u001b[2J\nfake@line'));
    const { stdout } = await digest('list');
    expect(stdout).toBe('eve@example.org\t\\x1b]0;owned\\x07Eve\\x1b[2J\\nfake@line\tactive\n');
  });

  it('imports a file and says which rows it refused and which it kept unsubscribed, by line', async () => {
    await digest('add', 'ana@example.org');
    await digest('remove', 'ana@example.org');
    const file = join(temp.dir, 'list.csv');
    writeFileSync(
      file,
      `email,name\nana@example.org,Ana\nben@example.org,${'b'.repeat(300)}\ncarl@example.org,Carl\n`,
    );
    const result = await digest('import', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      '3 row(s): 1 added, 1 already on the list (1 unsubscribed or bounced: kept so), 1 refused\n',
    );
    expect(result.stderr).toContain(
      `${file}:2: ana@example.org unsubscribed before and stays unsubscribed: an import never resubscribes`,
    );
    expect(result.stderr).toContain(
      `${file}:3: ben@example.org: the name is longer than 200 characters (300)`,
    );
  });

  it('exports a name that is a spreadsheet formula as text, and imports the export back unchanged', async () => {
    const formula = '=HYPERLINK("http://evil.example","x")';
    await inStore((store) => store.addSubscriber('mallory@example.org', formula));
    const file = join(temp.dir, 'export.csv');
    expect((await digest('export', '--out', file)).code).toBe(0);
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain('mallory@example.org,"\'=HYPERLINK(""http://evil.example"",""x"")",active,');
    env = { DIGEST_DB: join(temp.dir, 'other.db') };
    expect((await digest('import', file)).code).toBe(0);
    expect((await inStore((store) => store.findSubscriber('mallory@example.org')))?.name).toBe(formula);
  });
});
