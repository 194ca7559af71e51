import { validate as validateCron } from 'node-cron';
import { z } from 'zod';
import { DigestError } from './errors.ts';

const smtpUrl = z
  .string()
  .refine((v) => /^smtps?:\/\/[^/\s]+/.test(v), 'must look like smtp://user:pass@host:port or smtps://…');
const httpUrl = z.string().refine((v) => /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL');
const port = z.coerce.number().int().min(0).max(65_535);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Every environment variable the product reads, with its embedded default (see .env.example). */
const schema = z.object({
  SMTP_URL: optional(smtpUrl),
  MAIL_FROM: z.string().default('The Article Digest <digest@localhost>'),
  DIGEST_DB: z.string().min(1).default('data/digest.db'),
  DIGEST_CRON: z
    .string()
    .refine((v) => validateCron(v), 'is not a valid cron expression')
    .default('0 7 * * *'),
  DIGEST_TZ: z
    .string()
    .refine(isTimeZone, 'is not an IANA time zone (for example Europe/Berlin)')
    .default('UTC'),
  DIGEST_SOURCES: z.string().min(1).default('examples/articles'),
  PUBLIC_URL: optional(httpUrl),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  HTTP_PORT: port.default(8025),
  DEV_INBOX_SMTP_PORT: port.default(1025),
  UNSUBSCRIBE_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  OPS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  NEWSLETTER_NAME: z.string().min(1).default('The Article Digest'),
  POSTAL_ADDRESS: z.string().min(1).default('The Article Digest, 1 Example Street, 10115 Berlin, Germany'),
  DEMO_SUBSCRIBER: z.string().default('Demo Reader <reader@example.com>'),
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  SMTP_RATE_PER_SECOND: z.coerce.number().min(0).default(0),
});

/** The validated configuration. Frozen: nothing changes it after start. */
export interface Config {
  /** null = the dev inbox on DEV_INBOX_SMTP_PORT. */
  smtpUrl: string | null;
  mailFrom: string;
  dbPath: string;
  cron: string;
  timeZone: string;
  sources: string[];
  publicUrl: string;
  httpHost: string;
  httpPort: number;
  devInboxSmtpPort: number;
  /** null = generated once and kept in the data folder (see resolveSecret). */
  unsubscribeSecret: string | null;
  /** null = the ops API is off. */
  opsToken: string | null;
  newsletterName: string;
  postalAddress: string;
  demoSubscriber: string;
  smtpPoolSize: number;
  /** Messages per second across the pool; 0 = unlimited. */
  smtpRatePerSecond: number;
}

/**
 * Reads and validates the environment: the only reader of process.env in the product.
 * Throws a DigestError whose message is one line naming the bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new DigestError('CONFIG_INVALID', `${name} ${issue?.message ?? 'is invalid'}`, {
      data: { variable: name },
    });
  }
  const e = parsed.data;
  return Object.freeze({
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    dbPath: e.DIGEST_DB,
    cron: e.DIGEST_CRON,
    timeZone: e.DIGEST_TZ,
    sources: e.DIGEST_SOURCES.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HTTP_HOST}:${e.HTTP_PORT}`).replace(/\/+$/, ''),
    httpHost: e.HTTP_HOST,
    httpPort: e.HTTP_PORT,
    devInboxSmtpPort: e.DEV_INBOX_SMTP_PORT,
    unsubscribeSecret: e.UNSUBSCRIBE_SECRET ?? null,
    opsToken: e.OPS_TOKEN ?? null,
    newsletterName: e.NEWSLETTER_NAME,
    postalAddress: e.POSTAL_ADDRESS,
    demoSubscriber: e.DEMO_SUBSCRIBER,
    smtpPoolSize: e.SMTP_POOL_SIZE,
    smtpRatePerSecond: e.SMTP_RATE_PER_SECOND,
  });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The SMTP URL to send through: the configured one, or the local dev inbox. */
export function resolveSmtpUrl(config: Config): string {
  return config.smtpUrl ?? `smtp://127.0.0.1:${config.devInboxSmtpPort}`;
}
