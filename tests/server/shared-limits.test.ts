import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.ts';
import type { SignupService } from '../../src/server/signup/service.ts';
import { rawRequest } from '../helpers/http-request.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { freshPostgresDatabase, STORE_BACKENDS } from '../helpers/store-backends.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { openTestContext } from '../schedule/context.ts';
import { pageText, startDeskServer } from './desk/desk-server.ts';
import { startSignupServer } from './signup-server.ts';

type Desk = Awaited<ReturnType<typeof startDeskServer>>;

/** DIGEST_DB of a new, empty database of the backend (a SQLite file in `dir`, or a Postgres database). */
async function databaseOf(name: 'SQLite' | 'Postgres', dir: string): Promise<string> {
  return name === 'SQLite' ? join(dir, 'shared.db') : freshPostgresDatabase();
}

/** A sign-in try (a wrong password) to `desk` from the loopback address `ip`. */
async function tryToSignIn(desk: Desk, ip: string, email: string) {
  const headers = { host: new URL(desk.url).host };
  const page = await rawRequest(`${desk.url}/desk/sign-in`, { localAddress: ip, headers });
  const cookie = [page.headers['set-cookie'] ?? []]
    .flat()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return rawRequest(`${desk.url}/desk/sign-in`, {
    localAddress: ip,
    method: 'POST',
    headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password: 'not the password' }).toString(),
  });
}

describe.each(STORE_BACKENDS)(
  'sign-in limits shared by two web processes on one $name database',
  (backend) => {
    let temp: ReturnType<typeof makeTempDir>;
    let env: Record<string, string>;
    const desks: Desk[] = [];
    const start = async () => {
      const desk = await startDeskServer(env);
      desks.push(desk);
      return desk;
    };
    beforeEach(async (context) => {
      if (backend.skipReason) return context.skip(backend.skipReason);
      temp = makeTempDir('digest-shared-sign-in-');
      env = { DIGEST_DB: await databaseOf(backend.name, temp.dir) };
    });
    afterEach(async () => {
      for (const desk of desks.splice(0)) await desk.close();
      temp?.remove();
    });

    it("refuses a client IP's 11th try in a minute through the second process with 429 and Retry-After, and after a restart", async () => {
      const [first, second] = [await start(), await start()];
      const statuses: number[] = [];
      // Ten addresses, so that only the client's count (10 a minute) can run out.
      for (let i = 0; i < 10; i++)
        statuses.push((await tryToSignIn(first, '127.0.0.50', `guess${i}@example.org`)).status);
      expect(statuses).toEqual(Array(10).fill(401));
      const eleventh = await tryToSignIn(second, '127.0.0.50', 'guess10@example.org');
      expect(eleventh.status).toBe(429);
      expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(eleventh.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(pageText(eleventh.body)).toContain('Too many tries');
      // Another client is not held up.
      expect((await tryToSignIn(second, '127.0.0.51', 'guess11@example.org')).status).toBe(401);

      // A deploy: both processes stop, a new one starts on the same database.
      for (const desk of desks.splice(0)) await desk.close();
      const restarted = await start();
      const after = await tryToSignIn(restarted, '127.0.0.50', 'guess12@example.org');
      expect(after.status).toBe(429);
      expect(after.headers['retry-after']).toMatch(/^\d+$/);
    });

    it("refuses an address's 11th try in an hour from a new IP, its ten earlier tries spread over both processes", async () => {
      const [first, second] = [await start(), await start()];
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const desk = i % 2 === 0 ? first : second;
        statuses.push((await tryToSignIn(desk, `127.0.2.${i + 1}`, 'olga@example.org')).status);
      }
      expect(statuses).toEqual(Array(10).fill(401));
      const eleventh = await tryToSignIn(second, '127.0.2.20', 'Olga@Example.org');
      expect(eleventh.status).toBe(429);
      expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(60);
      expect(pageText(eleventh.body)).toContain('a one-time sign-in link always works');
    });
  },
);

