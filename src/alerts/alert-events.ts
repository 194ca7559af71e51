import type { EditionProgress } from '../store/store.ts';

/**
 * What ops are told about, by mail (OPS_EMAILS) and as the JSON body of a POST to
 * ALERT_WEBHOOK_URL. `type` names the event; the other fields say which edition or slot.
 */
export type AlertEvent =
  | {
      type: 'edition.paused';
      editionId: string;
      subject: string;
      /** Why it paused (too many failures, the SMTP session refused). */
      reason: string | null;
      progress: EditionProgress;
    }
  | {
      type: 'edition.failed-deliveries';
      editionId: string;
      subject: string;
      progress: EditionProgress;
      lastErrors: string[];
    }
  | {
      type: 'slot.missed';
      slot: string;
      /** unapproved: its draft was held; busy: another run went on; asleep: the process was not running. */
      reason: 'unapproved' | 'busy' | 'asleep';
      draftId: string | null;
    };

/** The alert as a mail: a subject and a plain-text body for people. */
export function describeAlert(event: AlertEvent, publicUrl: string): { subject: string; text: string } {
  switch (event.type) {
    case 'edition.paused': {
      const p = event.progress;
      return {
        subject: `Edition ${event.editionId} paused`,
        text: [
          `Edition ${event.editionId} ("${event.subject}") paused: ${event.reason ?? 'no reason given'}.`,
          `${p.sent} sent, ${p.failed} failed, ${p.queued} queued of ${p.total}.`,
          `Resume it on the desk (${publicUrl}/desk/editions/${encodeURIComponent(event.editionId)}) or with \`digest send --resume\` once the cause is fixed.`,
        ].join('\n\n'),
      };
    }
    case 'edition.failed-deliveries': {
      const p = event.progress;
      return {
        subject: `Edition ${event.editionId} finished with ${p.failed} failed deliveries`,
        text: [
          `Edition ${event.editionId} ("${event.subject}") finished: ${p.sent} sent, ${p.failed} failed of ${p.total}.`,
          event.lastErrors.length > 0
            ? `Last errors:\n${event.lastErrors.map((e) => `  ${e}`).join('\n')}`
            : '',
          `Retry them on the desk (${publicUrl}/desk/editions/${encodeURIComponent(event.editionId)}) or with \`digest retry-failed ${event.editionId}\`.`,
        ]
          .filter((part) => part !== '')
          .join('\n\n'),
      };
    }
    case 'slot.missed':
      return {
        subject: `Slot ${event.slot} missed: ${event.reason}`,
        text: missedText(event, publicUrl),
      };
  }
}

function missedText(event: Extract<AlertEvent, { type: 'slot.missed' }>, publicUrl: string): string {
  switch (event.reason) {
    case 'unapproved':
      return `No edition went out at ${event.slot}: its draft${event.draftId ? ` ${event.draftId}` : ''} was not approved and is held (DIGEST_REVIEW_MISSED=hold).\n\n${event.draftId ? `${publicUrl}/desk/drafts/${encodeURIComponent(event.draftId)}` : ''}`.trim();
    case 'busy':
      return `No edition went out at ${event.slot}: the previous run was still going on.`;
    case 'asleep':
      return `No edition went out at ${event.slot}: the worker was busy or asleep when the slot came.`;
  }
}
