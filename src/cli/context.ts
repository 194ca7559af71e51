import { createNotifier } from '../alerts/notifier.ts';
import { type Config, loadConfig, resolveSmtpUrl } from '../config.ts';
import { createDeliveryQueue } from '../deliver/queue/delivery-queue.ts';
import { createSmtpMailer } from '../deliver/smtp.ts';
import type { Logger } from '../log.ts';
import { type PipelineContext, resolveUnsubscribeSecret } from '../pipeline.ts';
import { openStore } from '../store/open-store.ts';
import { devInboxDownMessage } from './dev-inbox-check.ts';
import { commandLogger } from './store-context.ts';

/** Everything a command needs, opened from the configuration; close() releases it. */
export interface CommandContext extends PipelineContext {
  /** Structured logs (pino) that never show a secret of this configuration. */
  logger: Logger;
  close(): Promise<void>;
}

/** Opens the store, the SMTP pool and (with REDIS_URL) the delivery queue described by the environment. */
export async function openContext(config: Readonly<Config> = loadConfig()): Promise<CommandContext> {
  const store = await openStore(config);
  const mailer = createSmtpMailer(resolveSmtpUrl(config), {
    maxConnections: config.smtpPoolSize,
    ratePerSecond: config.smtpRatePerSecond,
    timeoutMs: config.smtpTimeoutMs,
    requireTLS: config.smtpRequireTls,
    dkim: config.dkim,
    // No relay configured: a refused connection means the dev inbox is not running.
    ...(config.smtpUrl === null ? { whenRefused: devInboxDownMessage(config) } : {}),
  });
  // With REDIS_URL, editions fan out into BullMQ jobs that sender processes drain.
  const queue = config.redisUrl
    ? createDeliveryQueue(config.redisUrl, { maxAttempts: config.smtpMaxAttempts })
    : undefined;
  const secret = await resolveUnsubscribeSecret(config, store).catch(async (error: unknown) => {
    // Nothing opened here outlives a failed start: the process exits with its one line.
    mailer.close();
    await queue?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  });
  const logger = commandLogger(config, [secret]);
  return {
    config,
    store,
    mailer,
    secret,
    logger,
    notifier: createNotifier({ config, mailer, logger }),
    ...(queue ? { queue } : {}),
    log: (line) => logger.info(line),
    async close() {
      mailer.close();
      await queue?.close();
      await store.close();
    },
  };
}
