import type { Config } from '../../config.ts';
import type { Mailer } from '../../deliver/deliver-edition.ts';
import { verifyUnsubscribeToken } from '../../deliver/unsubscribe-token.ts';
import type { OutgoingMessage } from '../../models/message.ts';
import { archivePageUrl } from '../../render/render-edition.ts';
import { checkEmailAddress } from '../../store/email-address.ts';
import type { DigestStore } from '../../store/store.ts';
import { SUBSCRIBER_LIMITS } from '../../store/subscriber-fields.ts';
import { isSentEdition } from '../archive/sent.ts';
import { createRateLimiter, type RateLimiter } from '../web/rate-limit.ts';
import { buildConfirmationMessage, buildWelcomeMessage } from './mail.ts';
import { CONFIRM_LINK_HOURS, type SignupSource, signConfirmToken, verifyConfirmToken } from './token.ts';

/** What the sign-up needs: the store, the mail path of the editions, the configuration. */
export interface SignupOptions {
  store: DigestStore;
  mailer: Mailer;
  config: Readonly<Config>;
  secret: string;
  /** Failures with no caller (a mail that could not go), and refusals worth knowing. */
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Confirmation mails per hour, all addresses and every process on the database together. Default 200. */
  mailsPerHour?: number;
  /** The clock; default Date.now. */
  now?: () => number;
}

/** A sign-up request as the form or the JSON API gives it (already strictly validated). */
export interface SignupRequest {
  email: string;
  name?: string | undefined;
  source: SignupSource;
  ip: string;
}

/**
 * What an accepted sign-up did. Only a page whose visitor proved the address (the unsubscribe
 * page's Resubscribe: it carries that address's signed token) may say it; every other answer
 * is the same whatever happened, so that it tells strangers nothing about the list.
 * mailed: a confirmation link went out; welcomed: single opt-in, added; active: subscribed
 * already; recent: a link went less than an hour ago (one mail an hour per address), and
 * whether that link still works (it does unless the address left after it was mailed, or it
 * expired); busy: the hourly limit of all confirmation mails is reached.
 */
export type SignupDetail =
  | { kind: 'mailed' | 'welcomed' | 'active' }
  | { kind: 'recent'; lastSentAt: string | null; earlierLinkWorks: boolean; retryAt: string }
  | { kind: 'busy'; retryAt: string };

/** The answer to a sign-up: accepted (what it did: see SignupDetail), or a bad field. */
export type SignupAnswer =
  | { ok: true; email: string; detail: SignupDetail }
  | { ok: false; field: 'email' | 'name'; error: string };

/** What following a confirmation link did. */
export type ConfirmOutcome = 'confirmed' | 'already-active' | 'expired' | 'invalid' | 'left-since';

/** The sign-up workflow: request (mails a confirmation), confirm (activates, welcomes). */
export interface SignupService {
  request(request: SignupRequest): Promise<SignupAnswer>;
  /** A sign-up of the address an unsubscribe token is for (the unsubscribe page's Resubscribe); null for a bad token. */
  resubscribe(unsubscribeToken: string, ip: string): Promise<SignupAnswer | null>;
  confirm(token: string, ip: string): Promise<ConfirmOutcome>;
  /** Deletes unconfirmed sign-ups older than DIGEST_UNCONFIRMED_DAYS; returns how many. */
  purge(): Promise<number>;
  /** Resolves once the mails started so far were handed to SMTP (or failed). */
  idle(): Promise<void>;
}

const HOUR = 3_600_000;

/**
 * Double opt-in (DIGEST_OPT_IN=double, the default): a new address is stored `unconfirmed`
 * and mailed a signed link; following it makes the subscriber active and mails a welcome.
 * Someone who left comes back only that way, whatever DIGEST_OPT_IN says. At most one
 * confirmation mail per address per hour (recorded in its history, so it holds across
 * restarts), and at most `mailsPerHour` in all: a flood of sign-ups cannot make a mail cannon.
 * Both limits count in the database (`store.limits`), shared by every web process on it.
 * Mails go after the answer, so its timing says nothing about the list either.
 */
