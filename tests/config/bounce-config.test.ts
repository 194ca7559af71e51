import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('the bounce settings', () => {
  it('default to bounces@ the MAIL_FROM domain, 3 soft bounces in 5 editions, webhooks off', () => {
    const config = loadConfig({ MAIL_FROM: 'The Digest <Digest@News.Example>' });
    expect(config.bounceAddress).toBe('bounces@news.example');
    expect(config.bounceSoftLimit).toBe(3);
    expect(config.bounceSoftWindow).toBe(5);
    expect(config.bounceWebhookSecret).toBeNull();
    expect(loadConfig({ BOUNCE_ADDRESS: 'Returns@Mail.News.Example' }).bounceAddress).toBe(
      'returns@mail.news.example',
    );
  });

  it.each([
    [
      'BOUNCE_ADDRESS',
      'bounces+x@news.example',
      /^BOUNCE_ADDRESS "bounces\+x@news\.example" must be a plain address/,
    ],
    ['BOUNCE_ADDRESS', 'not an address', /^BOUNCE_ADDRESS /],
    ['BOUNCE_ADDRESS', `${'b'.repeat(32)}@news.example`, /^BOUNCE_ADDRESS /],
    ['BOUNCE_SOFT_LIMIT', '-1', /^BOUNCE_SOFT_LIMIT /],
    ['BOUNCE_SOFT_WINDOW', '0', /^BOUNCE_SOFT_WINDOW /],
    ['BOUNCE_WEBHOOK_SECRET', 'short', /^BOUNCE_WEBHOOK_SECRET must be at least 16 characters/],
  ])('stops with one line naming %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('never shows the webhook secret in its error line', () => {
    expect(() => loadConfig({ BOUNCE_WEBHOOK_SECRET: 'short-secret' })).toThrow(
      /^BOUNCE_WEBHOOK_SECRET must be at least 16 characters/,
    );
    expect(() => loadConfig({ BOUNCE_WEBHOOK_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('refuses a window smaller than the limit: it could never be reached', () => {
    expect(() => loadConfig({ BOUNCE_SOFT_LIMIT: '4', BOUNCE_SOFT_WINDOW: '3' })).toThrow(
      'BOUNCE_SOFT_WINDOW (3) must be at least BOUNCE_SOFT_LIMIT (4)',
    );
    expect(loadConfig({ BOUNCE_SOFT_LIMIT: '0', BOUNCE_SOFT_WINDOW: '1' }).bounceSoftLimit).toBe(0);
  });
});

describe('BOUNCE_VERP', () => {
  it('is on by default, off with false, and refuses a word that is neither', () => {
    expect(loadConfig({}).bounceVerp).toBe(true);
    expect(loadConfig({ BOUNCE_VERP: 'false' }).bounceVerp).toBe(false);
    expect(() => loadConfig({ BOUNCE_VERP: 'sometimes' })).toThrow(
      /^BOUNCE_VERP "sometimes" must be true or false/,
    );
  });
});
