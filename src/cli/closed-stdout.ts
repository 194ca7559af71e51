/**
 * When the reader of standard output goes away (`digest subscribers list | head -1`), a write
 * fails with EPIPE. Node does not die of SIGPIPE as C programs do, so without this the error
 * is unhandled (a stack trace, exit 1). Here, as with `git log | head`, the command ends
 * quietly: nothing more is written to stdout, a command that changes things still finishes
 * (a send is not cut in half because its reader left), and the exit status is the command's
 * own: 0 when it succeeded.
 */

let readerGone = false;

/** Watches standard output for a reader that went away; call once, at start. */
export function endQuietlyWhenStdoutCloses(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
    // Later writes succeed at once, so nothing waits for a 'drain' that will never come.
    stream.write = (_chunk: unknown, ...rest: unknown[]) => {
      const callback = rest.find((a) => typeof a === 'function') as (() => void) | undefined;
      if (callback) queueMicrotask(callback);
      return true;
    };
  });
}

/** True for the failed write of a stdout whose reader went away: not an error to report. */
export function isClosedStdoutError(error: unknown): boolean {
  return readerGone && (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

/**
 * Resolves when standard output can take more (after a write returned false), or when its
 * reader went away: a 'drain' that never comes must not leave the command waiting forever.
 */
export function stdoutDrained(stream: NodeJS.WriteStream = process.stdout): Promise<void> {
  if (readerGone || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
    stream.once('error', done);
  });
}
