import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/child.ts';
import { freeLoopbackPort } from '../helpers/ports.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { SAMPLE } from '../schedule/sample.ts';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const TSX = import.meta.resolve('tsx');
const READERS = 3000;

/**
 * A real full disk: a 32 MB tmpfs mounted in a private mount namespace (`unshare -m`, so
 * nothing outside the test sees it), filled by a file, then freed. Needs root (or
 * CAP_SYS_ADMIN); skipped with the reason otherwise. SQLite's max_page_count would only
 * limit the database file, not the write-ahead log that filled the disk.
 */
function mountProblem(): string | null {
  const probe = spawnSync(
    'unshare',
    ['-m', '--propagation', 'private', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs /mnt'],
    {
      encoding: 'utf8',
    },
  );
  if (probe.error) return `full-disk test skipped: unshare is not available (${probe.error.message})`;
  return probe.status === 0
    ? null
    : `full-disk test skipped: cannot mount a tmpfs here (${probe.stderr.trim()})`;
}

const skip = mountProblem();

describe.skipIf(skip !== null)('a full disk', () => {
  const temp = makeTempDir('digest-full-');
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
    temp.remove();
  });

  it('stops a send with what to do, and once space is freed the resume recovers, says what happened and sends each once', async () => {
    const disk = join(temp.dir, 'disk');
    const csv = join(temp.dir, 'list.csv');
    writeFileSync(
      csv,
      ['email', ...Array.from({ length: READERS }, (_, i) => `r${i}@example.org`)].join('\n'),
    );
    const digest = `"${process.execPath}" --import "${TSX}" "${CLI}"`;
    const closed = await freeLoopbackPort();
    // Each step prints a marker, its output and its exit status; all in one namespace.
    const script = `set -u
mkdir -p "${disk}" && mount -t tmpfs -o size=32m tmpfs "${disk}"
export DIGEST_DB="${disk}/digest.db" DIGEST_SOURCES="${SAMPLE}" LOG_LEVEL=info SMTP_RETRY_BASE_MS=10
cd "${process.cwd()}"
${digest} subscribers import "${csv}" >/dev/null || exit 9
echo "== paused"; SMTP_URL=smtp://127.0.0.1:${closed} ${digest} send 2>&1; echo "rc=$?"
dd if=/dev/zero of="${disk}/filler" bs=64k 2>/dev/null
echo "== full"; SMTP_URL=${sink.url} ${digest} send --resume 2>&1; echo "rc=$?"
rm "${disk}/filler"
echo "== freed"; SMTP_URL=${sink.url} ${digest} send --resume 2>&1; echo "rc=$?"
`;
    // Not spawnSync: the SMTP sink runs in this process and must keep answering.
    const run = await runProcess('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], {
      PATH: process.env.PATH ?? '',
      HOME: temp.dir,
    });
    // stderr goes to stdout in the script (2>&1), so each step's lines stay under its marker.
    const steps = Object.fromEntries(
      run.stdout
        .split('== ')
        .slice(1)
        .map((s) => [s.slice(0, s.indexOf('\n')), s]),
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(steps.paused).toMatch(/rc=1/);
    expect(steps.full).toMatch(
      /digest: the disk holding .*digest\.db is full \(database or disk is full\): free some space, then `digest send --resume` finishes the edition/,
    );
    expect(steps.full).toMatch(/rc=1/);
    expect(steps.freed).toMatch(/rc=0/);
    expect(steps.freed).toMatch(/done, 3000\/3000 sent, 0 failed, 0 queued/);
    expect(steps.freed).toMatch(
      /resuming edition \S+ \(paused\): 0 of 3000 sent before the last run stopped, 3000 to send/,
    );
    const recipients = sink.received.flatMap((m) => m.to);
    expect(recipients).toHaveLength(READERS);
    expect(new Set(recipients).size).toBe(READERS);
  }, 150_000);
});

describe.runIf(skip !== null)('a full disk (not testable here)', () => {
  it(`is skipped: ${skip}`, () => undefined);
});
