import type { Quote } from '../models/analysis.ts';
import { isRoleNoun } from './roles.ts';

// "Iceland's fisheries minister": a role its owner names, spoken of before the person is.
const OWNED_ROLE = /^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*['’]s\s+(?:[\p{Ll}-]+\s+){0,3}([\p{Ll}-]+)$/u;
const FULL_NAME = /^\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)+$/u;

/**
 * "Iceland's fisheries minister made clear ..., saying “...”. / “...,” Sigrun Palsdottir said.": a
 * description that speaks, then a person the very next paragraph names for the first time with no
 * role, is that person; the description is their role.
 */
export function nameDescribedSpeakers(quotes: readonly Quote[], paragraphs: readonly string[]): Quote[] {
  const out = [...quotes];
  const paragraphOf = (quote: Quote) => paragraphs.findIndex((p) => p.includes(quote.text.slice(0, 60)));
  for (let i = 0; i + 1 < out.length; i++) {
    const described = out[i];
    const next = out.slice(i + 1).find((q) => q.speaker !== described?.speaker);
    if (!described?.speaker || !next?.speaker || next.role !== null) continue;
    const owned = OWNED_ROLE.exec(described.speaker);
    if (!owned?.[1] || !isRoleNoun(owned[1]) || !FULL_NAME.test(next.speaker)) continue;
    const at = paragraphOf(described);
    if (at < 0 || paragraphOf(next) !== at + 1) continue;
    // Named there for the first time: nowhere before, not even by the last word of the name.
    const surname = next.speaker.split(' ').pop() ?? next.speaker;
    if (paragraphs.slice(0, at + 1).some((p) => p.includes(surname))) continue;
    const { speaker: person } = next;
    const role = described.speaker;
    for (let j = i; j < out.length; j++) {
      const quote = out[j];
      if (!quote) continue;
      if (quote.speaker === role || (quote.speaker === person && quote.role === null))
        out[j] = { ...quote, speaker: person, role };
    }
  }
  return out;
}
