/**
 * How long a request waits for slow work (reading a feed of slow pages) before it is answered
 * "under way, look here": well inside the server's 30 s connection time-out, which would close
 * the connection with no answer at all.
 */
export const ANSWER_WITHIN_MS = 10_000;

/** Work that ended within the wait (its value), or that goes on. */
export type Settled<T> = { done: true; value: T } | { done: false };

/**
 * Waits at most `ms` for `work`: its value (or its error) when it ends in time, `{done: false}`
 * otherwise. The work is not stopped: the caller says where to follow it.
 */
export async function settleWithin<T>(work: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value): Settled<T> => ({ done: true, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
