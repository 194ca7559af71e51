import type { Logger } from '../log.ts';
import type { RunResult } from './runner.ts';
import type { SourceFailure } from './source-reads.ts';

/**
 * A run that got under way (its edition recorded, or sending again) with the sources it could
 * not read, or how it ended before.
 */
export type UnderWay =
  | { started: true; editionId: string; unread: SourceFailure[] }
  | { started: false; result: RunResult };

/**
 * Starts a run and resolves as soon as it is under way, so a caller (an HTTP request) does
 * not wait for a whole delivery; the run goes on and `label` says how it ended in the log.
 * A run that ends without getting there resolves with its result.
 */
export function whenUnderWay(
  logger: Logger,
  label: string,
  start: (started: (editionId: string, unread?: SourceFailure[]) => void) => Promise<RunResult>,
): Promise<UnderWay> {
  return new Promise<UnderWay>((resolve, reject) => {
    let under = false;
    start((editionId, unread = []) => {
      under = true;
      resolve({ started: true, editionId, unread });
    }).then(
      (result) => {
        if (!under) resolve({ started: false, result });
        else logger.info({ editionId: result.kind === 'ran' ? result.editionId : null }, `${label} ended`);
      },
      (error: unknown) => {
        // Logged either way: the caller may have been answered "building" and be gone.
        logger.error({ err: error }, `${label} failed`);
        if (!under) reject(error);
      },
    );
  });
}