export function createSignupService(options: SignupOptions): SignupService {
  const { store, config } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const perAddress: RateLimiter = createRateLimiter(store.limits, 'sign-up:address', {
    max: 1,
    windowMs: HOUR,
    now,
    maxKeys: 50_000,
  });
  const overall: RateLimiter = createRateLimiter(store.limits, 'sign-up:mails', {
    max: options.mailsPerHour ?? 200,
    windowMs: HOUR,
    now,
  });
  const pending = new Set<Promise<void>>();
  const sendLater = (what: string, build: () => Promise<OutgoingMessage>) => {
    const job = build()
      .then(async (message) => {
        await options.mailer.send(message);
      })
      .catch((error: unknown) => log('error', `${what} could not be sent: ${(error as Error).message}`))
      .finally(() => pending.delete(job));
    pending.add(job);
  };

  /** null when a confirmation may go to this address now; else why not (see SignupDetail). */
  const whyNotMail = async (subscriberId: number, email: string): Promise<SignupDetail | null> => {
    const last = await store.signups.lastConfirmationSent(subscriberId);
    const limited = await perAddress.hit(email);
    const sinceLast = last ? now() - Date.parse(last) : Number.POSITIVE_INFINITY;
    if (!limited.allowed || sinceLast < HOUR) {
      const retryAt = Math.max(
        limited.allowed ? 0 : now() + limited.retryAfterSeconds * 1000,
        last ? Date.parse(last) + HOUR : 0,
      );
      return {
        kind: 'recent',
        lastSentAt: last,
        earlierLinkWorks: last !== null && (await linkStillWorks(subscriberId, last)),
        retryAt: new Date(retryAt).toISOString(),
      };
    }
    const overallHit = await overall.hit('all');
    if (!overallHit.allowed) {
      log('warn', 'sign-up: the hourly limit of confirmation mails is reached; this one is not sent');
      return { kind: 'busy', retryAt: new Date(now() + overallHit.retryAfterSeconds * 1000).toISOString() };
    }
    return null;
  };

  /** A link mailed at `sentAt` confirms unless it expired or the address left after it (see confirm). */
  const linkStillWorks = async (subscriberId: number, sentAt: string): Promise<boolean> => {
    if (now() - Date.parse(sentAt) > CONFIRM_LINK_HOURS * HOUR) return false;
    const sent = Math.floor(Date.parse(sentAt) / 1000) * 1000;
    const events = await store.history.list(subscriberId);
    return !events.some(
      (e) =>
        (e.kind === 'unsubscribed' || e.kind === 'bounced') &&
        Math.floor(Date.parse(e.at) / 1000) * 1000 > sent,
    );
  };

  const welcome = async (email: string) => {
    const latest = config.archive === 'public' ? await latestEdition(store, config) : null;
    sendLater(`the welcome mail to ${email}`, () =>
      buildWelcomeMessage(email, latest, config, options.secret),
    );
  };

  const service: SignupService = {
    async request(request) {
      const checked = checkEmailAddress(request.email);
      if ('problem' in checked)
        return { ok: false, field: 'email', error: `The address ${checked.problem}.` };
      const name = request.name?.trim() || null;
      if (name && (name.length > SUBSCRIBER_LIMITS.name || /\p{Cc}/u.test(name)))
        return {
          ok: false,
          field: 'name',
          error: `A name has at most ${SUBSCRIBER_LIMITS.name} plain characters.`,
        };
      const email = checked.address;
      const origin = { source: request.source, ip: request.ip };
      let subscriber = await store.findSubscriber(email);
      if (!subscriber && config.optIn === 'single') {
        await store.addSubscriber(email, name, origin);
        await welcome(email);
        return { ok: true, email, detail: { kind: 'welcomed' } };
      }
      if (!subscriber) {
        await store.addSubscribers([{ email, name, status: 'unconfirmed' }], origin);
        subscriber = await store.findSubscriber(email);
      }
      if (!subscriber || subscriber.status === 'active')
        return { ok: true, email, detail: { kind: 'active' } };
      const refused = await whyNotMail(subscriber.id, email);
      if (refused) return { ok: true, email, detail: refused };
      await store.history.record({
        subscriberId: subscriber.id,
        kind: 'confirmation-sent',
        at: new Date(now()).toISOString(),
        ...origin,
        note: subscriber.status === 'unconfirmed' ? null : `asked to come back (was ${subscriber.status})`,
      });
      const token = signConfirmToken({ email, source: request.source }, options.secret, new Date(now()));
      const url = `${config.publicUrl}/subscribe/confirm?token=${token}`;
      sendLater(`the confirmation mail to ${email}`, () => buildConfirmationMessage(email, url, config));
      return { ok: true, email, detail: { kind: 'mailed' } };
    },

    async resubscribe(unsubscribeToken, ip) {
      const email = verifyUnsubscribeToken(unsubscribeToken, options.secret);
      return email ? service.request({ email, source: 'form', ip }) : null;
    },

    async confirm(token, ip) {
      const claim = verifyConfirmToken(token, options.secret, new Date(now()));
      if (claim === null) return 'invalid';
      if (claim === 'expired') return 'expired';
      const subscriber = await store.findSubscriber(claim.email);
      if (!subscriber) return 'expired';
      if (subscriber.status === 'active') return 'already-active';
      // A link mailed before someone left does not bring them back: only a new request does.
      const events = await store.history.list(subscriber.id);
      const issued = Date.parse(claim.issuedAt);
      // The token counts whole seconds: a change within the second it was issued is not "since".
      const leftSince = (at: string) => Math.floor(Date.parse(at) / 1000) * 1000 > issued;
      if (events.some((e) => (e.kind === 'unsubscribed' || e.kind === 'bounced') && leftSince(e.at)))
        return 'left-since';
      const change = await store.setSubscriberStatus(claim.email, 'active', {
        source: claim.source,
        ip,
        note: `confirmed the link mailed at ${claim.issuedAt}`,
        onlyFrom: ['unconfirmed', 'unsubscribed', 'bounced'],
      });
      if (!change?.changed) return 'already-active';
      await welcome(change.subscriber.email);
      return 'confirmed';
    },

    purge: () => store.signups.purgeUnconfirmed(new Date(now() - config.unconfirmedDays * 24 * HOUR)),

    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
  return service;
}

/** The newest sent edition's subject and archive page, or null. */
async function latestEdition(
  store: DigestStore,
  config: Readonly<Config>,
): Promise<{ subject: string; url: string } | null> {
  const sent = (await store.listEditions(5)).find(isSentEdition);
  return sent ? { subject: sent.subject, url: archivePageUrl(`${config.publicUrl}/archive`, sent.id) } : null;
}
