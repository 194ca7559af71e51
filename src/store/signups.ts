/**
 * Sign-ups waiting for their confirmation, on the store as `store.signups` (both backends).
 * The rows are ordinary subscribers in status `unconfirmed` (added with addSubscribers,
 * confirmed with setSubscriberStatus); what is here is what only sign-ups need.
 */
export interface SignupStore {
  /** When the last confirmation mail went to this subscriber (its history), or null. */
  lastConfirmationSent(subscriberId: number): Promise<string | null>;
  /**
   * Deletes the unconfirmed subscribers added before `before`, with their history: an address
   * nobody confirmed is not kept. Returns how many went.
   */
  purgeUnconfirmed(before: Date): Promise<number>;
}
