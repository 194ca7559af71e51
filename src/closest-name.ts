/**
 * Edit distance (Damerau: a swap of two neighbours counts one, as in SMPT for SMTP) between
 * two names, compared case-insensitively. Names are short: the quadratic table is fine.
 */
export function nameDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      let best = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
  }
  return (d[s.length] as number[])[t.length] ?? 0;
}

/**
 * The known name closest to `name`, when it is close enough to be a slip of the keyboard:
 * at most 2 edits for names of 6 or more characters, 1 for shorter ones. Otherwise null.
 */
export function closestName(name: string, known: Iterable<string>): string | null {
  const limit = name.length >= 6 ? 2 : 1;
  let best: { name: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = nameDistance(name, candidate);
    if (distance <= limit && (best === null || distance < best.distance))
      best = { name: candidate, distance };
  }
  return best?.name ?? null;
}

/** `"x"` plus ` (did you mean "y"?)` when a known name is close. */
export function describeUnknownName(name: string, known: Iterable<string>): string {
  const guess = closestName(name, known);
  return `"${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
}
