import type { BounceCounts, BounceEvent } from '../store/bounce-store.ts';

/** Bounce counts as one line: `2 hard, 1 soft, 1 complaint(s), …`. */
export function formatBounceCounts(c: BounceCounts, options: { unmatched?: boolean } = {}): string {
  const parts = [
    `${c.hard} hard`,
    `${c.soft} soft`,
    `${c.complaint} complaint(s)`,
    `${c.autoReply} auto-reply(s)`,
    `${c.notice} notice(s)`,
  ];
  // Per edition these are always 0: what matched nothing belongs to no edition.
  if (options.unmatched !== false)
    parts.push(`${c.unparseable} unparseable`, `${c.unmatched} unmatched`, `${c.forged} forged`);
  return parts.join(', ');
}

/** Why a subscriber left, from the event that made them leave (for `subscribers list`). */
export function describeBounceReason(e: BounceEvent | undefined): string {
  if (!e) return 'no bounce recorded (set by an import or by hand)';
  const what =
    e.kind === 'complaint'
      ? 'complaint'
      : e.kind === 'soft'
        ? 'soft bounces reached BOUNCE_SOFT_LIMIT; the last'
        : e.source === 'smtp'
          ? 'refused by the SMTP server'
          : 'hard bounce';
  const code = e.code ? ` ${e.code}` : '';
  const edition = e.editionId ? `, edition ${e.editionId}` : '';
  const words = e.diagnostic ? `: ${e.diagnostic}` : '';
  return `${what}${code} on ${e.occurredAt.slice(0, 10)}${edition}${words}`;
}
