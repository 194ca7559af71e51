import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.ts';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { type PipelineContext, resolveUnsubscribeSecret } from '../../src/pipeline.ts';
import { openStore } from '../../src/store/open-store.ts';
import { ingestSample } from './sample.ts';

export { ingestSample };

/** A logger whose JSON lines are kept in `lines` (parsed). */
export function captureLogger(): { logger: Logger; lines: Record<string, unknown>[]; text(): string } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
      callback();
    },
  });
  const logger = createLogger({ destination, pretty: false, level: 'debug' });
  return { logger, lines, text: () => lines.map((l) => JSON.stringify(l)).join('\n') };
}

/** A real pipeline context on a SQLite file in `dir` (or DIGEST_DB in `env`), sending to `smtpUrl`. */
export async function openTestContext(
  dir: string,
  smtpUrl: string,
  env: Record<string, string> = {},
): Promise<PipelineContext & { logger: Logger; lines: Record<string, unknown>[]; close(): Promise<void> }> {
  const config = loadConfig({ SMTP_URL: smtpUrl, DIGEST_DB: join(dir, 'digest.db'), ...env });
  // DIGEST_DB in `env` may name a Postgres database: the same path as the CLI.
  const store = await openStore(config);
  const mailer = createSmtpMailer(smtpUrl, { maxConnections: config.smtpPoolSize });
  const { logger, lines } = captureLogger();
  return {
    config,
    store,
    mailer,
    secret: await resolveUnsubscribeSecret(config, store),
    logger,
    lines,
    log: (line) => logger.info(line),
    async close() {
      mailer.close();
      await store.close();
    },
  };
}
