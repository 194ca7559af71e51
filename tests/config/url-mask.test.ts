import { describe, expect, it } from 'vitest';
import { loadConfig, VARIABLE_NAMES } from '../../src/config.ts';
import { redactUrls } from '../../src/log.ts';
import { looksLikeUrl, maskUrlValue } from '../../src/url-mask.ts';

const PASSWORD = 'BHxQa3/9kPlus#ZZ+wJal';

/** Every shape of mistake QA3 found (and a few more), each carrying PASSWORD. */
const SMTP_SHAPES = [
  `smtp://AKIAQA3EXAMPLE:${PASSWORD}@email-smtp.eu-west-1.amazonaws.com:587`,
  `smtp//user:${PASSWORD}@relay.example`,
  `smtp:/user:${PASSWORD}@relay.example`,
  `smtp:user:${PASSWORD}@relay.example`,
  `smtps:///user:${PASSWORD}@relay.example`,
  `user:${PASSWORD}@relay.example`,
  `smtp://user:${PASSWORD}@`,
  `smtp://user:${PASSWORD}@@relay.example`,
  `smtp://ops@example.org:${PASSWORD}@relay.example`,
  `smtp://user:${PASSWORD}`,
];

/** The error line loadConfig throws for `env`. */
function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`no error for ${JSON.stringify(env)}`);
}

describe('URL values in error lines', () => {
  it.each(SMTP_SHAPES)('never show the password of SMTP_URL %s', (value) => {
    const line = errorOf({ SMTP_URL: value });
    expect(line).toMatch(/^SMTP_URL "/);
    expect(line).not.toContain(PASSWORD);
    expect(line).not.toContain('9kPlus');
  });

  it.each([
    ['REDIS_URL', `redis:/:${PASSWORD}@queue.example:6379`],
    ['REDIS_URL', `redis//:${PASSWORD}@queue.example:6379`],
    ['PUBLIC_URL', `https//u:${PASSWORD}@news.example`],
    ['PUBLIC_URL', `https://u:${PASSWORD}@news.example`],
    ['ALERT_WEBHOOK_URL', `https//u:${PASSWORD}@hooks.example/x`],
    ['DIGEST_DB', `postgres:/u:${PASSWORD}@127.0.0.1:5432/d`],
    ['DIGEST_DB', `postgresql//u:${PASSWORD}@127.0.0.1:5432/d`],
  ])('never show the password of %s %s', (name, value) => {
    const line = errorOf({ [name]: value });
    expect(line.startsWith(`${name} "`)).toBe(true);
    expect(line).not.toContain('9kPlus');
  });

  it('mask every URL variable of the schema, not a hand-kept list', () => {
    const urlVariables = VARIABLE_NAMES.filter((n) => n.endsWith('_URL'));
    expect(urlVariables).toEqual(
      expect.arrayContaining(['SMTP_URL', 'REDIS_URL', 'PUBLIC_URL', 'ALERT_WEBHOOK_URL']),
    );
    for (const name of urlVariables) {
      const line = errorOf({ [name]: `nope//user:${PASSWORD}@host.example` });
      expect(line).toContain(`${name} "nope//***@host`);
      expect(line).not.toContain('9kPlus');
    }
  });

  it('keep the scheme as typed and what follows the last @, so the mistake stays visible', () => {
    expect(maskUrlValue(`smtp:/user:${PASSWORD}@relay.example:587`)).toBe('smtp:/***@relay.example:587');
    expect(maskUrlValue(`smtp:user:${PASSWORD}@relay.example`)).toBe('smtp:***@relay.example');
    expect(maskUrlValue(`AKIA:${PASSWORD}@relay.example`)).toBe('***@relay.example');
    expect(maskUrlValue('smtp://relay.example:99999')).toBe('smtp://relay.example:99999');
    expect(errorOf({ SMTP_URL: `smtps:///user:${PASSWORD}@relay.example` })).toContain(
      'SMTP_URL "smtps:///***@relay.example" has no host',
    );
    // No host given: the password sits where the port would be.
    expect(maskUrlValue('smtp://user:s3cret')).toBe('smtp://user:***');
    expect(maskUrlValue('https://u:p@hooks.example/T0/B0/KEY?k=1', { hidePath: true })).toBe(
      'https://***@hooks.example/…',
    );
  });

  it('show only the scheme and host of ALERT_WEBHOOK_URL, whose path is its key', () => {
    const line = errorOf({ ALERT_WEBHOOK_URL: 'ftp://hooks.example/services/T0/B0/SECRETKEY' });
    expect(line).toMatch(/^ALERT_WEBHOOK_URL "ftp:\/\/hooks\.example\/…" must look like/);
  });

  it('are also masked in free text, up to the last @ of the URL', () => {
    expect(redactUrls(`cannot reach smtp://u:${PASSWORD}@relay.example:587 now`)).toBe(
      'cannot reach smtp://***@relay.example:587 now',
    );
    expect(redactUrls('smtp://relay.example:587 and ops@example.org')).toBe(
      'smtp://relay.example:587 and ops@example.org',
    );
  });
});

describe('DIGEST_DB', () => {
  it('takes a plain path or a valid Postgres URL', () => {
    expect(loadConfig({ DIGEST_DB: 'data/digest.db' }).dbPath).toBe('data/digest.db');
    expect(loadConfig({ DIGEST_DB: 'C:/data/digest.db' }).dbPath).toBe('C:/data/digest.db');
    expect(loadConfig({ DIGEST_DB: './my list.db' }).dbPath).toBe('./my list.db');
    const url = 'postgresql://digest:pw@db.example:5432/digest';
    expect(loadConfig({ DIGEST_DB: url }).dbPath).toBe(url);
  });

  it.each([
    ['postgres:/u:s3cretPW@127.0.0.1:5432/d', /is not a postgres:\/\/ or postgresql:\/\/ URL/],
    ['postgresql//u:s3cretPW@127.0.0.1/d', /is not a postgres:\/\/ or postgresql:\/\/ URL/],
    ['postgres://u:s3cretPW@127.0.0.1:99999/d', /has a port that is not a number/],
    ['postgres://u:s3cretPW@/d', /has no host/],
    ['mysql://u:s3cretPW@db.example/d', /is not a postgres:\/\/ or postgresql:\/\/ URL/],
    ['u:s3cretPW@db.example/d', /is not a postgres:\/\/ or postgresql:\/\/ URL/],
  ])('refuses %s, a URL that is not a valid Postgres one, with the password masked', (value, why) => {
    const line = errorOf({ DIGEST_DB: value });
    expect(line).toMatch(/^DIGEST_DB ".*\*\*\*@.*" looks like a URL but /);
    expect(line).toMatch(why);
    expect(line).not.toContain('s3cretPW');
  });

  it('tells a URL from a path by its shape', () => {
    expect(looksLikeUrl('postgres:/x')).toBe(true);
    expect(looksLikeUrl('postgresql')).toBe(true);
    expect(looksLikeUrl('sqlite://x.db')).toBe(true);
    expect(looksLikeUrl('user:pw@host')).toBe(true);
    expect(looksLikeUrl('data/digest.db')).toBe(false);
    expect(looksLikeUrl('C:/digest.db')).toBe(false);
    expect(looksLikeUrl('/srv/me@work/digest.db')).toBe(false);
  });
});
