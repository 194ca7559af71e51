import { afterEach, describe, expect, it } from 'vitest';
import { SmtpPool, type SmtpPoolOptions } from '../../src/deliver/smtp-pool.ts';
import { startScriptedSmtp } from './scripted-smtp.ts';

const raw = (to: string) =>
  Buffer.from(
    `From: a@example.org\r\nTo: ${to}\r\nMessage-ID: <${to}>\r\nSubject: t\r\n\r\n.dot\r\nbody\r\n`,
  );

describe('SmtpPool (nodemailer connections, our pool)', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  /** A scripted server that counts sessions and how many are open at once. */
  async function server(script: Parameters<typeof startScriptedSmtp>[0] = {}, socketTimeout?: number) {
    const sessions = { opened: 0, open: 0, most: 0 };
    const smtp = await startScriptedSmtp(script, {
      server: {
        ...(socketTimeout ? { socketTimeout } : {}),
        onConnect(_session, callback) {
          sessions.opened++;
          sessions.open++;
          sessions.most = Math.max(sessions.most, sessions.open);
          callback();
        },
        onClose() {
          sessions.open--;
        },
      },
    });
    cleanup.push(() => smtp.close());
    return { smtp, sessions };
  }

  function pool(url: string, options: Partial<SmtpPoolOptions> = {}) {
    const p = new SmtpPool({
      url,
      maxConnections: 2,
      maxMessages: 1000,
      ratePerSecond: 0,
      timeoutMs: 5000,
      requireTLS: false,
      ignoreTLS: true,
      dkim: null,
      ...options,
    });
    cleanup.push(() => p.close());
    return p;
  }

  const send = (p: SmtpPool, to: string) => p.send({ from: 'a@example.org', to }, raw(to));

  it('sends over at most maxConnections sessions, reused, with dot-stuffing intact', async () => {
    const { smtp, sessions } = await server();
    const p = pool(smtp.url, { maxConnections: 2 });
    const to = Array.from({ length: 12 }, (_, i) => `r${i}@example.org`);
    await Promise.all(to.map((t) => send(p, t)));
    expect(smtp.accepted.map((a) => a.to).sort()).toEqual([...to].sort());
    expect(sessions.opened).toBe(2);
    expect(smtp.accepted[0]?.raw?.toString()).toContain('\r\n\r\n.dot\r\nbody');
  });

  it('renews a session after maxMessages', async () => {
    const { smtp, sessions } = await server();
    const p = pool(smtp.url, { maxConnections: 1, maxMessages: 3 });
    for (let i = 0; i < 7; i++) await send(p, `r${i}@example.org`);
    expect(smtp.accepted).toHaveLength(7);
    expect(sessions.opened).toBe(3);
    expect(sessions.most).toBe(1);
  });

  it('keeps the session after a refused recipient (RSET) and sends the next message on it', async () => {
    const { smtp, sessions } = await server({
      rcpt: (to) => (to === 'gone@example.org' ? { code: 550, message: 'No such user' } : null),
    });
    const p = pool(smtp.url, { maxConnections: 1 });
    await expect(send(p, 'gone@example.org')).rejects.toMatchObject({
      responseCode: 550,
      command: 'RCPT TO',
    });
    await send(p, 'here@example.org');
    expect(smtp.accepted.map((a) => a.to)).toEqual(['here@example.org']);
    expect(sessions.opened).toBe(1);
  });

  it('opens a new session when the server closed an idle one', async () => {
    const { smtp, sessions } = await server({}, 150);
    const p = pool(smtp.url, { maxConnections: 1 });
    await send(p, 'first@example.org');
    await new Promise((r) => setTimeout(r, 400));
    await send(p, 'second@example.org');
    expect(smtp.accepted.map((a) => a.to)).toEqual(['first@example.org', 'second@example.org']);
    expect(sessions.opened).toBe(2);
  });

  it('spaces messages by the rate limit across all sessions', async () => {
    const { smtp } = await server();
    const p = pool(smtp.url, { maxConnections: 4, ratePerSecond: 20 });
    const start = performance.now();
    await Promise.all(Array.from({ length: 10 }, (_, i) => send(p, `r${i}@example.org`)));
    // Ten messages at 20/s: nine gaps of 50 ms at least, however many sessions are open.
    expect(performance.now() - start).toBeGreaterThanOrEqual(440);
    expect(smtp.accepted).toHaveLength(10);
  });

  it('reports a refused connection as a socket error, and frees its slot for the next try', async () => {
    const { smtp } = await server();
    const port = smtp.port;
    await smtp.close();
    const p = pool(`smtp://127.0.0.1:${port}`, { maxConnections: 1 });
    // The second try needs the slot the first one freed: without it, it would wait forever.
    await expect(send(p, 'a@example.org')).rejects.toMatchObject({ code: 'ESOCKET' });
    await expect(send(p, 'b@example.org')).rejects.toMatchObject({ code: 'ESOCKET' });
  });

  it('refuses to send once closed', async () => {
    const { smtp } = await server();
    const p = pool(smtp.url);
    p.close();
    await expect(send(p, 'a@example.org')).rejects.toThrow(/closed/);
    expect(smtp.accepted).toHaveLength(0);
  });
});
