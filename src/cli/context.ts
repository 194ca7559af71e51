import { type Config, loadConfig, resolveSmtpUrl } from '../config.ts';
import { createSmtpMailer } from '../deliver/smtp.ts';
import { configSecrets, createLogger, type Logger } from '../log.ts';
import { type PipelineContext, resolveUnsubscribeSecret } from '../pipeline.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { setCliLogger } from './output.ts';

/** Everything a command needs, opened from the configuration; close() releases it. */
export interface CommandContext extends PipelineContext {
  /** Structured logs (pino) that never show a secret of this configuration. */
  logger: Logger;
  close(): Promise<void>;
}

/** Opens the store and the SMTP pool described by the environment. */
export async function openContext(config: Readonly<Config> = loadConfig()): Promise<CommandContext> {
  const store = openSqliteStore(config.dbPath);
  const mailer = createSmtpMailer(resolveSmtpUrl(config), {
    maxConnections: config.smtpPoolSize,
    ratePerSecond: config.smtpRatePerSecond,
    timeoutMs: config.smtpTimeoutMs,
    requireTLS: config.smtpRequireTls,
    dkim: config.dkim,
  });
  const secret = await resolveUnsubscribeSecret(config, store);
  const logger = createLogger({ secrets: [...configSecrets(config), secret], level: config.logLevel });
  setCliLogger(logger);
  return {
    config,
    store,
    mailer,
    secret,
    logger,
    log: (line) => logger.info(line),
    async close() {
      mailer.close();
      await store.close();
    },
  };
}
