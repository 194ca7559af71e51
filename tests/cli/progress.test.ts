import { describe, expect, it } from 'vitest';
import { createProgress, formatBar } from '../../src/cli/progress.ts';
import { captureLogger } from '../schedule/context.ts';

const progress = (sent: number, failed: number, queued: number) => ({
  queued,
  sending: 0,
  sent,
  failed,
  skipped: 0,
  total: sent + failed + queued,
});

describe('send progress', () => {
  it('draws sent, failed, rate and ETA as a bar', () => {
    expect(formatBar(progress(600, 3, 397), 120, 3.3)).toBe(
      '[██████████████░░░░░░░░░░] 60% 600/1000 sent · 3 failed · 120/s · ETA 0:03',
    );
    expect(formatBar(progress(0, 0, 10), 0, null)).toContain('ETA --:--');
  });

  it('redraws the bar in place on a terminal and ends the line once', () => {
    const written: string[] = [];
    const stream = { isTTY: true, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const display = createProgress({ stream, logger: captureLogger().logger });
    display.update(progress(1, 0, 9));
    display.update(progress(10, 0, 0));
    display.end();
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\r\[/);
    expect(written[1]).toContain('10/10 sent');
    expect(written[2]).toBe('\n');
  });

  it('writes plain log lines, not a bar, when the output is not a terminal', () => {
    const written: string[] = [];
    const stream = { isTTY: false, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const { logger, lines } = captureLogger();
    const display = createProgress({ stream, logger, plainIntervalMs: 60_000 });
    display.update(progress(1, 0, 9));
    display.update(progress(5, 0, 5));
    display.update(progress(9, 1, 0));
    display.end();
    expect(written).toEqual([]);
    // The first line, then the last (nothing left), the one in between held back by the interval.
    expect(lines.map((l) => l.msg)).toEqual([
      expect.stringMatching(/^progress: 1\/10 sent, 0 failed/),
      expect.stringMatching(/^progress: 9\/10 sent, 1 failed/),
    ]);
  });
});
