import { createElement } from 'react';
import { render } from 'react-email';
import { describe, expect, it } from 'vitest';
import { DigestEmail } from '../../emails/digest.tsx';
import type { Edition } from '../../src/models/edition.ts';
import {
  calendarLinksOf,
  editionSubject,
  personalize,
  type RecipientInput,
  type RenderEditionOptions,
  recipientValues,
  renderEdition,
  templateData,
} from '../../src/render/render-edition.ts';
import { loadTemplates } from '../../src/render/templates.ts';
import { analysis, bigEdition, editionOf, POSTAL, SIGNING } from './fixtures.ts';

const OPTIONS: RenderEditionOptions = { postalAddress: POSTAL, calendarLinks: SIGNING };

/** The slow reference: react-email and handlebars run for this one recipient. */
async function renderDirectly(edition: Edition, recipient: RecipientInput) {
  const values = recipientValues(recipient);
  const html = await render(
    createElement(DigestEmail, {
      edition,
      subject: editionSubject(edition),
      postalAddress: POSTAL,
      calendarLinks: calendarLinksOf(edition, SIGNING),
      ...values,
    }),
  );
  const text = loadTemplates().text({ ...templateData(edition, OPTIONS), ...values });
  return { html, text };
}

const RECIPIENTS: RecipientInput[] = [
  { name: 'Ana', unsubscribeUrl: 'https://x.example/u?token=a.b&x=1' },
  { name: null, unsubscribeUrl: 'https://x.example/u?token=c' },
  { name: 'O’Brien & <Sons> "Ltd"', unsubscribeUrl: 'https://x.example/u?token=d&e=<f>' },
  { name: '  {{unsubscribeUrl}} ', unsubscribeUrl: 'https://x.example/u?token=g' },
];

describe('renderEdition', () => {
  it('renders once and personalizes HTML and text byte-identically to a per-recipient render', async () => {
    for (const edition of [editionOf([analysis('Council meets')]), bigEdition(3)]) {
      const rendered = await renderEdition(edition, OPTIONS);
      for (const recipient of RECIPIENTS) {
        const direct = await renderDirectly(edition, recipient);
        const copy = personalize(rendered, recipient);
        expect(copy.html).toBe(direct.html);
        expect(copy.text).toBe(direct.text);
      }
    }
  });

  it('uses the name in the greeting, or a fallback greeting', async () => {
    const rendered = await renderEdition(editionOf([analysis('T')]), OPTIONS);
    expect(personalize(rendered, { name: 'Ana', unsubscribeUrl: 'u' }).text).toContain('Hi Ana,');
    expect(personalize(rendered, { name: null, unsubscribeUrl: 'u' }).text).toContain('Hello,');
    expect(personalize(rendered, { name: '   ', unsubscribeUrl: 'u' }).html).toContain('>Hello,<');
  });

  it('gives the HTML a language, the subject as title, a color-scheme and a 600 px layout', async () => {
    const edition = editionOf([analysis('Council meets')]);
    const copy = personalize(await renderEdition(edition, OPTIONS), RECIPIENTS[0] as RecipientInput);
    expect(copy.html).toMatch(/<html[^>]* lang="en"/);
    expect(copy.html).toContain(`<title>${'Daily: Council meets'}</title>`);
    expect(copy.html).toContain('<meta name="color-scheme" content="light dark"/>');
    expect(copy.html).toContain('prefers-color-scheme:dark');
    expect(copy.html).toContain('max-width:600px');
    expect(copy.html).toContain('role="presentation"');
    expect(copy.html).not.toMatch(/<img(?![^>]*\salt=)/);
  });

  it('rejects with TEMPLATE_FAILED and sends nothing half-made when a part cannot render', async () => {
    const broken = editionOf([
      analysis('T', {
        events: [
          { title: 'x', date: 'not-a-date', endDate: null, time: null, location: null, participants: [] },
        ],
      }),
    ]);
    await expect(renderEdition(broken, OPTIONS)).rejects.toMatchObject({ code: 'TEMPLATE_FAILED' });
  });
});

describe('the digest layout', () => {
  it('shows headline, summary, quotes with speaker and role, dates, read-more links and footer', async () => {
    const copy = personalize(
      await renderEdition(editionOf([analysis('Council meets')]), OPTIONS),
      RECIPIENTS[0] as RecipientInput,
    );
    for (const part of [copy.html, copy.text]) {
      expect(part).toContain('Council meets');
      expect(part).toContain('The council meets on Monday.');
      expect(part).toContain('We will meet again soon, and talk');
      expect(part).toMatch(/Ana Ruiz(<\/b>)?, Mayor/);
      expect(part).toContain('Mon, 10 Jan 2022');
      expect(part).toContain('Lyon');
      expect(part).toMatch(/Read more/i);
      expect(part).toContain('Earlier story');
      expect(part).toContain('1 Example Street, Berlin');
      expect(part).toMatch(/Unsubscribe/);
    }
    expect(copy.html).toContain('href="https://news.example.org/a0"');
    expect(copy.html).toContain('href="https://x.example/u?token=a.b&amp;x=1"');
  });

  it('gives each upcoming event an .ics link to the server and a Google Calendar link', async () => {
    const copy = personalize(
      await renderEdition(editionOf([analysis('T')]), OPTIONS),
      RECIPIENTS[0] as RecipientInput,
    );
    expect(copy.html).toMatch(
      /href="https:\/\/digest\.example\.org\/calendar\/[0-9a-f]{24}\.ics\?e=[\w-]+&amp;s=[\w-]+"/,
    );
    expect(copy.html).toContain(
      'https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=Council+vote',
    );
    expect(copy.html).toContain('dates=20220110%2F20220111');
  });

  it('keeps events before the edition date as past dates of the story, without calendar links', async () => {
    const later = editionOf([analysis('T')], new Date('2026-03-01T08:00:00Z'));
    const copy = personalize(await renderEdition(later, OPTIONS), RECIPIENTS[0] as RecipientInput);
    expect(copy.html).toContain('Dates in this story (past)');
    expect(copy.html).toContain('Mon, 10 Jan 2022');
    expect(copy.html).not.toContain('/calendar/');
    expect(copy.html).not.toContain('calendar.google.com');
    expect(copy.html).not.toContain('>Upcoming<');
    expect(copy.text).toContain('DATES IN THIS STORY (past)');
    expect(copy.text).toContain('Mon, 10 Jan 2022 (past)');
  });

  it('adds a table of contents only when the edition has several articles', async () => {
    const one = personalize(
      await renderEdition(editionOf([analysis('A')]), OPTIONS),
      RECIPIENTS[0] as RecipientInput,
    );
    const two = personalize(
      await renderEdition(editionOf([analysis('First story'), analysis('Second story')]), OPTIONS),
      RECIPIENTS[0] as RecipientInput,
    );
    expect(one.html).not.toContain('In this issue');
    expect(two.html).toContain('In this issue');
    expect(two.html).toContain('href="#article-2"');
    expect(two.html).toContain('id="article-2"');
    expect(two.text).toMatch(/In this issue:\n {2}1\. First story\n {2}2\. Second story\n/);
  });

  it('stays under 102 KB (Gmail clips larger) for the sample size and for ten full articles', async () => {
    const copy = personalize(await renderEdition(bigEdition(10), OPTIONS), RECIPIENTS[0] as RecipientInput);
    expect(Buffer.byteLength(copy.html)).toBeLessThan(102 * 1024);
  });
});
