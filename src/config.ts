import { validate as validateCron } from 'node-cron';
import { z } from 'zod';
import { loadDkim } from './config-dkim.ts';
import { misspeltVariableWarnings } from './config-names.ts';
import { databaseLocation, serverUrl, shownUrlValue, trustProxyText } from './config-urls.ts';
import { decimalNumber, mailboxText, portNumber, wholeNumber } from './config-values.ts';
import { DigestError } from './errors.ts';
import { LOG_LEVELS, type LogLevel, redactUrls } from './log.ts';
import type { SourceInput } from './models/source.ts';
import { resolveSources } from './sources-config.ts';
import { emailAddressProblem } from './store/email-address.ts';
import { escapeTerminal } from './terminal-text.ts';

const smtpUrl = serverUrl({
  schemes: ['smtp', 'smtps'],
  example: 'smtp://host:587 or smtps://host:465, with USER:PASSWORD@ before the host to log in',
});
const httpUrl = serverUrl({
  schemes: ['http', 'https'],
  example: 'https://hooks.example/…',
  secretPath: true,
});
const publicUrl = serverUrl({
  schemes: ['http', 'https'],
  example: 'https://news.example.org',
  noCredentials: true,
  noQuery: true,
});
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
/** `2h`, `90m`, `30s` or `0`: a duration in milliseconds. */
const duration = z
  .string()
  .trim()
  .regex(/^(?:0|\d+(?:\.\d+)?(?:ms|s|m|h))$/, 'must be a duration such as 2h, 90m or 30s')
  .transform(toMilliseconds);
/** A comma-separated list of addresses; empty = none. */
const addresses = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
  )
  .superRefine((list, ctx) => {
    for (const address of list) {
      const problem = emailAddressProblem(address);
      if (problem) ctx.addIssue({ code: 'custom', message: `has an address "${address}" that ${problem}` });
    }
  });

const booleanText = z
  .string()
  .refine((v) => /^(true|false|1|0|yes|no)$/i.test(v), 'must be true or false')
  .transform((v) => /^(true|1|yes)$/i.test(v));
const BOUNCE_ADDRESS_RULE =
  'must be a plain address (local part of at most 31 letters, digits, ".", "_" or "-", no "+": the VERP token goes there)';

