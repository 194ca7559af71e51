import type { Logger } from '../log.ts';
import type { EditionProgress } from '../store/store.ts';

/** Options of createProgress. */
export interface ProgressOptions {
  /** Where the bar is drawn. Default standard error. */
  stream?: NodeJS.WriteStream;
  /** Draw a bar (redrawn in place); false = a plain log line now and then. Default: stream is a TTY. */
  tty?: boolean;
  /** Plain mode: the least time between two lines. Default 2,000 ms. */
  plainIntervalMs?: number;
  logger: Logger;
}

/** Shows a send's progress; update() after each batch, end() once. */
export interface ProgressDisplay {
  update(progress: EditionProgress): void;
  end(): void;
}

const BAR_WIDTH = 24;

/**
 * Progress of a send: sent / failed / rate / ETA, as a bar redrawn with \r on a terminal and
 * as plain log lines (at most one per interval) otherwise, so logs stay readable in files.
 */
export function createProgress(options: ProgressOptions): ProgressDisplay {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? stream.isTTY === true;
  const started = Date.now();
  let first: number | null = null;
  let lastPlain = 0;
  let drawn = false;
  return {
    update(p) {
      const done = p.sent + p.failed + (p.skipped ?? 0);
      first ??= done;
      const elapsed = (Date.now() - started) / 1000;
      const rate = elapsed > 0 ? (done - first) / elapsed : 0;
      const left = p.queued + p.sending;
      const eta = rate > 0 ? left / rate : null;
      if (tty) {
        stream.write(`\r${formatBar(p, rate, eta)}\x1b[K`);
        drawn = true;
      } else if (Date.now() - lastPlain >= (options.plainIntervalMs ?? 2000) || left === 0) {
        lastPlain = Date.now();
        options.logger.info(
          {
            sent: p.sent,
            failed: p.failed,
            queued: p.queued,
            total: p.total,
            rate: round(rate),
            eta: eta && round(eta),
          },
          `progress: ${p.sent}/${p.total} sent, ${p.failed} failed, ${round(rate)}/s, ETA ${formatEta(eta)}`,
        );
      }
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}

/** `[██████░░░░] 60% 600/1000 sent · 3 failed · 120/s · ETA 0:03` */
export function formatBar(p: EditionProgress, rate: number, eta: number | null): string {
  const done = p.sent + p.failed + (p.skipped ?? 0);
  const share = p.total > 0 ? done / p.total : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  return `[${bar}] ${Math.floor(share * 100)}% ${p.sent}/${p.total} sent · ${p.failed} failed · ${round(rate)}/s · ETA ${formatEta(eta)}`;
}

function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
