import { surnameOf } from './names.ts';
import type { PeopleIndex, Person } from './people.ts';
import { findPeopleMentioned } from './people.ts';
import { SPEECH_VERBS } from './vocabulary.ts';

/** The pronoun the text uses for a person: "he" or "she". */
export type Pronoun = 'he' | 'she';

const HONORIFIC_HE = /\b(?:Mr|Sir|Lord|King|Prince)\.?\s+$/;
const HONORIFIC_SHE = /\b(?:Mrs|Ms|Miss|Madam|Dame|Lady|Queen|Princess)\.?\s+$/;
// "Otieno said he", "Okafor, who ..., added that she": a pronoun right after the name's own verb of saying
// ("told the court that he" is too often a client's).
const SAID_PRONOUN =
  /^(?:,[^,"“”]{0,80},)?\s+(\p{Ll}+)\s+(?:(?:reporters|journalists)\s+)?(?:that\s+)?(he|she)\b/u;

/**
 * The pronoun each person of the article goes by, where the text shows it: an honorific before the
 * name ("Ms Wanjiku"), or the name, a verb of saying and a pronoun ("Otieno said he had raised
 * it"). A surname counts only once the full name has been given (an earlier "Ruiz" is another
 * Ruiz). A person the text shows both ways, or never, is left out: "she said" may mean anyone.
 */
export function findPronouns(paragraphs: readonly string[], people: PeopleIndex): Map<string, Pronoun> {
  const seen = new Map<string, Set<Pronoun>>();
  const introduced = new Set<Person>();
  const note = (person: Person, pronoun: Pronoun) => {
    const set = seen.get(person.name) ?? new Set<Pronoun>();
    set.add(pronoun);
    seen.set(person.name, set);
  };
  for (const paragraph of paragraphs) {
    for (const mention of findPeopleMentioned(paragraph, people)) {
      const { person, at } = mention;
      const fullAt = paragraph.lastIndexOf(person.name, at);
      const full = fullAt >= 0 && fullAt + person.name.length >= at;
      if (full) introduced.add(person);
      const shared = people.sharedSurnames.has(surnameOf(person.name));
      if (!introduced.has(person) || (shared && !full)) continue;
      const lead = paragraph.slice(Math.max(0, at - 12), at);
      if (HONORIFIC_HE.test(lead)) note(person, 'he');
      else if (HONORIFIC_SHE.test(lead)) note(person, 'she');
      const end = at + (/^[\p{L}\p{M}'’-]+/u.exec(paragraph.slice(at))?.[0].length ?? 0);
      const said = SAID_PRONOUN.exec(paragraph.slice(end, end + 140));
      if (said?.[1] && SPEECH_VERBS.has(said[1]) && (said[2] === 'he' || said[2] === 'she'))
        note(person, said[2]);
    }
  }
  const pronouns = new Map<string, Pronoun>();
  for (const [name, set] of seen) {
    const only = [...set];
    if (only.length === 1 && only[0]) pronouns.set(name, only[0]);
  }
  return pronouns;
}
