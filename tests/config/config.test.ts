import { describe, expect, it } from 'vitest';
import { loadConfig, VARIABLE_NAMES } from '../../src/config.ts';
import { variablePrefixes } from '../../src/config-names.ts';
import { mailboxList } from '../../src/config-values.ts';

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

  it.each([
    ['HTTP_PORT', '80x', 'HTTP_PORT "80x" must be a port number (0 to 65535)'],
    ['DEV_INBOX_SMTP_PORT', '70000', 'DEV_INBOX_SMTP_PORT "70000" must be a port number (0 to 65535)'],
    ['SMTP_POOL_SIZE', 'five', 'SMTP_POOL_SIZE "five" must be a whole number from 1 to 100'],
    ['SMTP_TIMEOUT_MS', '2.5', 'SMTP_TIMEOUT_MS "2.5" must be a whole number of 100 or more'],
    [
      'SMTP_PAUSE_FAILURE_RATIO',
      '2',
      'SMTP_PAUSE_FAILURE_RATIO "2" must be a share above 0 and at most 1, e.g. 0.5',
    ],
    ['DIGEST_CRON', '0 7 * *', 'DIGEST_CRON "0 7 * *" is not a valid cron expression: 5 fields (minute hour'],
    ['MAIL_FROM', 'digest', 'MAIL_FROM "digest" must be an address or "Name <address>": "digest" has no @'],
    ['MAIL_FROM', 'Digest <digest@exa mple.org>', 'has an invalid domain "exa mple.org"'],
    ['DEMO_SUBSCRIBER', 'Demo <reader>', 'DEMO_SUBSCRIBER "Demo <reader>" must be an address'],
  ])('names %s, the bad value and what would be right', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it.each([
    ['smtp://user:hunter2@', 'has no host'],
    ['smtp://:587', 'has no host'],
    ['smtp://relay%20example', 'has a host that is neither a DNS name nor an IP address'],
    ['smtp://[::1', 'has an IPv6 host without its closing "]"'],
    ['smtp://relay.example:99999', 'has a port that is not a number from 1 to 65535'],
    ['smtp://relay.example:0', 'has a port that is not a number from 1 to 65535'],
    ['smtp://u:hunter2@relay example', 'must not contain spaces'],
  ])('refuses SMTP_URL %s at start: it %s', (value, problem) => {
    expect(() => loadConfig({ SMTP_URL: value })).toThrow(
      `${problem}: it must look like smtp://host:587 or smtps://host:465, with USER:PASSWORD@ before the host to log in`,
    );
    expect(() => loadConfig({ SMTP_URL: value })).toThrow(/^SMTP_URL "/);
    expect(() => loadConfig({ SMTP_URL: value })).not.toThrow(/hunter2/);
  });

  it.each([
    'smtp://relay.example',
    'smtp://u:p%40ss@relay.example:587',
    'smtps://u:p@[::1]:465',
    'smtp://10.0.0.25:25',
    'smtp://mail_relay:2525',
  ])('takes SMTP_URL %s', (value) => {
    expect(loadConfig({ SMTP_URL: value }).smtpUrl).toBe(value);
  });

  it('refuses a proxy address or network that is none, and a PUBLIC_URL carrying credentials', () => {
    for (const value of ['10.0.0.0/33', '999.1.1.1', '127.0.0.1,1', 'fd00::/129', '10.0.0.1/8/8'])
      expect(() => loadConfig({ HTTP_TRUST_PROXY: value })).toThrow(
        /^HTTP_TRUST_PROXY ".*" must be true, false, or/,
      );
    expect(loadConfig({ HTTP_TRUST_PROXY: '10.0.0.0/8, fd00::/8,::1' }).httpTrustProxy).toBe(
      '10.0.0.0/8,fd00::/8,::1',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'http://user:pw@news.example' })).toThrow(
      'PUBLIC_URL "http://***@news.example" must not carry a user name or password (they would be in every link)',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'https://news.example/?utm=1' })).toThrow(/must not have a query/);
    expect(() => loadConfig({ REDIS_URL: 'redis://:pw@' })).toThrow(
      /^REDIS_URL "redis:\/\/\*\*\*@" has no host/,
    );
    expect(loadConfig({ PUBLIC_URL: 'https://news.example/digest/' }).publicUrl).toBe(
      'https://news.example/digest',
    );
  });

  it('never shows a secret or a password in an error line', () => {
    expect(() => loadConfig({ OPS_TOKEN: 'short-secret' })).toThrow(/^OPS_TOKEN must be at least 16/);
    expect(() => loadConfig({ SMTP_URL: 'smtp:/user:pa55word@relay' })).toThrow(/^SMTP_URL "smtp:/);
    expect(() => loadConfig({ REDIS_URL: 'http://u:pa55word@queue' })).not.toThrow(/pa55word/);
  });

  it('takes an empty number as unset, and MAIL_FROM on localhost (the dev inbox sender)', () => {
    const config = loadConfig({ HTTP_PORT: '', SMTP_POOL_SIZE: ' ', MAIL_FROM: 'Digest <digest@localhost>' });
    expect(config.httpPort).toBe(8025);
    expect(config.smtpPoolSize).toBe(5);
    expect(() => loadConfig({ MAIL_FROM: 'digest@example' })).toThrow(
      /MAIL_FROM .*has a domain without a dot/,
    );
  });

  it('warns about variables that look like ours, naming the closest known one', () => {
    const config = loadConfig({
      SMPT_URL: 'smtp://relay.example:587',
      DIGEST_CRONN: '0 6 * * *',
      smtp_url: 'x',
      DIGEST_COLOUR: 'blue',
      HTTP_PROXY: 'http://proxy:3128',
      PATH: '/usr/bin',
      LANG: 'C.UTF-8',
      NODE_OPTIONS: '--max-old-space-size=200',
    });
    expect(config.warnings).toEqual([
      expect.stringMatching(/^DIGEST_COLOUR is not a variable this program reads .*ignored$/),
      'DIGEST_CRONN is not a variable this program reads (in the environment or .env), so it is ignored: did you mean DIGEST_CRON?',
      expect.stringMatching(/^SMPT_URL .*did you mean SMTP_URL\?$/),
      expect.stringMatching(/^smtp_url .*did you mean SMTP_URL\?$/),
    ]);
    expect(config.smtpUrl).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtp://relay.example:587' }).warnings).toEqual([]);
  });

  it('warns about an unread name with any prefix the schema uses, ALERT_ and LOG_ among them', () => {
    const prefixes = variablePrefixes(VARIABLE_NAMES);
    expect(prefixes).toEqual(expect.arrayContaining(['ALERT_', 'LOG_', 'SMTP_', 'DIGEST_', 'DEV_']));
    // Every variable's first word is a prefix: none is left to a hand-kept list.
    for (const name of VARIABLE_NAMES) expect(prefixes).toContain(`${name.split('_')[0]}_`);
    const env = Object.fromEntries(prefixes.map((p) => [`${p}XYZZY_QUUX`, 'x']));
    expect(loadConfig(env).warnings).toHaveLength(prefixes.length);
    const alerts = loadConfig({ ALERT_WEBHOOK: 'https://x.example', ALERT_URL: 'x', ALERT_HOOK_URL: 'x' });
    expect(alerts.warnings).toEqual([
      expect.stringMatching(/^ALERT_HOOK_URL is not a variable .*did you mean ALERT_WEBHOOK_URL\?$/),
      expect.stringMatching(/^ALERT_URL is not a variable .*did you mean ALERT_WEBHOOK_URL\?$/),
      expect.stringMatching(/^ALERT_WEBHOOK is not a variable .*did you mean ALERT_WEBHOOK_URL\?$/),
    ]);
  });

  it('has an address-list validator for settings that hold several addresses', () => {
    const list = mailboxList();
    expect(list.parse('Ana <ANA@example.org>, "Doe, Ben" <ben@bücher.example>,carl@example.org')).toEqual([
      { email: 'ana@example.org', name: 'Ana' },
      { email: 'ben@xn--bcher-kva.example', name: 'Doe, Ben' },
      { email: 'carl@example.org', name: null },
    ]);
    expect(list.parse('')).toEqual([]);
    const bad = list.safeParse('ana@example.org, ben');
    expect(bad.error?.issues[0]?.message).toBe('must be a comma-separated list of addresses: "ben" has no @');
  });
});
