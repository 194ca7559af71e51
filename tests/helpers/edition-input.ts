import type { OpenEditionInput } from '../../src/store/store.ts';

/** An edition with no articles, to open in a store: what queueing tests need of one. */
export function emptyEditionInput(id: string): OpenEditionInput {
  return {
    edition: { id, date: '2026-03-02', composedAt: '2026-03-02T07:00:00Z', newsletterName: 'D', items: [] },
    subject: 'S',
    slot: null,
    articleIds: [],
    messageIdDomain: 'example.org',
  };
}
