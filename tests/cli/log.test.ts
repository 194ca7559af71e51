import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DigestError } from '../../src/errors.ts';
import { configSecrets, createLogger } from '../../src/log.ts';

const OPS_TOKEN = 'ops-token-0123456789abcdef';
const UNSUBSCRIBE_SECRET = 'unsubscribe-secret-0123456789';
const SMTP_PASSWORD = 'smtp-pa55word-xyz';

function collect() {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { destination, text: () => chunks.join('') };
}

describe('the structured logger', () => {
  it('writes one JSON object per line with level, time and message', () => {
    const out = collect();
    const logger = createLogger({ destination: out.destination, pretty: false });
    logger.info({ editionId: 'e1' }, 'edition e1 done');
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: 'edition e1 done', editionId: 'e1' });
    expect(String(line.time)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('never writes a credential: SMTP_URL password, OPS_TOKEN, UNSUBSCRIBE_SECRET', () => {
    const config = loadConfig({
      SMTP_URL: `smtps://mailer:${SMTP_PASSWORD}@mail.example.org:465`,
      OPS_TOKEN,
      UNSUBSCRIBE_SECRET,
    });
    const out = collect();
    const logger = createLogger({
      destination: out.destination,
      pretty: false,
      secrets: configSecrets(config),
    });
    logger.info(`connecting to ${config.smtpUrl}`);
    logger.info({ config }, 'configuration');
    logger.warn(
      { header: `Bearer ${OPS_TOKEN}`, nested: { note: `secret=${UNSUBSCRIBE_SECRET}` } },
      'request',
    );
    logger.error(
      new DigestError('SMTP_TEMPORARY', `login failed for smtp://mailer:${SMTP_PASSWORD}@host`, {
        cause: new Error(`password ${SMTP_PASSWORD} refused`),
      }),
      'send failed',
    );
    logger.error({ err: new Error(`token ${OPS_TOKEN}`) }, 'ops');
    const text = out.text();
    for (const secret of [SMTP_PASSWORD, OPS_TOKEN, UNSUBSCRIBE_SECRET]) expect(text).not.toContain(secret);
    expect(text).toContain('smtps://***@mail.example.org:465');
    expect(text).toContain('[redacted]');
    expect(text.trim().split('\n')).toHaveLength(5);
  });

  it('shows control characters as escapes on pretty (terminal) lines, so a feed title cannot run terminal sequences', () => {
    const out = collect();
    const logger = createLogger({ destination: out.destination, pretty: true });
    const title = 'Council \u001b]0;owned\u0007meets\u001b[2J\rFAKE line';
    logger.warn({ title }, `article ${title} skipped`);
    logger.error(new Error(`bad ${title}`), 'failed');
    const text = out.text();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is that none is left.
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('article Council \\x1b]0;owned\\x07meets\\x1b[2J\\rFAKE line skipped');
    // Each entry is still one line of its own; an error keeps its stack lines.
    expect(text.split('\n').filter((l) => l.includes('skipped'))).toHaveLength(1);
    expect(text).toMatch(/\n\s+at /);
  });

  it('leaves JSON lines as JSON: the control characters are escaped by JSON itself and read back intact', () => {
    const out = collect();
    const logger = createLogger({ destination: out.destination, pretty: false });
    logger.info('bell \u0007 here');
    expect((JSON.parse(out.text().trim()) as { msg: string }).msg).toBe('bell \u0007 here');
  });
});