/** Every environment variable the product reads, with its embedded default (see .env.example). */
const schema = z.object({
  SMTP_URL: optional(smtpUrl),
  MAIL_FROM: mailboxText({ localhost: true }).default('The Article Digest <digest@localhost>'),
  DIGEST_DB: databaseLocation.default('data/digest.db'),
  DIGEST_CRON: z
    .string()
    .refine(
      (v) => validateCron(v),
      'is not a valid cron expression: 5 fields (minute hour day month weekday) or 6 with seconds first, e.g. "0 7 * * *"',
    )
    .default('0 7 * * *'),
  DIGEST_TZ: z
    .string()
    .refine(isTimeZone, 'is not an IANA time zone (for example Europe/Berlin)')
    .default('UTC'),
  // Empty counts as unset, so a .env can leave it blank beside DIGEST_SOURCES_FILE.
  DIGEST_SOURCES: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('examples/articles')),
  DIGEST_SOURCES_FILE: optional(z.string().min(1)),
  DIGEST_MAX_ARTICLES: wholeNumber(20, 1, 500),
  DIGEST_FETCH_PRIVATE: z.enum(['allow', 'deny']).default('deny'),
  PUBLIC_URL: optional(publicUrl),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  HTTP_PORT: portNumber(8025),
  HTTP_TRUST_PROXY: optional(trustProxyText),
  HTTP_ALLOWED_HOSTS: optional(
    z
      .string()
      .refine(
        (v) =>
          v.split(',').every((h) => /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i.test(h.trim())),
        'must be comma-separated host or host:port names (news.example.org,10.0.0.5:8025)',
      ),
  ),
  DEV_INBOX_SMTP_PORT: portNumber(1025),
  UNSUBSCRIBE_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  OPS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  NEWSLETTER_NAME: z.string().min(1).default('The Article Digest'),
  POSTAL_ADDRESS: z.string().min(1).default('The Article Digest, 1 Example Street, 10115 Berlin, Germany'),
  DEMO_SUBSCRIBER: mailboxText().default('Demo Reader <reader@example.com>'),
  SMTP_POOL_SIZE: wholeNumber(5, 1, 100),
  SMTP_RATE_PER_SECOND: decimalNumber(
    0,
    () => true,
    'must be a number of messages per second, 0 for no limit',
  ),
  SMTP_REQUIRE_TLS: optional(booleanText),
  SMTP_TIMEOUT_MS: wholeNumber(30_000, 100),
  SMTP_MAX_ATTEMPTS: wholeNumber(5, 1, 50),
  SMTP_RETRY_BASE_MS: wholeNumber(2000, 0),
  SMTP_PAUSE_FAILURE_RATIO: decimalNumber(
    0.5,
    (n) => n > 0 && n <= 1,
    'must be a share above 0 and at most 1, e.g. 0.5',
  ),
  DKIM_DOMAIN: optional(z.string().regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/i, 'must be a domain name')),
  DKIM_SELECTOR: optional(z.string().regex(/^[a-z0-9._-]+$/i, 'must be a DNS label')),
  DKIM_PRIVATE_KEY: optional(z.string()),
  DKIM_PRIVATE_KEY_FILE: optional(z.string()),
  REDIS_URL: optional(
    serverUrl({ schemes: ['redis', 'rediss'], example: 'redis://:pass@host:6379/0 or rediss://…' }),
  ),
  SENDER_LOCK_MS: wholeNumber(30_000, 1000),
  BOUNCE_ADDRESS: optional(
    z
      .string()
      .regex(/^[a-z0-9._-]{1,31}@[a-z0-9.-]+\.[a-z0-9-]+$/i, BOUNCE_ADDRESS_RULE)
      .transform((v) => v.toLowerCase()),
  ),
  BOUNCE_VERP: optional(booleanText),
  BOUNCE_SOFT_LIMIT: wholeNumber(3, 0, 100),
  BOUNCE_SOFT_WINDOW: wholeNumber(5, 1, 100),
  BOUNCE_WEBHOOK_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  DIGEST_CATCH_UP: z
    .string()
    .refine((v) => v === 'skip' || v === 'once', 'must be skip or once')
    .default('once'),
  DIGEST_ARCHIVE: z
    .string()
    .refine((v) => v === 'public' || v === 'off', 'must be public or off')
    .default('public'),
  DIGEST_OPT_IN: z
    .string()
    .refine((v) => v === 'double' || v === 'single', 'must be double or single')
    .default('double'),
  DIGEST_UNCONFIRMED_DAYS: z.coerce
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(365, 'must be at most 365 days')
    .default(7),
  LOG_LEVEL: z
    .string()
    .refine((v) => (LOG_LEVELS as readonly string[]).includes(v), `must be one of ${LOG_LEVELS.join(', ')}`)
    .default('info'),
  DIGEST_REVIEW: z.enum(['off', 'required'], { message: 'must be off or required' }).default('off'),
  DIGEST_REVIEW_LEAD: duration.default(2 * 3_600_000),
  DIGEST_REVIEW_MISSED: z.enum(['hold', 'send'], { message: 'must be hold or send' }).default('hold'),
  EDITOR_EMAILS: addresses.default([]),
  OPS_EMAILS: addresses.default([]),
  ALERT_WEBHOOK_URL: optional(httpUrl),
});

/** The names of every variable the product reads, from the schema. */
export const VARIABLE_NAMES: readonly string[] = Object.freeze(Object.keys(schema.shape));

