import { type Config, loadConfig } from '../config.ts';
import { configSecrets, createLogger, type Logger } from '../log.ts';
import { openStore } from '../store/open-store.ts';
import type { DigestStore } from '../store/store.ts';
import { setCliLogger, warnAboutConfig } from './output.ts';

/** What the list and status commands need: the store and the logs, nothing that sends. */
export interface StoreContext {
  config: Readonly<Config>;
  store: DigestStore;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * Opens the store described by the environment. Commands that only read or edit the store
 * (subscribers, status) use this, not openContext: they start without loading the renderer,
 * the SMTP pool or the queue.
 */
export async function openStoreContext(config: Readonly<Config> = loadConfig()): Promise<StoreContext> {
  const store = await openStore(config);
  return { config, store, logger: commandLogger(config, []), close: () => store.close() };
}

/** Runs `work` with the store context open, closing it whatever happens. */
export async function withStoreContext(work: (ctx: StoreContext) => Promise<void>): Promise<void> {
  const ctx = await openStoreContext();
  try {
    await work(ctx);
  } finally {
    await ctx.close();
  }
}

/** The command's logger: pino, never showing this configuration's secrets (and `extra`). */
export function commandLogger(config: Readonly<Config>, extra: string[]): Logger {
  const logger = createLogger({ secrets: [...configSecrets(config), ...extra], level: config.logLevel });
  setCliLogger(logger);
  warnAboutConfig(config, logger);
  return logger;
}
