/** Median wall time of `fn` over `runs` runs after `warmup` runs, in milliseconds. */
export async function medianMs(fn: () => unknown, runs = 50, warmup = 5): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return round(median(times));
}

/** The middle value (the upper of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** How many times `fn` runs per second over about `seconds`. */
export async function perSecond(fn: () => unknown, seconds = 1): Promise<number> {
  for (let i = 0; i < 50; i++) await fn();
  const deadline = performance.now() + seconds * 1000;
  const start = performance.now();
  let count = 0;
  while (performance.now() < deadline) {
    for (let i = 0; i < 100; i++) await fn();
    count += 100;
  }
  return Math.round(count / ((performance.now() - start) / 1000));
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
