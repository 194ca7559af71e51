import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../../src/bounces/base32.ts';
import {
  findVerpTokens,
  MAX_VERP_TOKEN_LENGTH,
  signVerpToken,
  verifyVerpToken,
  verpAddress,
} from '../../src/bounces/verp.ts';

const SECRET = 'verp-secret-0123456789';

describe('VERP tokens', () => {
  it('names the edition and the subscriber, and reads back only with the same secret', () => {
    const delivery = { editionId: '2024-01-04-abcdef01', subscriberId: 123_456 };
    const token = signVerpToken(delivery, SECRET) ?? '';
    expect(token).toMatch(/^[a-z2-7]+$/);
    expect(verifyVerpToken(token, SECRET)).toEqual(delivery);
    expect(verifyVerpToken(token, 'another-secret-0123456789')).toBeNull();
  });

  it('stays short enough for any local part, for the largest subscriber id', () => {
    const token =
      signVerpToken({ editionId: '2149-12-31-ffffffff', subscriberId: 0xffff_ffff }, SECRET) ?? '';
    expect(token.length).toBeLessThanOrEqual(MAX_VERP_TOKEN_LENGTH);
    expect(
      verpAddress('bounces@news.example', { editionId: '2024-01-04-abcdef01', subscriberId: 7 }, SECRET),
    ).toMatch(/^bounces\+[a-z2-7]{20,32}@news\.example$/);
  });

  it('survives a mail server that upper-cases the local part', () => {
    const delivery = { editionId: '2024-01-04-abcdef01', subscriberId: 42 };
    const token = signVerpToken(delivery, SECRET) ?? '';
    expect(verifyVerpToken(token.toUpperCase(), SECRET)).toEqual(delivery);
  });

  it('refuses every token with one character changed, truncated or extended', () => {
    const token = signVerpToken({ editionId: '2024-01-04-abcdef01', subscriberId: 42 }, SECRET) ?? '';
    for (let i = 0; i < token.length; i++) {
      const other = token[i] === 'a' ? 'b' : 'a';
      expect(verifyVerpToken(token.slice(0, i) + other + token.slice(i + 1), SECRET)).toBeNull();
    }
    expect(verifyVerpToken(token.slice(0, -1), SECRET)).toBeNull();
    expect(verifyVerpToken(`${token}a`, SECRET)).toBeNull();
    expect(verifyVerpToken('', SECRET)).toBeNull();
    expect(verifyVerpToken('not base32!', SECRET)).toBeNull();
  });

  it('carries an edition id of another shape as it is, and gives up on a long one', () => {
    const short = { editionId: 'e1', subscriberId: 3 };
    expect(verifyVerpToken(signVerpToken(short, SECRET) ?? '', SECRET)).toEqual(short);
    expect(signVerpToken({ editionId: 'x'.repeat(40), subscriberId: 3 }, SECRET)).toBeNull();
    expect(verpAddress('bounces@news.example', { editionId: 'x'.repeat(40), subscriberId: 3 }, SECRET)).toBe(
      'bounces@news.example',
    );
  });

  it('finds the tokens of the bounce mailbox only, in any case', () => {
    const address = verpAddress(
      'bounces@news.example',
      { editionId: '2024-01-04-abcdef01', subscriberId: 9 },
      SECRET,
    );
    const text = `To: ${address.toUpperCase()}\nCc: bounces+abcdefghij@other.example, xbounces+abcdefghij@news.example`;
    expect(findVerpTokens(text, 'bounces@news.example')).toEqual([address.split(/[+@]/)[1]]);
  });
});

describe('base32', () => {
  it('round-trips every length and refuses non-canonical padding bits', () => {
    for (let n = 0; n < 24; n++) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff));
      expect(decodeBase32(encodeBase32(bytes))).toEqual(bytes);
    }
    expect(decodeBase32('ab')).toBeNull();
  });
});

describe('the VERP signature', () => {
  it('is HMAC-SHA256 of the payload under the secret, for short and long secrets alike', async () => {
    const { createHmac } = await import('node:crypto');
    for (const secret of ['short-secret-0123456', 'x'.repeat(64), 'y'.repeat(200)]) {
      const token = signVerpToken({ editionId: '2024-01-04-abcdef01', subscriberId: 300 }, secret) ?? '';
      const bytes = decodeBase32(token) ?? Buffer.alloc(0);
      const payload = bytes.subarray(0, bytes.length - 8);
      const expected = createHmac('sha256', secret).update('verp:').update(payload).digest().subarray(0, 8);
      expect(bytes.subarray(bytes.length - 8)).toEqual(expected);
    }
  });
});
