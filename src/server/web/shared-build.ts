import { type Settled, settleWithin } from './answer-within.ts';

/** A build's result, shared by the requests that ask while it runs. */
export interface SharedBuild<T> {
  /**
   * The result within `ms`: a kept one, the build in progress, or a new build; `{done: false}`
   * when it takes longer (the build goes on, and its result waits for the next request).
   */
  within(ms: number): Promise<Settled<T>>;
  /** Drops the kept result, and the result of a build running now: what it read is out of date. */
  forget(): void;
}

/** Options of shareBuild. */
export interface SharedBuildOptions {
  /** How long a result is served again, ms. Default 0: the next request builds anew. */
  cacheMs?: number;
  /**
   * How long a result nobody waited for (its requests were answered "building") is kept, ms;
   * a failure too, so the reloading page shows why instead of starting the build again. Default 60,000.
   */
  lateKeepMs?: number;
}

/**
 * One build at a time of something slow (the digest of feeds of slow pages): requests that
 * come while it runs wait for it instead of starting another, and a request that waits past
 * its limit is answered at once; the result is kept for its reload.
 */
export function shareBuild<T>(make: () => Promise<T>, options: SharedBuildOptions = {}): SharedBuild<T> {
  const cacheMs = options.cacheMs ?? 0;
  const lateKeepMs = options.lateKeepMs ?? 60_000;
  let building: Promise<T> | null = null;
  let kept: { outcome: { value: T } | { error: unknown }; until: number } | null = null;
  let outlived = false;
  // Bumped by forget(): a build begun before it answers those waiting, but is not kept.
  let generation = 0;
  const build = (): Promise<T> => {
    if (kept && kept.until > Date.now()) {
      const { outcome } = kept;
      return 'value' in outcome ? Promise.resolve(outcome.value) : Promise.reject(outcome.error);
    }
    const begun = generation;
    building ??= make().then(
      (value) => {
        if (begun === generation)
          kept = {
            outcome: { value },
            until: Date.now() + (outlived ? Math.max(cacheMs, lateKeepMs) : cacheMs),
          };
        building = null;
        outlived = false;
        return value;
      },
      (error: unknown) => {
        // Only a failure nobody was told: the one who waited for it saw it and may try again.
        if (begun === generation && outlived) kept = { outcome: { error }, until: Date.now() + lateKeepMs };
        building = null;
        outlived = false;
        throw error;
      },
    );
    return building;
  };
  return {
    async within(ms) {
      const settled = await settleWithin(build(), ms);
      if (!settled.done) outlived = true;
      return settled;
    },
    forget() {
      kept = null;
      generation++;
    },
  };
}
