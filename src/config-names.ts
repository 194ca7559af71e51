import { closestName } from './closest-name.ts';

/**
 * The prefixes of our variables: the first word of each name we read (`SMTP_`, `ALERT_`,
 * `LOG_`, …), so a variable added to the schema brings its prefix along. A name with one of
 * them that we do not read is a slip (`DIGEST_CRONN`, `ALERT_WEBHOOK`), never another
 * program's setting.
 */
export function variablePrefixes(known: readonly string[]): string[] {
  const prefixes = known.filter((n) => n.includes('_')).map((n) => `${n.slice(0, n.indexOf('_'))}_`);
  return [...new Set(prefixes)].sort();
}

/** Other programs' variables that share a prefix with ours. */
const FOREIGN = new Set(['HTTP_PROXY', 'HTTPS_PROXY', 'HTTP_PROXY_REQUEST_FULLURI']);

/**
 * Warnings for variables that look like ours but are not (`SMPT_URL`, `DIGEST_CRONN`,
 * `smtp_url`), each naming the closest known variable: one would otherwise be ignored in
 * silence, and mail would quietly stay in the dev inbox. Only names with one of our prefixes,
 * or within two edits of a known name, are considered, never the whole environment.
 */
export function misspeltVariableWarnings(env: NodeJS.ProcessEnv, known: readonly string[]): string[] {
  const knownSet = new Set(known);
  const prefixes = variablePrefixes(known);
  const warnings: string[] = [];
  for (const name of Object.keys(env).sort()) {
    if (knownSet.has(name) || FOREIGN.has(name.toUpperCase())) continue;
    const prefix = prefixes.find((p) => name.toUpperCase().startsWith(p));
    // ALERT_URL: not within two edits of ALERT_WEBHOOK_URL, but the only ALERT_ variable there is.
    const only = prefix ? known.filter((k) => k.startsWith(prefix)) : [];
    const guess = closestName(name, known) ?? (only.length === 1 ? (only[0] ?? null) : null);
    const ours = prefix !== undefined;
    if (!guess && !ours) continue;
    warnings.push(
      `${name} is not a variable this program reads (in the environment or .env), so it is ignored` +
        (guess ? `: did you mean ${guess}?` : ''),
    );
  }
  return warnings;
}
