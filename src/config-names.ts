import { closestName } from './closest-name.ts';

/**
 * Prefixes of our variables: a name with one of them that we do not read is a slip
 * (`DIGEST_CRONN`, `SMTP_POOLSIZE`), never another program's setting.
 */
const OUR_PREFIXES = [
  'SMTP_',
  'DIGEST_',
  'MAIL_',
  'HTTP_',
  'DKIM_',
  'REDIS_',
  'OPS_',
  'DEV_INBOX_',
  'UNSUBSCRIBE_',
  'NEWSLETTER_',
  'POSTAL_',
  'DEMO_',
  'SENDER_',
  'PUBLIC_',
  'BOUNCE_',
  'EDITOR_',
];

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
  const warnings: string[] = [];
  for (const name of Object.keys(env).sort()) {
    if (knownSet.has(name) || FOREIGN.has(name.toUpperCase())) continue;
    const guess = closestName(name, known);
    const ours = OUR_PREFIXES.some((p) => name.toUpperCase().startsWith(p));
    if (!guess && !ours) continue;
    warnings.push(
      `${name} is not a variable this program reads (in the environment or .env), so it is ignored` +
        (guess ? `: did you mean ${guess}?` : ''),
    );
  }
  return warnings;
}
