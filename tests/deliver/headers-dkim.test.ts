import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { dkimVerify } from 'mailauth';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import { verifyUnsubscribeToken } from '../../src/deliver/unsubscribe-token.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { sendEdition } from '../../src/pipeline.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { type ScriptedSmtp, startScriptedSmtp } from './scripted-smtp.ts';

const SECRET = 'test-secret-0123456789abcdef';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_PEM = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PUBLIC_B64 = keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
/** A DNS resolver that knows only the test key: no real DNS is asked. */
const resolver = async (name: string, type: string) => {
  if (type === 'TXT' && name === 'news._domainkey.digest.example')
    return [[`v=DKIM1; k=rsa; p=${PUBLIC_B64}`]];
  throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' });
};

describe('a delivered digest as the recipient receives it', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let smtp: ScriptedSmtp;
  let raw: Buffer;
  let editionId = '';
  beforeAll(async () => {
    temp = makeTempDir();
    smtp = await startScriptedSmtp();
    const config = loadConfig({
      SMTP_URL: smtp.url,
      DIGEST_DB: join(temp.dir, 'digest.db'),
      MAIL_FROM: 'The Digest <news@digest.example>',
      PUBLIC_URL: 'https://news.digest.example',
      UNSUBSCRIBE_SECRET: SECRET,
      DKIM_DOMAIN: 'digest.example',
      DKIM_SELECTOR: 'news',
      DKIM_PRIVATE_KEY: PRIVATE_PEM.replace(/\n/g, '\\n'),
    });
    const store = openSqliteStore(config.dbPath);
    await store.addSubscriber('ana@example.org', 'Ana');
    const mailer = createSmtpMailer(smtp.url, { dkim: config.dkim });
    const { articles } = await loadArticles(['examples/articles']);
    const ctx = { config, store, mailer, secret: SECRET, log: () => {} };
    const report = await sendEdition(ctx, articles, { now: new Date('2022-01-06T07:00:00Z') });
    editionId = report?.editionId ?? '';
    mailer.close();
    await store.close();
    raw = smtp.accepted[0]?.raw ?? Buffer.alloc(0);
  });
  afterAll(async () => {
    await smtp.close();
    temp.remove();
  });

  it('carries List-Unsubscribe (https and mailto), one-click POST, List-Id, Date and a stable Message-ID', async () => {
    const mail = await simpleParser(raw);
    const listUnsubscribe = header(raw, 'List-Unsubscribe');
    const https = /<(https:\/\/news\.digest\.example\/unsubscribe\?token=([^>]+))>/.exec(listUnsubscribe);
    expect(verifyUnsubscribeToken(https?.[2] ?? '', SECRET)).toBe('ana@example.org');
    const mailto = /<mailto:unsubscribe@digest\.example\?subject=unsubscribe%20([^>]+)>/.exec(
      listUnsubscribe,
    );
    expect(verifyUnsubscribeToken(mailto?.[1] ?? '', SECRET)).toBe('ana@example.org');
    expect(header(raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(header(raw, 'List-Id')).toBe('The Article Digest <digest.digest.example>');
    expect(mail.messageId).toBe(`<${editionId}.1@digest.example>`);
    expect(smtp.accepted[0]?.messageId).toBe(`<${editionId}.1@digest.example>`);
    // Dated when sent, not when composed (the edition's clock is January 2022).
    expect(Math.abs((mail.date?.getTime() ?? 0) - Date.now())).toBeLessThan(10 * 60_000);
  });

  it('is DKIM-signed with a signature that verifies against the published key', async () => {
    const result = await dkimVerify(raw, { resolver });
    expect(result.results.map((r) => [r.signingDomain, r.status.result])).toEqual([
      ['digest.example', 'pass'],
    ]);
  });

  it('fails DKIM verification once a byte of the body changes', async () => {
    const tampered = Buffer.from(raw.toString('latin1').replace('Blinken', 'Blinkin'), 'latin1');
    const result = await dkimVerify(tampered, { resolver });
    expect(result.results[0]?.status.result).not.toBe('pass');
  });
});

/** A header's unfolded value, read from the raw message (mailparser turns List-* into objects). */
function header(message: Buffer, name: string): string {
  const head = message.toString('utf8').split('\r\n\r\n')[0] ?? '';
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded)?.[1] ?? '';
}

describe('DKIM configuration', () => {
  it('names the variable when the key file cannot be read', () => {
    expect(() =>
      loadConfig({
        DKIM_DOMAIN: 'digest.example',
        DKIM_SELECTOR: 'news',
        DKIM_PRIVATE_KEY_FILE: '/nonexistent/key.pem',
      }),
    ).toThrow('DKIM_PRIVATE_KEY_FILE cannot be read (ENOENT)');
  });

  it('refuses a key that is not PEM without repeating it', () => {
    const load = () =>
      loadConfig({
        DKIM_DOMAIN: 'digest.example',
        DKIM_SELECTOR: 'news',
        DKIM_PRIVATE_KEY: 'not-a-key-1234',
      });
    expect(load).toThrow('DKIM_PRIVATE_KEY is not a PEM private key');
    expect(load).not.toThrow(/not-a-key-1234/);
  });

  it('wants a selector with the domain', () => {
    expect(() => loadConfig({ DKIM_DOMAIN: 'digest.example', DKIM_PRIVATE_KEY: PRIVATE_PEM })).toThrow(
      'DKIM_SELECTOR must be set when DKIM_DOMAIN is set',
    );
  });
});
