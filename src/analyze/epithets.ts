import type { Person } from './people.ts';
import { isRoleNoun } from './roles.ts';
import { splitSentences } from './sentences.ts';

// "The 56-year-old singer - who ...": an aged description opening a sentence, up to its role noun.
const AGED_EPITHET =
  /^The\s+(\d{1,3})-year-old\s+((?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+)(?=[\s,.;:—–-]|$)(?!\s+\p{Lu})/u;

/**
 * Gives a role to people the article introduces without one, from the aged description the next
 * sentence opens with: "Michael Ball is set to release ... The 56-year-old singer ..." makes him a
 * "singer". A description followed by a name ("The 23-year-old midfielder Joana Luz") is that name's.
 * `openingPerson` is whom a sentence opens with (the people index answers it).
 */
export function addEpithetRoles(
  paragraphs: readonly string[],
  openingPerson: (sentence: string) => Person | null,
): void {
  const sentences = paragraphs.flatMap((text) => splitSentences(text).map((s) => s.text.trim()));
  for (let i = 1; i < sentences.length; i++) {
    const match = AGED_EPITHET.exec(sentences[i] ?? '');
    const role = match?.[2];
    if (!role || !isRoleNoun(role.split(/\s+/).pop() ?? '')) continue;
    const subject = openingPerson(sentences[i - 1] ?? '');
    if (!subject || subject.role !== null) continue;
    subject.role = role;
    subject.age ??= Number(match[1]);
  }
}
