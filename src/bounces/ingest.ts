import type { Config } from '../config.ts';
import type { BounceSource } from '../store/bounce-store.ts';
import type { DigestStore } from '../store/store.ts';
import { applyBounceReport, type BounceOutcome, type BounceRules } from './apply-rules.ts';
import { splitMailbox } from './mailbox.ts';
import { MAX_PARSED_BYTES, readBounceMail, unparseable } from './read-report.ts';
import type { BounceReport } from './report.ts';

/** What ingesting bounces needs: the store, the secret that signs VERP tokens, the rules. */
export interface BounceContext {
  store: DigestStore;
  /** The product's secret (the one that signs unsubscribe links and VERP tokens). */
  secret: string;
  /** BOUNCE_ADDRESS: its `local+TOKEN@domain` addresses carry the tokens. */
  bounceAddress: string;
  /**
   * BOUNCE_VERP: deliveries go out with tokens, so a mail in the bounce mailbox without one
   * is not believed about a delivery that had one (anyone can send such a mail).
   */
  verp: boolean;
  rules: BounceRules;
}

/** The bounce context of a configuration, its store and its secret. */
export function bounceContext(
  config: Pick<Config, 'bounceAddress' | 'bounceVerp' | 'bounceSoftLimit' | 'bounceSoftWindow'>,
  store: DigestStore,
  secret: string,
): BounceContext {
  return {
    store,
    secret,
    bounceAddress: config.bounceAddress,
    verp: config.bounceVerp,
    rules: { softLimit: config.bounceSoftLimit, softWindow: config.bounceSoftWindow },
  };
}

/**
 * Largest mail read from a mailbox stream: a bounce quoting a whole digest is far smaller.
 * Only its first MAX_PARSED_BYTES are kept and parsed; a larger mail is unparseable.
 */
export const MAX_BOUNCE_MAIL = 10 * 1024 * 1024;

/**
 * Reads one mail of the bounce mailbox and applies the rules (see applyBounceReport). A mail
 * that cannot be read, however odd, is an unparseable report; only the store's failures throw.
 */
export async function ingestBounceMail(ctx: BounceContext, raw: Buffer): Promise<BounceOutcome> {
  let report: BounceReport;
  try {
    report = await readBounceMail(raw, { bounceAddress: ctx.bounceAddress });
  } catch (error) {
    report = unparseable(`the mail cannot be read: ${(error as Error).message}`);
  }
  return ingestReport(ctx, report, 'mail');
}

/**
 * Applies a report under the rules: one read from the bounce mailbox (source mail), or a
 * provider's (a webhook), whose signed notification is believed without a token.
 */
export function ingestReport(
  ctx: BounceContext,
  report: BounceReport,
  source: BounceSource,
): Promise<BounceOutcome> {
  return applyBounceReport(ctx.store, report, {
    secret: ctx.secret,
    bounceAddress: ctx.bounceAddress,
    requireToken: ctx.verp && source === 'mail',
    rules: ctx.rules,
    source,
  });
}

/**
 * Ingests every mail of a stream (one mail, or an mbox of many: a backlog, a storm) one after
 * another, so memory holds one mail whatever the stream's length. `onOutcome` hears each.
 */
export async function ingestBounceStream(
  ctx: BounceContext,
  input: AsyncIterable<Buffer>,
  onOutcome: (outcome: BounceOutcome) => void | Promise<void>,
): Promise<number> {
  let count = 0;
  for await (const item of splitMailbox(input, { keepBytes: MAX_PARSED_BYTES, maxBytes: MAX_BOUNCE_MAIL })) {
    const outcome =
      'mail' in item
        ? await ingestBounceMail(ctx, item.mail)
        : await ingestReport(
            ctx,
            unparseable(`a mail of ${item.tooLarge} bytes is over the size limit`),
            'mail',
          );
    count++;
    await onOutcome(outcome);
  }
  return count;
}