describe.each(STORE_BACKENDS)(
  'sign-up limits shared by two web processes on one $name database',
  (backend) => {
    let temp: ReturnType<typeof makeTempDir>;
    let sink: Awaited<ReturnType<typeof startSmtpSink>>;
    let env: Record<string, string>;
    // Every process's clock, moved ahead by `offset` to end windows.
    let offset = 0;
    const clock = () => Date.now() + offset;
    const running: { server: RunningServer; service: SignupService; close(): Promise<void> }[] = [];

    /** One web process: its own context (connection) on the shared database, its own sign-up service. */
    const start = async () => {
      const ctx = await openTestContext(temp.dir, sink.url, env);
      const { service, server } = await startSignupServer(ctx, {
        now: clock,
        mailsPerHour: 2,
        ipLimit: { max: 3, now: clock },
      });
      const web = {
        server,
        service,
        async close() {
          await server.close();
          await service.idle();
          await ctx.close();
        },
      };
      running.push(web);
      return web;
    };
    const signUp = async (
      web: { server: RunningServer; service: SignupService },
      email: string,
      ip: string,
    ) => {
      const res = await fetch(`${web.server.url}/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ email }),
      });
      await web.service.idle();
      return res;
    };

    beforeEach(async (context) => {
      if (backend.skipReason) return context.skip(backend.skipReason);
      temp = makeTempDir('digest-shared-sign-up-');
      sink = await startSmtpSink();
      offset = 0;
      env = { PUBLIC_URL: 'http://news.example.org', DIGEST_DB: await databaseOf(backend.name, temp.dir) };
    });
    afterEach(async () => {
      for (const web of running.splice(0)) await web.close();
      await sink?.close();
      temp?.remove();
    });

    it("refuses an IP's 4th sign-up through the second process with 429 and Retry-After, until its window ends", async () => {
      const [first, second] = [await start(), await start()];
      for (let i = 0; i < 3; i++)
        expect((await signUp(first, `a${i}@example.org`, '198.51.100.9')).status).toBe(202);
      const fourth = await signUp(second, 'a3@example.org', '198.51.100.9');
      expect(fourth.status).toBe(429);
      expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(fourth.headers.get('retry-after'))).toBeLessThanOrEqual(600);
      // A deploy: both processes stop, a new one starts on the same database and refuses it too.
      for (const web of running.splice(0)) await web.close();
      const restarted = await start();
      expect((await signUp(restarted, 'a4@example.org', '198.51.100.9')).status).toBe(429);
      // Ten minutes on, the window has ended: the same IP gets in again.
      offset += 10 * 60_000;
      expect((await signUp(restarted, 'a5@example.org', '198.51.100.9')).status).toBe(202);
    });

    it('mails at most mailsPerHour confirmations in all, counted across both processes and a restart', async () => {
      const [first, second] = [await start(), await start()];
      await signUp(first, 'ana@example.org', '192.0.2.1');
      await signUp(second, 'ben@example.org', '192.0.2.2');
      await signUp(first, 'cara@example.org', '192.0.2.3');
      expect(sink.received.map((m) => m.to[0]).sort()).toEqual(['ana@example.org', 'ben@example.org']);
      const restarted = await start();
      await signUp(restarted, 'dan@example.org', '192.0.2.4');
      expect(sink.received).toHaveLength(2);
      offset += 60 * 60_000;
      await signUp(second, 'eve@example.org', '192.0.2.5');
      expect(sink.received.map((m) => m.to[0])).toContain('eve@example.org');
      expect(sink.received).toHaveLength(3);
    });

    it('mails one confirmation an hour to an address, asked for through both processes at once', async () => {
      const [first, second] = [await start(), await start()];
      const answers = await Promise.all([
        signUp(first, 'fay@example.org', '192.0.2.10'),
        signUp(second, 'fay@example.org', '192.0.2.11'),
        signUp(first, 'fay@example.org', '192.0.2.12'),
      ]);
      expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
      await Promise.all(running.map((web) => web.service.idle()));
      expect(sink.received.map((m) => m.to[0])).toEqual(['fay@example.org']);
    });
  },
);
