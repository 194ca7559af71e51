import { beforeAll, describe, expect, it } from 'vitest';
import { verifyVerpToken } from '../../src/bounces/verp.ts';
import { loadConfig } from '../../src/config.ts';
import { buildMessage, prepareEdition } from '../../src/pipeline.ts';
import type { RenderedEdition } from '../../src/render/render-edition.ts';
import { ingestSample } from '../schedule/sample.ts';

const SECRET = 'envelope-secret-0123456789';
const delivery = { email: 'ana@reader.example', name: 'Ana', messageId: '<m@news.example>' };

describe('the envelope sender of a message', () => {
  let rendered: RenderedEdition;
  const config = loadConfig({ MAIL_FROM: 'The Digest <digest@news.example>' });
  beforeAll(async () => {
    rendered = await prepareEdition(await ingestSample(), config, new Date('2022-01-06T07:00:00Z'), SECRET);
  });

  it('is the delivery’s own VERP address, while From stays MAIL_FROM', () => {
    const message = buildMessage(
      rendered,
      { ...delivery, editionId: rendered.edition.id, subscriberId: 42 },
      config,
      SECRET,
    );
    expect(message.from).toBe('The Digest <digest@news.example>');
    const token = /^bounces\+([a-z2-7]+)@news\.example$/.exec(message.envelopeFrom ?? '')?.[1] ?? '';
    expect(verifyVerpToken(token, SECRET)).toEqual({ editionId: rendered.edition.id, subscriberId: 42 });
  });

  it('is the plain bounce address for a test copy, and for every message with BOUNCE_VERP=false', () => {
    expect(buildMessage(rendered, delivery, config, SECRET).envelopeFrom).toBe('bounces@news.example');
    const off = loadConfig({
      MAIL_FROM: 'digest@news.example',
      BOUNCE_VERP: 'false',
      BOUNCE_ADDRESS: 'digest@news.example',
    });
    const message = buildMessage(
      rendered,
      { ...delivery, editionId: rendered.edition.id, subscriberId: 42 },
      off,
      SECRET,
    );
    expect(message.envelopeFrom).toBe('digest@news.example');
  });
});
