import type { DateMention } from './dates.ts';

/** The time written nearest a dated mention among the sentence's time-only mentions. */
export function nearestTime(times: DateMention[], mention: DateMention, dated: DateMention[]): string | null {
  const own = times.filter((t) => {
    const closest = dated.reduce((best, d) =>
      Math.abs(d.end - t.start) < Math.abs(best.end - t.start) ? d : best,
    );
    return closest === mention;
  });
  return own[0]?.time ?? null;
}

const SEPARATOR = /(?:,\s+(?:and|but|while|whereas|with)\s+|;\s*|,\s+|\s+(?:while|whereas)\s+)/g;

/** A clause starts after the last separator between the previous date and this one. */
export function clauseStart(
  sentence: string,
  previous: DateMention | undefined,
  mention: DateMention,
): number {
  if (!previous) return 0;
  const between = sentence.slice(previous.end, mention.start);
  let cut = 0;
  for (const match of between.matchAll(SEPARATOR)) cut = match.index + match[0].length;
  return previous.end + cut;
}

/** A clause ends where the next date's clause starts. */
export function clauseEnd(sentence: string, mention: DateMention, next: DateMention | undefined): number {
  return next ? clauseStart(sentence, mention, next) : sentence.length;
}
