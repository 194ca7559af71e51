import type { PeopleIndex, Person } from './people.ts';
import { findPeopleMentioned, findPersonIn } from './people.ts';
import { splitSentences } from './sentences.ts';

/** The pronoun the text uses for a person: "he" or "she". */
export type Pronoun = 'he' | 'she';

// Subject and possessive forms only: "Smith told her" is about someone else, "Smith said her" is not.
const HE = /\b(?:he|his|himself)\b/gi;
const SHE = /\b(?:she|herself)\b/gi;
const HONORIFIC_HE = /\b(?:Mr|Sir|Lord|King|Prince)\.?\s+$/;
const HONORIFIC_SHE = /\b(?:Mrs|Ms|Miss|Madam|Dame|Lady|Queen|Princess)\.?\s+$/;

/**
 * The pronoun each person of the article goes by, where the text shows it: an honorific before
 * the name ("Ms Wanjiku"), or a sentence about that one person alone whose pronouns are all of
 * one kind ("Otieno said he had raised the matter"). A person the text shows both ways, or never,
 * is left out: "she said" may then mean anyone.
 */
export function findPronouns(paragraphs: readonly string[], people: PeopleIndex): Map<string, Pronoun> {
  const seen = new Map<string, Set<Pronoun>>();
  const note = (person: Person, pronoun: Pronoun) => {
    const set = seen.get(person.name) ?? new Set<Pronoun>();
    set.add(pronoun);
    seen.set(person.name, set);
  };
  for (const paragraph of paragraphs) {
    for (const mention of findPeopleMentioned(paragraph, people)) {
      const lead = paragraph.slice(Math.max(0, mention.at - 12), mention.at);
      if (HONORIFIC_HE.test(lead)) note(mention.person, 'he');
      else if (HONORIFIC_SHE.test(lead)) note(mention.person, 'she');
    }
    for (const sentence of splitSentences(paragraph)) {
      // Quoted words speak of others in their own voice: only the narrator's pronouns count.
      const narration = sentence.text.replace(/["“][^"“”]*["”]?/g, ' ');
      const mentioned = new Set(findPeopleMentioned(narration, people).map((m) => m.person));
      const subject = findPersonIn(narration, people);
      if (mentioned.size !== 1 || !subject || !mentioned.has(subject)) continue;
      const after = narration.slice(narration.indexOf(subject.name.split(' ').pop() ?? '') + 1);
      const he = (after.match(HE) ?? []).length;
      const she = (after.match(SHE) ?? []).length;
      if (he > 0 && she === 0) note(subject, 'he');
      else if (she > 0 && he === 0) note(subject, 'she');
    }
  }
  const pronouns = new Map<string, Pronoun>();
  for (const [name, set] of seen) {
    const only = [...set];
    if (only.length === 1 && only[0]) pronouns.set(name, only[0]);
  }
  return pronouns;
}
