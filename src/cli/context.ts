import { type Config, loadConfig, resolveSmtpUrl } from '../config.ts';
import { createSmtpMailer } from '../deliver/smtp.ts';
import { type PipelineContext, resolveUnsubscribeSecret } from '../pipeline.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { logLine } from './output.ts';

/** Everything a command needs, opened from the configuration; close() releases it. */
export interface CommandContext extends PipelineContext {
  close(): Promise<void>;
}

/** Opens the store and the SMTP pool described by the environment. */
export async function openContext(config: Readonly<Config> = loadConfig()): Promise<CommandContext> {
  const store = openSqliteStore(config.dbPath);
  const mailer = createSmtpMailer(resolveSmtpUrl(config), {
    maxConnections: config.smtpPoolSize,
    ratePerSecond: config.smtpRatePerSecond,
  });
  const secret = await resolveUnsubscribeSecret(config, store);
  return {
    config,
    store,
    mailer,
    secret,
    log: logLine,
    async close() {
      mailer.close();
      await store.close();
    },
  };
}