/** The validated configuration. Frozen: nothing changes it after start. */
export interface Config {
  /** Variables that look like ours but are not read (`SMPT_URL`): logged at start. */
  warnings: readonly string[];
  /** null = the dev inbox on DEV_INBOX_SMTP_PORT. */
  smtpUrl: string | null;
  mailFrom: string;
  dbPath: string;
  cron: string;
  timeZone: string;
  /** DIGEST_SOURCES entries (paths, URLs), then the DIGEST_SOURCES_FILE entries. */
  sources: SourceInput[];
  /** Articles per edition at most; older new ones wait for the next edition. */
  maxArticles: number;
  /** Let sources redirect, and feed items link, to private or local addresses (DIGEST_FETCH_PRIVATE=allow). */
  fetchPrivateLinks: boolean;
  publicUrl: string;
  httpHost: string;
  httpPort: number;
  /** Which proxies' X-Forwarded-For/-Proto to believe: false (none), true (any), or their addresses. */
  httpTrustProxy: boolean | string;
  /** Host header values answered besides PUBLIC_URL's and the bind address's (DNS rebinding guard). */
  httpAllowedHosts: string[];
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
  /** Refuse to send over an unencrypted session. */
  smtpRequireTls: boolean;
  /** Connection, greeting and socket time-out of SMTP, ms. */
  smtpTimeoutMs: number;
  /** Attempts per delivery before a temporary failure becomes final. */
  smtpMaxAttempts: number;
  /** First retry delay, doubled at each attempt, ms. */
  smtpRetryBaseMs: number;
  /** Share of the recent attempts that may fail before an edition pauses. */
  smtpPauseFailureRatio: number;
  /** DKIM signing, or null when DKIM_DOMAIN is unset. Secret: never log it. */
  dkim: { domainName: string; keySelector: string; privateKey: string } | null;
  /** BullMQ's Redis: set = editions fan out into jobs that sender processes drain. Secret (may hold a password). */
  redisUrl: string | null;
  /** How long a sender may go silent (killed, frozen) before its jobs in flight go to another sender, ms. */
  senderLockMs: number;
  /** The envelope sender's base: each delivery goes out from `local+TOKEN@domain` (VERP). */
  bounceAddress: string;
  /** Each delivery from its own `local+TOKEN@domain` (true), or every one from bounceAddress itself. */
  bounceVerp: boolean;
  /** Soft-bounced editions that mark a subscriber bounced (0 = never). */
  bounceSoftLimit: number;
  /** How many of a subscriber's latest editions the soft limit looks at. */
  bounceSoftWindow: number;
  /** Secret of the bounce webhooks (/webhooks/bounces/PROVIDER); null = they are off. */
  bounceWebhookSecret: string | null;
  /** After downtime: skip the missed slots, or send one edition at start. */
  catchUp: 'skip' | 'once';
  /** public: every sent edition at PUBLIC_URL/archive, and a "View in browser" link in each email. */
  archive: 'public' | 'off';
  /** double: a sign-up is confirmed by a link mailed to the address before it gets editions. */
  optIn: 'double' | 'single';
  /** Unconfirmed sign-ups older than this many days are deleted. */
  unconfirmedDays: number;
  logLevel: LogLevel;
  /** DIGEST_REVIEW=required: editions stop as drafts until an editor approves them. */
  reviewRequired: boolean;
  /** How long before its slot a draft is composed, ms (DIGEST_REVIEW_LEAD). */
  reviewLeadMs: number;
  /** An unapproved draft at its slot: hold it (and tell the editors), or send it as it is. */
  reviewMissed: 'hold' | 'send';
  /** Who is mailed a link to each new draft, and told when one is held. */
  editorEmails: string[];
  /** Who is mailed the alerts: an edition paused, finished with failures, or missed its slot. */
  opsEmails: string[];
  /** Where the alerts are POSTed as JSON too; null = nowhere. Secret (such URLs often carry a key). */
  alertWebhookUrl: string | null;
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
    const given = describeValue(name, env[name]);
    // The rule's words may quote the value too (MAIL_FROM's parser does): escaped as well.
    const rule = escapeTerminal(issue?.message ?? 'is invalid');
    throw new DigestError('CONFIG_INVALID', `${name}${given} ${rule}`, {
      data: { variable: name },
    });
  }
  const e = parsed.data;
  return Object.freeze({
    warnings: Object.freeze(misspeltVariableWarnings(env, VARIABLE_NAMES)),
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    dbPath: e.DIGEST_DB,
    cron: e.DIGEST_CRON,
    timeZone: e.DIGEST_TZ,
    sources: resolveSources(e.DIGEST_SOURCES, e.DIGEST_SOURCES_FILE, Boolean(env.DIGEST_SOURCES)),
    maxArticles: e.DIGEST_MAX_ARTICLES,
    fetchPrivateLinks: e.DIGEST_FETCH_PRIVATE === 'allow',
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HTTP_HOST}:${e.HTTP_PORT}`).replace(/\/+$/, ''),
    httpHost: e.HTTP_HOST,
    httpPort: e.HTTP_PORT,
    httpTrustProxy: parseTrustProxy(e.HTTP_TRUST_PROXY),
    httpAllowedHosts: (e.HTTP_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    devInboxSmtpPort: e.DEV_INBOX_SMTP_PORT,
    unsubscribeSecret: e.UNSUBSCRIBE_SECRET ?? null,
    opsToken: e.OPS_TOKEN ?? null,
    newsletterName: e.NEWSLETTER_NAME,
    postalAddress: e.POSTAL_ADDRESS,
    demoSubscriber: e.DEMO_SUBSCRIBER,
    smtpPoolSize: e.SMTP_POOL_SIZE,
    smtpRatePerSecond: e.SMTP_RATE_PER_SECOND,
    smtpRequireTls: e.SMTP_REQUIRE_TLS ?? false,
    smtpTimeoutMs: e.SMTP_TIMEOUT_MS,
    smtpMaxAttempts: e.SMTP_MAX_ATTEMPTS,
    smtpRetryBaseMs: e.SMTP_RETRY_BASE_MS,
    smtpPauseFailureRatio: e.SMTP_PAUSE_FAILURE_RATIO,
    dkim: loadDkim(e),
    redisUrl: e.REDIS_URL ?? null,
    senderLockMs: e.SENDER_LOCK_MS,
    bounceAddress: e.BOUNCE_ADDRESS ?? `bounces@${mailDomain(e.MAIL_FROM)}`,
    bounceVerp: e.BOUNCE_VERP ?? true,
    bounceSoftLimit: e.BOUNCE_SOFT_LIMIT,
    bounceSoftWindow: softWindow(e.BOUNCE_SOFT_LIMIT, e.BOUNCE_SOFT_WINDOW),
    bounceWebhookSecret: e.BOUNCE_WEBHOOK_SECRET ?? null,
    catchUp: e.DIGEST_CATCH_UP as 'skip' | 'once',
    archive: e.DIGEST_ARCHIVE as 'public' | 'off',
    optIn: e.DIGEST_OPT_IN as 'double' | 'single',
    unconfirmedDays: e.DIGEST_UNCONFIRMED_DAYS,
    logLevel: e.LOG_LEVEL as LogLevel,
    ...loadReview(e),
  });
}

/** The review settings; DIGEST_REVIEW=required needs someone to review. */
function loadReview(e: z.infer<typeof schema>) {
  if (e.DIGEST_REVIEW === 'required' && e.EDITOR_EMAILS.length === 0) {
    throw new DigestError(
      'CONFIG_INVALID',
      'EDITOR_EMAILS must name at least one editor when DIGEST_REVIEW=required (they are mailed each draft)',
      { data: { variable: 'EDITOR_EMAILS' } },
    );
  }
  return {
    reviewRequired: e.DIGEST_REVIEW === 'required',
    reviewLeadMs: e.DIGEST_REVIEW_LEAD,
    reviewMissed: e.DIGEST_REVIEW_MISSED,
    editorEmails: e.EDITOR_EMAILS,
    opsEmails: e.OPS_EMAILS,
    alertWebhookUrl: e.ALERT_WEBHOOK_URL ?? null,
  };
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function toMilliseconds(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value);
  return Math.round(Number(match?.[1] ?? 0) * (UNIT_MS[match?.[2] ?? 'ms'] ?? 1));
}

/** Variables whose value never goes into a message (URLs are shown with their password hidden). */
const SECRET_VARIABLES = new Set([
  'OPS_TOKEN',
  'UNSUBSCRIBE_SECRET',
  'DKIM_PRIVATE_KEY',
  'BOUNCE_WEBHOOK_SECRET',
]);

/**
 * ` "VALUE"` for an error line: the value as given, short, escaped, never a secret. A URL
 * variable's value (known from its schema) never shows its credentials, whatever the mistake.
 */
function describeValue(name: string, value: string | undefined): string {
  if (value === undefined || SECRET_VARIABLES.has(name)) return '';
  const variable = (schema.shape as Record<string, z.ZodType | undefined>)[name];
  const url = variable ? shownUrlValue(variable, value) : null;
  const shown = escapeTerminal(url ?? redactUrls(maskAnyUrl(value)));
  return ` "${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}"`;
}

/** Any URL-shaped part of a value that is not a URL variable's loses its credentials. */
function maskAnyUrl(value: string): string {
  return value.replace(/([a-z][a-z0-9+.-]*:\/\/)[^@\s]+@/gi, '$1***@');
}

function parseTrustProxy(value: string | undefined): boolean | string {
  const v = (value ?? 'false').trim().toLowerCase();
  if (v === 'true' || v === 'false') return v === 'true';
  return v.replace(/\s+/g, '');
}

/** The domain of the sender address, for Message-IDs, List-Id and the bounce address. */
export function mailDomain(mailFrom: string): string {
  return /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1]?.toLowerCase() ?? 'localhost';
}

/** A window smaller than the limit could never reach it: refused at start. */
function softWindow(limit: number, window: number): number {
  if (window < limit) {
    throw new DigestError(
      'CONFIG_INVALID',
      `BOUNCE_SOFT_WINDOW (${window}) must be at least BOUNCE_SOFT_LIMIT (${limit})`,
      { data: { variable: 'BOUNCE_SOFT_WINDOW' } },
    );
  }
  return window;
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
