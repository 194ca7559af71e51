import { expect } from 'vitest';

/** What a counting SMTP server recorded: each accepted message's recipient and Message-ID count. */
export interface CountingSmtp {
  accepted: { to: string }[];
  countByMessageId(): Map<string, number>;
}

/**
 * Asserts an edition reached every one of `subscribers` active subscribers, never the one who
 * left (left@example.org), with at most `maxDuplicates` second copies (the messages in flight
 * when a sender was killed). Returns the number of duplicates.
 */
export function expectEveryoneOnce(smtp: CountingSmtp, subscribers: number, maxDuplicates: number): number {
  const counts = smtp.countByMessageId();
  const recipients = new Set(smtp.accepted.map((a) => a.to));
  expect(recipients.size).toBe(subscribers);
  expect(recipients.has('left@example.org')).toBe(false);
  expect(counts.size).toBe(subscribers);
  const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
  expect(duplicates).toBeLessThanOrEqual(maxDuplicates);
  expect(smtp.accepted.length).toBe(subscribers + duplicates);
  return duplicates;
}
