import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until `check` holds (work that runs on the real clock), failing after `ms`. */
export async function until(check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await sleep(50);
  }
}
