import type { DeliverOptions, DeliveryReport } from '../deliver/deliver-edition.ts';
import type { PipelineContext } from '../pipeline.ts';
import { releaseDraft } from './release-draft.ts';

/**
 * Sends the approved drafts whose time has come: manual ones, held ones approved since, ones
 * whose slot passed while no worker ran, and any a stopped run left half sent.
 */
export async function sendDueDrafts(
  ctx: PipelineContext,
  deliver: DeliverOptions,
  now = new Date(),
): Promise<DeliveryReport[]> {
  const reports: DeliveryReport[] = [];
  for (const draft of await ctx.store.drafts.due(now)) {
    if (deliver.signal?.aborted) break;
    ctx.log(`draft ${draft.id} is approved and due: sending it`);
    const released = await releaseDraft(ctx, draft, { approvedOnly: true, deliver });
    if (released.kind === 'sent') reports.push(released.report);
  }
  return reports;
}
