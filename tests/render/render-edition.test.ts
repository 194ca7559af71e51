import { render } from 'react-email';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { DigestEmail } from '../../emails/digest.tsx';
import { composeEdition } from '../../src/compose/edition.ts';
import type { ArticleAnalysis } from '../../src/models/analysis.ts';
import type { Article } from '../../src/models/article.ts';
import { personalize, recipientValues, renderEdition } from '../../src/render/render-edition.ts';

const POSTAL = '1 Example Street, Berlin';

function editionOf(title: string, summary: string[], extra: Partial<ArticleAnalysis> = {}) {
  const article: Article = { id: 'a1', title, url: null, publishedAt: '2022-01-05', body: '', links: [], source: 't' };
  const analysis: ArticleAnalysis = {
    title,
    publishedAt: '2022-01-05',
    summary,
    quotes: [{ text: 'We will meet again soon, and talk', speaker: 'Ana Ruiz', role: 'Mayor' }],
    events: [
      { title: 'Council vote', date: '2022-01-10', endDate: null, time: null, location: 'Lyon', participants: [] },
    ],
    links: [{ title: 'Earlier story', url: null }],
    ...extra,
  };
  return composeEdition([{ article, analysis }], { now: new Date('2022-01-06T08:00:00Z'), newsletterName: 'Daily' });
}

describe('renderEdition', () => {
  it('renders once and personalizes byte-identically to a per-recipient render', async () => {
    const edition = editionOf('Council meets', ['The council meets on Monday.']);
    const rendered = await renderEdition(edition, { postalAddress: POSTAL });
    for (const name of ['Ana', null, 'O’Brien & <Sons> "Ltd"']) {
      const recipient = { name, unsubscribeUrl: 'https://x.example/u?token=a.b&x=1' };
      const direct = await render(
        createElement(DigestEmail, { edition, postalAddress: POSTAL, ...recipientValues(recipient) }),
      );
      expect(personalize(rendered, recipient).html).toBe(direct);
    }
  });

  it('uses the name in the greeting, or a fallback greeting', async () => {
    const rendered = await renderEdition(editionOf('T', ['S.']), { postalAddress: POSTAL });
    expect(personalize(rendered, { name: 'Ana', unsubscribeUrl: 'u' }).text).toContain('Hi Ana,');
    expect(personalize(rendered, { name: null, unsubscribeUrl: 'u' }).text).toContain('Hello,');
  });

  it('prints template syntax and markup in article text literally, never evaluated', async () => {
    const hostile = 'Says {{unsubscribeUrl}} {{#each items}}x{{/each}} <script>alert(1)</script> <img src=x onerror=alert(1)>';
    const edition = editionOf(`Title {{greeting}}\r\nBcc: evil@example.org`, [hostile], {
      links: [{ title: 'click', url: 'javascript:alert(1)' }],
    });
    const rendered = await renderEdition(edition, { postalAddress: POSTAL });
    const copy = personalize(rendered, { name: 'Ana', unsubscribeUrl: 'https://x.example/u' });
    expect(copy.text).toContain(hostile);
    expect(copy.html).toContain('Says {{unsubscribeUrl}} {{#each items}}x{{/each}} &lt;script&gt;');
    expect(copy.html).not.toContain('<script>');
    expect(copy.html).not.toContain('<img src=x');
    expect(copy.html).not.toContain('javascript:');
    expect(copy.subject).not.toMatch(/[\r\n]/);
    expect(copy.subject).toContain('Title {{greeting}} Bcc: evil@example.org');
  });
});
