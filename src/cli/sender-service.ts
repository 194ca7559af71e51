import { loadConfig } from '../config.ts';
import { DigestError } from '../errors.ts';
import { startSender } from '../schedule/sender.ts';
import { openContext } from './context.ts';
import { waitForSignal } from './service.ts';

/**
 * `digest worker --role sender`: drains the delivery queue (REDIS_URL) into SMTP, with no
 * schedule and no HTTP server, so any number of them run on any machine. On SIGINT/SIGTERM it
 * stops taking jobs, lets the messages in flight finish and record, and returns (exit 0).
 */
export async function runSenderService(): Promise<void> {
  const config = loadConfig();
  if (!config.redisUrl) {
    throw new DigestError('CONFIG_INVALID', 'REDIS_URL must be set for --role sender (the queue it drains)');
  }
  const ctx = await openContext(config);
  const abort = new AbortController();
  const stopped = waitForSignal(ctx.logger, abort);
  let sender: ReturnType<typeof startSender>;
  try {
    sender = startSender(ctx, ctx.logger);
  } catch (error) {
    // A failed start closes what it opened, so the process exits with its one line.
    await ctx.close();
    throw error;
  }
  await stopped;
  await sender.close();
  await ctx.close();
  ctx.logger.info('stopped');
}
