import { alertsOfReport } from '../alerts/notifier.ts';
import type { DeliveryReport } from '../deliver/deliver-edition.ts';
import type { Logger } from '../log.ts';
import { deliverRecorded, type PipelineContext } from '../pipeline.ts';
import type { EditionProgress } from '../store/store.ts';
import type { RunResult } from './runner.ts';

/** What repairEdition does to one edition, under the run lease. */
export interface Repair {
  editionId: string;
  /** retry: its failed deliveries (to subscribers still active) again; resume: a paused one's rest. */
  kind: 'retry' | 'resume';
  signal: AbortSignal;
  lost: AbortSignal;
  onProgress?: ((p: EditionProgress) => void) | undefined;
  /** Told once the edition is sending again, before delivery. */
  onStarted?: (() => void) | undefined;
}

/**
 * Sends the rest of one recorded edition: its failed deliveries queued again (retry), or a
 * paused edition taken up again (resume; only a paused one). Nothing when there is no such
 * edition, or nothing to resume.
 */
export async function repairEdition(
  ctx: PipelineContext,
  logger: Logger,
  repair: Repair,
): Promise<RunResult> {
  const { editionId } = repair;
  const record = await ctx.store.getEdition(editionId);
  if (!record || (repair.kind === 'resume' && record.status !== 'paused')) {
    return { kind: 'ran', reports: [], editionId: null };
  }
  if (repair.kind === 'retry') {
    const requeued = await ctx.store.requeueFailed(editionId);
    logger.info({ editionId, requeued }, `edition ${editionId}: ${requeued} failed delivery(ies) requeued`);
  } else {
    logger.info({ editionId }, `resuming paused edition ${editionId}`);
  }
  await ctx.store.setEditionStatus(editionId, 'sending');
  repair.onStarted?.();
  const report = await deliverRecorded(ctx, record, {
    signal: repair.signal,
    ...(repair.onProgress ? { onProgress: repair.onProgress } : {}),
  });
  await finishRun(ctx, [report], repair.lost);
  return { kind: 'ran', reports: [report], editionId };
}

/** What every run does at its end: hand stopped deliveries back, and tell ops what needs them. */
export async function finishRun(
  ctx: PipelineContext,
  reports: DeliveryReport[],
  lost: AbortSignal,
): Promise<void> {
  await handBack(ctx, reports, lost);
  await raiseAlerts(ctx, reports);
}

/** Paused editions and editions done with failed deliveries are told to ops (OPS_EMAILS, the webhook). */
async function raiseAlerts(ctx: PipelineContext, reports: DeliveryReport[]): Promise<void> {
  if (!ctx.notifier) return;
  for (const report of reports) {
    const alerts = alertsOfReport(report, '');
    if (alerts.length === 0) continue;
    const subject = (await ctx.store.getEdition(report.editionId))?.subject ?? '';
    for (const event of alertsOfReport(report, subject)) await ctx.notifier.alert(event);
  }
}

/**
 * After a stop, deliveries still marked "sending" go back to the queue for the next run.
 * Not when the lease was lost: then another worker may be sending them right now. Nor with a
 * delivery queue: the senders, not this process, have them in flight.
 */
async function handBack(ctx: PipelineContext, reports: DeliveryReport[], lost: AbortSignal): Promise<void> {
  if (lost.aborted || ctx.queue) return;
  for (const r of reports) if (r.outcome === 'stopped') await ctx.store.requeueSending(r.editionId);
}
