/**
 * The shape of an edition id (and of its draft's): the edition date and the first 8 hex digits
 * of the hash of its article ids, as composeEdition makes it (`2022-01-06-1a2b3c4d`).
 */
export const EDITION_ID_PATTERN = /^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/;

/** What the ops API says of an id that is not one (a 400, where an unknown one is a 404). */
export const EDITION_ID_SHAPE = 'an edition id is its date and 8 hex digits, as 2022-01-06-1a2b3c4d';

/** True for a string of an edition id's shape (it may still name no edition). */
export function isEditionId(id: string): boolean {
  return EDITION_ID_PATTERN.test(id);
}
