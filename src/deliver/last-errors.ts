import type { DigestStore } from '../store/store.ts';

/** How many errors a delivery report carries. */
const LAST_ERRORS = 10;

/**
 * The report's `email: error` lines, oldest first, by the rule `status` and the ops API use:
 * errors of deliveries not sent. An error a later attempt got past (a 451, then accepted) is
 * not one, however recent.
 */
export async function readLastErrors(
  store: Pick<DigestStore, 'deliveryErrors'>,
  editionId: string,
): Promise<string[]> {
  const errors = await store.deliveryErrors(editionId, LAST_ERRORS);
  return errors.reverse().map((e) => `${e.email}: ${e.error}`);
}
