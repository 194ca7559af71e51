/** Repeats of the first signal within this time are the same request relayed (npm, a shell). */
const RELAY_WINDOW_MS = 1000;

/**
 * Calls `stop` at the first SIGINT or SIGTERM: the command stops taking work and lets what
 * is in flight finish. A Ctrl-C reaches the process twice under `npm run` (from the terminal
 * and relayed by npm): repeats within a second are that same request and are ignored. A
 * later one means "now": the process exits at once (what was in flight is requeued and sent
 * again at the next start). Returns a function that removes the handlers.
 */
export function onStopSignal(stop: (signal: NodeJS.Signals) => void): () => void {
  let first = 0;
  const handle = (signal: NodeJS.Signals) => {
    if (first === 0) {
      first = Date.now();
      stop(signal);
      return;
    }
    if (Date.now() - first < RELAY_WINDOW_MS) return;
    process.stderr.write(
      `${signal} again: exiting now; deliveries in flight are sent again at the next start\n`,
    );
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  return () => {
    process.off('SIGINT', handle);
    process.off('SIGTERM', handle);
  };
}
