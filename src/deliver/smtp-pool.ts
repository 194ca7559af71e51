import { setTimeout as sleep } from 'node:timers/promises';
import DKIM from 'nodemailer/lib/dkim/index.js';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import { FastSmtpConnection } from './fast-data-stream.ts';

/** What the pool needs to open sessions: nodemailer's connection options plus the pool's own. */
export interface SmtpPoolOptions {
  /** smtp:// or smtps:// URL, credentials included (nodemailer's syntax). */
  url: string;
  maxConnections: number;
  /** Messages per connection before it is renewed. */
  maxMessages: number;
  /** Messages per second across the pool; 0 = unlimited. */
  ratePerSecond: number;
  timeoutMs: number;
  requireTLS: boolean;
  ignoreTLS: boolean;
  dkim: { domainName: string; keySelector: string; privateKey: string } | null;
}

interface Session {
  connection: SMTPConnection;
  messages: number;
  state: 'idle' | 'busy' | 'dead';
}

/**
 * A connection pool over nodemailer's SMTPConnection, sending prebuilt messages: nodemailer
 * speaks SMTP (STARTTLS, AUTH, PIPELINING, dot-stuffing, replies), the pool only hands out
 * sessions. nodemailer's own pool wraps every message in a Mail object, plugins and MIME
 * streams, which halved the send rate of messages that are already raw bytes (measured: 2,772
 * against 4,867 msg/s for 20 KB messages over 20 connections into smtp-sink).
 */
export class SmtpPool {
  readonly #options: SmtpPoolOptions;
  readonly #connectOptions: ConstructorParameters<typeof SMTPConnection>[0];
  readonly #auth: { user: string; pass: string } | null;
  readonly #dkim: DKIM | null;
  readonly #idle: Session[] = [];
  readonly #waiters: ((session: Session | null) => void)[] = [];
  #open = 0;
  #closed = false;
  #nextSlot = 0;

  constructor(options: SmtpPoolOptions) {
    this.#options = options;
    const { auth, ...parsed } = parseConnectionUrl(options.url) as Record<string, unknown> & {
      auth?: { user?: string; pass?: string };
    };
    this.#auth = auth && (auth.user || auth.pass) ? { user: auth.user ?? '', pass: auth.pass ?? '' } : null;
    this.#connectOptions = {
      ...parsed,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
      logger: false,
      ...(options.requireTLS ? { requireTLS: true } : options.ignoreTLS ? { ignoreTLS: true } : {}),
    };
    this.#dkim = options.dkim ? new DKIM({ ...options.dkim }) : null;
  }

  /**
   * Sends one message (true); rejects with nodemailer's error (code, responseCode, command).
   * `stillWanted`, asked once the rate limit and a session allow the send, may withdraw it (false).
   */
  async send(
    envelope: { from: string; to: string },
    raw: Buffer,
    stillWanted?: () => Promise<boolean>,
  ): Promise<boolean> {
    await this.#rateSlot();
    const session = await this.#acquire();
    if (stillWanted) {
      // Asked with a session in hand, so nothing waits between the answer and the transaction.
      const wanted = await stillWanted().catch((error: unknown) => {
        this.#release(session);
        throw error;
      });
      if (!wanted) {
        this.#release(session);
        return false;
      }
    }
    let outcome: 'ok' | 'reset' | 'drop' = 'ok';
    try {
      await new Promise<void>((resolve, reject) => {
        const message = this.#dkim ? this.#dkim.sign(raw) : raw;
        session.connection.send({ from: envelope.from, to: [envelope.to] }, message, (error) =>
          error ? reject(error) : resolve(),
        );
      });
    } catch (error) {
      outcome = refusedMessageOnly(error, session) ? 'reset' : 'drop';
      throw error;
    } finally {
      session.messages++;
      if (outcome === 'ok') this.#release(session);
      else if (outcome === 'drop') this.#discard(session);
      // The server refused this message, not the session: RSET, then reuse it.
      else session.connection.reset((error) => (error ? this.#discard(session) : this.#release(session)));
    }
    return true;
  }

  /** Closes idle sessions now and busy ones when their message is done. */
  close(): void {
    this.#closed = true;
    for (const session of this.#idle.splice(0)) this.#discard(session);
    for (const wake of this.#waiters.splice(0)) wake(null);
  }

  /** Spaces sends 1/rate seconds apart across the pool (no burst beyond one message). */
  async #rateSlot(): Promise<void> {
    const rate = this.#options.ratePerSecond;
    if (rate <= 0) return;
    const now = Date.now();
    const slot = Math.max(now, this.#nextSlot);
    this.#nextSlot = slot + 1000 / rate;
    if (slot > now) await sleep(slot - now);
  }

  async #acquire(): Promise<Session> {
    for (;;) {
      if (this.#closed) throw Object.assign(new Error('The SMTP pool is closed'), { code: 'ECONNECTION' });
      const idle = this.#idle.pop();
      if (idle) {
        idle.state = 'busy';
        return idle;
      }
      if (this.#open < this.#options.maxConnections) return this.#connect();
      const handed = await new Promise<Session | null>((resolve) => this.#waiters.push(resolve));
      if (handed) return handed;
    }
  }

  async #connect(): Promise<Session> {
    this.#open++;
    const connection = new FastSmtpConnection(this.#connectOptions);
    const session: Session = { connection, messages: 0, state: 'busy' };
    connection.on('error', () => {
      // Errors during a send reach its callback; an idle session that fails is dropped on 'end'.
    });
    connection.once('end', () => {
      // The server closed an idle session (its idle time-out): drop it. A busy one is dropped
      // by its send, whose callback gets the error.
      if (session.state !== 'idle') return;
      this.#idle.splice(this.#idle.indexOf(session), 1);
      this.#forget(session);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        connection.once('error', reject);
        connection.connect((error) => (error ? reject(error) : resolve()));
      });
      if (this.#auth && connection.allowsAuth) {
        const auth = this.#auth;
        await new Promise<void>((resolve, reject) =>
          connection.login({ credentials: { user: auth.user, pass: auth.pass } } as never, (error) =>
            error ? reject(error) : resolve(),
          ),
        );
      }
      return session;
    } catch (error) {
      this.#discard(session);
      throw error;
    }
  }

  /** Back to the pool, or renewed once it has sent maxMessages. */
  #release(session: Session): void {
    if (this.#closed || session.connection.destroyed || session.messages >= this.#options.maxMessages) {
      this.#discard(session);
      return;
    }
    const waiter = this.#waiters.shift();
    if (waiter) waiter(session);
    else {
      session.state = 'idle';
      this.#idle.push(session);
    }
  }

  #discard(session: Session): void {
    if (session.state === 'dead') return;
    if (!session.connection.destroyed) session.connection.quit();
    this.#forget(session);
  }

  /** Frees the session's slot; a waiter then opens a new connection. */
  #forget(session: Session): void {
    session.state = 'dead';
    this.#open--;
    this.#waiters.shift()?.(null);
  }
}

/** A refused recipient or message (not 421) leaves the session usable once reset. */
function refusedMessageOnly(error: unknown, session: Session): boolean {
  const e = error as { code?: string; responseCode?: number };
  return (
    (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') &&
    e.responseCode !== 421 &&
    !session.connection.destroyed
  );
}
