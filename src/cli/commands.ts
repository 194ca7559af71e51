import type { Command } from 'commander';

/** Adds a module's commands to the program. */
export type Register = (program: Command) => void;

/** One command of the CLI as `digest --help` lists it, and the module that defines it. */
export interface CommandEntry {
  /** As the help's command column shows it: name, `[options]`, arguments. */
  term: string;
  /** One line; the command's module uses the same text (see summaryOf). */
  summary: string;
  /** The module that registers it, loaded only when the command runs or its own help is asked. */
  load: () => Promise<Register>;
}

const analyze = async () => (await import('./analyze-command.ts')).registerAnalyze;
const status = async () => (await import('./status-command.ts')).registerStatus;
const worker = async () => (await import('./worker-command.ts')).registerWorker;
const users = async () => (await import('./users-command.ts')).registerUsers;

/**
 * Every command, in the order `digest --help` lists them. The list is data, so `--help` and
 * `--version` load no command module (none of react-email, the stores, BullMQ): 0.1 s, not 2.
 */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  analyze: {
    term: 'analyze [options] <input>',
    summary: 'analyse one article: summary, quotes with speakers, dated events, read-more links',
    load: analyze,
  },
  render: {
    term: 'render [options] <inputs...>',
    summary: 'render the digest of the given articles to DIR/digest.html, digest.txt and digest.eml',
    load: async () => (await import('./render-command.ts')).registerRender,
  },
  preview: {
    term: 'preview [options] <inputs...>',
    summary: 'show the real digest of the given articles on a local page (desktop and mobile, text, .ics)',
    load: async () => (await import('./preview-command.ts')).registerPreview,
  },
  send: {
    term: 'send [options] [articles...]',
    summary:
      'make an edition of the new articles (or the configured sources) and deliver it now to every active subscriber',
    load: async () => (await import('./send-command.ts')).registerSend,
  },
  status: {
    term: 'status [options] [edition]',
    summary: 'one edition’s delivery: queued, sending, sent, failed, bounced, and the last errors',
    load: status,
  },
  editions: {
    term: 'editions [options]',
    summary: 'the editions, newest first, with their delivery counts',
    load: status,
  },
  'retry-failed': {
    term: 'retry-failed [edition]',
    summary: 'queue an edition’s failed deliveries again (active subscribers only) and deliver them',
    load: async () => (await import('./retry-command.ts')).registerRetryFailed,
  },
  bounces: {
    term: 'bounces',
    summary: 'bounce and complaint reports (DSN, ARF): ingest the bounce mailbox, count them',
    load: async () => (await import('./bounces-command.ts')).registerBounces,
  },
  subscribers: {
    term: 'subscribers',
    summary: 'manage the subscriber list',
    load: async () => (await import('./subscribers-command.ts')).registerSubscribers,
  },
  drafts: {
    term: 'drafts',
    summary: 'editions waiting for an editor (DIGEST_REVIEW=required): list, show, approve',
    load: async () => (await import('./drafts-command.ts')).registerDrafts,
  },
  users: {
    term: 'users',
    summary: 'named desk accounts (editors, ops, admins): add, link, remove, list',
    load: users,
  },
  audit: {
    term: 'audit [options]',
    summary: 'the audit log: who did what, when (desk, CLI, ops API, worker), newest first',
    load: users,
  },
  worker: {
    term: 'worker [options]',
    summary:
      'run the scheduled worker (DIGEST_CRON in DIGEST_TZ) with the HTTP server and ops API ' +
      '(and the dev inbox when SMTP_URL is unset); SIGTERM/SIGINT stop it cleanly',
    load: worker,
  },
  serve: {
    term: 'serve',
    summary: 'run the HTTP server only: unsubscribe pages and the dev inbox (when SMTP_URL is unset)',
    load: worker,
  },
};

/** The summary of a command, for its module's `.description()`. */
export function summaryOf(name: string): string {
  const entry = COMMANDS[name];
  if (!entry) throw new Error(`no command "${name}" in COMMANDS`);
  return entry.summary;
}
