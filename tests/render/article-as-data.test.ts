import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildMessage } from '../../src/pipeline.ts';
import { composeMime } from '../../src/render/mime.ts';
import { personalize, type RenderedEdition, renderEdition } from '../../src/render/render-edition.ts';
import { analysis, editionOf, POSTAL, SIGNING } from './fixtures.ts';

const RECIPIENT = { name: 'Ana', unsubscribeUrl: 'https://x.example/u?token=real' };

async function renderWith(title: string, text: string, extra: Parameters<typeof analysis>[1] = {}) {
  const edition = editionOf([analysis(title, { summary: [text], ...extra })]);
  const rendered = await renderEdition(edition, { postalAddress: POSTAL, calendarLinks: SIGNING });
  return { rendered, copy: personalize(rendered, RECIPIENT) };
}

async function parsedEml(rendered: RenderedEdition) {
  const config = loadConfig({});
  const message = buildMessage(
    rendered,
    { email: 'ana@example.org', name: 'Ana', messageId: '<m1@example.org>' },
    config,
    'secret-0123456789abcdef',
  );
  const raw = await composeMime(message);
  return { raw: raw.toString('latin1'), mail: await simpleParser(raw) };
}

describe('article text is data, never markup or template', () => {
  it('prints handlebars syntax literally and never fills it with recipient fields', async () => {
    const text = 'Say {{unsubscribeUrl}} and {{greeting}} and {{#each items}}x{{/each}} {{> partial}}';
    const { copy } = await renderWith('Title {{unsubscribeUrl}}', text);
    expect(copy.text).toContain(text);
    expect(copy.html).toContain(text.replace(/>/g, '&gt;'));
    expect(copy.subject).toBe('Daily: Title {{unsubscribeUrl}}');
    expect(copy.text.match(/https:\/\/x\.example\/u\?token=real/g)).toHaveLength(1);
  });

  it('shows <script> and <img onerror> as text, never as elements', async () => {
    const text = 'Look <script>alert(1)</script> and <img src=x onerror=alert(1)> here';
    const { copy } = await renderWith('<script>alert(2)</script> headline', text, {
      quotes: [{ text: '<img src=x onerror=alert(3)>', speaker: '<b>Bob</b>', role: null }],
    });
    expect(copy.html).not.toMatch(/<script/i);
    expect(copy.html).not.toMatch(/<img/i);
    expect(copy.html).not.toContain('<b>Bob</b>');
    expect(copy.html).toContain(
      'Look &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; here',
    );
    expect(copy.html).toContain('&lt;script&gt;alert(2)&lt;/script&gt; headline');
    expect(copy.text).toContain(text);
    expect(copy.subject).toBe('Daily: <script>alert(2)</script> headline');
  });

  it('never makes a javascript: or data: address a link, in HTML or text', async () => {
    const { copy } = await renderWith('T', 'S.', {
      links: [
        { title: 'click me', url: 'javascript:alert(1)' },
        { title: 'data', url: 'data:text/html,<script>alert(1)</script>' },
        { title: 'spaced', url: ' JaVaScRiPt:alert(1)' },
      ],
    });
    expect(copy.html).not.toMatch(/javascript:/i);
    expect(copy.html).not.toMatch(/href="data:/i);
    expect(copy.html).toContain('click me');
    expect(copy.text).toContain('click me');
    expect(copy.text).not.toMatch(/javascript:/i);
  });

  it('keeps a title with CR/LF to one subject header, also in the .eml', async () => {
    const { rendered, copy } = await renderWith('Title\r\nBcc: evil@example.org\r\n\r\nbody', 'S.');
    expect(copy.subject).toBe('Daily: Title Bcc: evil@example.org body');
    expect(copy.text).toContain('Title Bcc: evil@example.org body\n');
    const { raw, mail } = await parsedEml(rendered);
    expect(mail.subject).toBe('Daily: Title Bcc: evil@example.org body');
    expect(mail.bcc).toBeUndefined();
    const headerBlock = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(headerBlock).not.toMatch(/^Bcc:/im);
    expect(headerBlock.match(/^Subject:/gim)).toHaveLength(1);
  });

  it('keeps hostile article text intact through the MIME message', async () => {
    const text = 'Price = 10 € {{unsubscribeUrl}} <script>x</script>';
    const { rendered } = await renderWith('T', text);
    const { mail } = await parsedEml(rendered);
    expect(mail.text).toContain(text);
    expect(mail.html).toContain('Price = 10 € {{unsubscribeUrl}} &lt;script&gt;x&lt;/script&gt;');
  });
});
