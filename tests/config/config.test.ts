import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.smtpUrl).toBeNull();
    expect(config.dbPath).toBe('data/digest.db');
    expect(config.sources).toEqual(['examples/articles']);
    expect(config.publicUrl).toBe('http://127.0.0.1:8025');
    expect(Object.isFrozen(config)).toBe(true);
    expect(config.fetchPrivateLinks).toBe(false);
    expect(loadConfig({ DIGEST_FETCH_PRIVATE: 'allow' }).fetchPrivateLinks).toBe(true);
  });

  it.each([
    ['DIGEST_CRON', '61 * * * *'],
    ['DIGEST_TZ', 'Mars/Olympus_Mons'],
    ['SMTP_URL', 'http://mail.example.org'],
    ['HTTP_PORT', 'eighty'],
    ['PUBLIC_URL', 'not a url'],
    ['OPS_TOKEN', 'short'],
    ['DIGEST_FETCH_PRIVATE', 'maybe'],
    ['HTTP_TRUST_PROXY', 'yes please'],
    ['HTTP_ALLOWED_HOSTS', 'news.example.org/path'],
    ['DIGEST_OPT_IN', 'triple'],
    ['DIGEST_ARCHIVE', 'private'],
    ['DIGEST_UNCONFIRMED_DAYS', '0'],
  ])('stops with one line naming %s when it is bad', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });

  it('reads the web settings: proxies, extra hosts, opt-in, archive, unconfirmed days', () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({
      httpTrustProxy: false,
      httpAllowedHosts: [],
      optIn: 'double',
      archive: 'public',
      unconfirmedDays: 7,
    });
    const set = loadConfig({
      HTTP_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8',
      HTTP_ALLOWED_HOSTS: 'News.Example.org, 10.0.0.5:8025',
      DIGEST_OPT_IN: 'single',
      DIGEST_ARCHIVE: 'off',
      DIGEST_UNCONFIRMED_DAYS: '30',
    });
    expect(set).toMatchObject({
      httpTrustProxy: '127.0.0.1,10.0.0.0/8',
      httpAllowedHosts: ['news.example.org', '10.0.0.5:8025'],
      optIn: 'single',
      archive: 'off',
      unconfirmedDays: 30,
    });
    expect(loadConfig({ HTTP_TRUST_PROXY: 'true' }).httpTrustProxy).toBe(true);
  });

  it('reads smtp and smtps URLs and treats an empty value as unset', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.org:465' }).smtpUrl).toBe(
      'smtps://u:p@mail.example.org:465',
    );
    expect(loadConfig({ SMTP_URL: '' }).smtpUrl).toBeNull();
  });
});
