import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('the review and alert settings', () => {
  it('are off by default: no review, a two-hour lead, hold, nobody to tell', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      reviewRequired: false,
      reviewLeadMs: 7_200_000,
      reviewMissed: 'hold',
      editorEmails: [],
      opsEmails: [],
      alertWebhookUrl: null,
    });
  });

  it('read durations and comma-separated address lists', () => {
    const config = loadConfig({
      DIGEST_REVIEW: 'required',
      DIGEST_REVIEW_LEAD: '90m',
      DIGEST_REVIEW_MISSED: 'send',
      EDITOR_EMAILS: ' eve@example.org, Max@Example.org ',
      OPS_EMAILS: 'ops@example.org',
      ALERT_WEBHOOK_URL: 'https://hooks.example.org/T0/B0/secret',
    });
    expect(config).toMatchObject({ reviewRequired: true, reviewLeadMs: 5_400_000, reviewMissed: 'send' });
    expect(config.editorEmails).toEqual(['eve@example.org', 'Max@Example.org']);
    expect(loadConfig({ DIGEST_REVIEW_LEAD: '30s' }).reviewLeadMs).toBe(30_000);
  });

  it.each([
    ['DIGEST_REVIEW', 'on'],
    ['DIGEST_REVIEW_LEAD', 'two hours'],
    ['DIGEST_REVIEW_MISSED', 'drop'],
    ['EDITOR_EMAILS', 'eve@example.org, not-an-address'],
    ['OPS_EMAILS', 'ops@'],
    ['ALERT_WEBHOOK_URL', 'ftp://hooks.example.org'],
  ])('stops with one line naming %s when it is bad', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });

  it('wants an editor to mail when review is required', () => {
    expect(() => loadConfig({ DIGEST_REVIEW: 'required' })).toThrow(
      /^EDITOR_EMAILS must name at least one editor/,
    );
  });
});
