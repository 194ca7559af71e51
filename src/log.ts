import { createRequire } from 'node:module';
import { type DestinationStream, type Logger, type LoggerOptions as PinoOptions, pino } from 'pino';
import type { PrettyOptions } from 'pino-pretty';
import { escapeTerminal } from './terminal-text.ts';

export type { Logger } from 'pino';

/** Levels LOG_LEVEL accepts. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Options of createLogger; all optional. */
export interface LoggerOptions {
  /**
   * Literal secrets hidden wherever they appear (OPS_TOKEN, UNSUBSCRIBE_SECRET, the SMTP
   * password); values shorter than 8 characters are ignored, so that a short password does not
   * blank out common words (its URL form is still redacted).
   */
  secrets?: readonly (string | null | undefined)[];
  /** Where the lines go (JSON, or pretty lines with `pretty`). Default: standard error, so standard output stays for data. */
  destination?: DestinationStream;
  /** Human-readable coloured lines instead of JSON. Default: when standard error is a terminal. */
  pretty?: boolean;
  /** Default info. */
  level?: LogLevel;
}

const REDACTED = '[redacted]';
// Keys that hold a credential whatever their value: censored by pino before anything else.
const SECRET_KEYS = ['smtpUrl', 'opsToken', 'unsubscribeSecret', 'secret', 'password', 'authorization'];

/**
 * The product's structured logger (pino): JSON lines, or pretty lines on a terminal. No
 * credential reaches a line: secret keys are censored, SMTP URLs lose their user:password,
 * and the configured secrets are replaced wherever they occur in messages and fields.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const usePretty = options.pretty ?? (!options.destination && process.stderr.isTTY === true);
  // JSON escapes control characters itself; a pretty line prints the text as it is, so a feed's
  // title with ESC in it would run terminal sequences: those lines show them as escapes.
  const scrub = makeScrubber(options.secrets ?? [], usePretty ? escapeTerminal : (s) => s);
  const settings: PinoOptions = {
    level: options.level ?? 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`)], censor: REDACTED },
    hooks: {
      logMethod(args, method) {
        const clean = args.map((a) => scrub(a)) as Parameters<typeof method>;
        method.apply(this, clean);
      },
    },
  };
  const destination = usePretty
    ? prettyStream({
        destination: options.destination ?? 2,
        sync: true,
        colorize: !options.destination,
        singleLine: true,
        ignore: 'pid,hostname',
        translateTime: 'SYS:HH:MM:ss',
      })
    : (options.destination ?? pino.destination({ dest: 2, sync: true }));
  return pino(settings, destination);
}

/** pino-pretty, loaded only on a terminal: it is the heaviest part of the logger to import. */
function prettyStream(options: PrettyOptions): DestinationStream {
  const require = createRequire(import.meta.url);
  const pretty = require('pino-pretty') as (options: PrettyOptions) => DestinationStream;
  return pretty(options);
}

/** The secrets of a configuration, for LoggerOptions.secrets. */
export function configSecrets(config: {
  smtpUrl: string | null;
  opsToken: string | null;
  unsubscribeSecret: string | null;
  dbPath?: string;
  redisUrl?: string | null;
  /** Webhook URLs often carry their key in the path: the whole URL is kept out of the logs. */
  alertWebhookUrl?: string | null;
  bounceWebhookSecret?: string | null;
}): string[] {
  const secrets = [
    config.opsToken,
    config.alertWebhookUrl ?? null,
    config.bounceWebhookSecret ?? null,
    config.unsubscribeSecret,
    smtpPassword(config.smtpUrl),
    smtpPassword(config.dbPath ?? null),
    smtpPassword(config.redisUrl ?? null),
  ];
  return secrets.filter((s): s is string => typeof s === 'string' && s.length > 0);
}

function smtpPassword(url: string | null): string | null {
  if (!url) return null;
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : null;
  } catch {
    // An unparsable URL cannot reach a transport; the URL pattern below still redacts it.
    return null;
  }
}

/**
 * Removes user:password from any smtp(s)://, postgres(ql):// or redis(s):// URL in a text, up
 * to the URL's last `@`: a password may hold an unencoded `/`, `#` or `@`.
 */
export function redactUrls(text: string): string {
  // Already masked (`smtps:///***@host`) stays as it is, extra slashes and all.
  return text.replace(
    /((?:smtps?|postgres(?:ql)?|rediss?):\/\/)([^\s"'<>]*)@/gi,
    (whole, scheme: string, userinfo: string) => (/^\/*\*\*\*$/.test(userinfo) ? whole : `${scheme}***@`),
  );
}

function makeScrubber(
  secrets: readonly (string | null | undefined)[],
  shown: (text: string) => string,
): (value: unknown) => unknown {
  const literal = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const text = (s: string) => {
    let out = redactUrls(s);
    for (const secret of literal) out = out.split(secret).join(REDACTED);
    return shown(out);
  };
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return text(value);
    if (value instanceof Error) return { err: errorFields(value, text) };
    if (depth > 4 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    // Dates, buffers and class instances keep their own serialization.
    if (Object.getPrototypeOf(value) !== Object.prototype) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = v instanceof Error ? errorFields(v, text) : walk(v, depth + 1);
    return out;
  };
  return (value) => walk(value, 0);
}

/** A copy of the error with every text scrubbed; pino's serializer then writes type, message, stack. */
function errorFields(error: Error, text: (s: string) => string): Error {
  const copy = new Error(text(error.message));
  copy.name = error.name;
  // Line by line: a stack keeps its lines on a terminal, only what is inside them is escaped.
  copy.stack = (error.stack ?? '').split('\n').map(text).join('\n');
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  if (error.cause instanceof Error) copy.cause = errorFields(error.cause, text);
  return copy;
}
