import { describe, expect, it } from 'vitest';
import { personalize, renderEdition } from '../../src/render/render-edition.ts';
import { analysis, bigEdition, editionOf, POSTAL, SIGNING } from './fixtures.ts';

const RECIPIENT = { name: 'Ana', unsubscribeUrl: 'https://digest.example.org/unsubscribe?token=t.1' };

async function textOf(edition = bigEdition(2)) {
  return personalize(
    await renderEdition(edition, { postalAddress: POSTAL, calendarLinks: SIGNING }),
    RECIPIENT,
  );
}

describe('the plain-text part', () => {
  it('shows the address of every link the HTML part has, except the calendar buttons', async () => {
    const copy = await textOf();
    const hrefs = [...copy.html.matchAll(/href="([^"#]+)"/g)].map((m) =>
      (m[1] ?? '').replaceAll('&amp;', '&'),
    );
    const content = hrefs.filter((h) => !h.includes('/calendar/') && !h.includes('calendar.google.com'));
    expect(content.length).toBeGreaterThan(4);
    for (const href of content) expect(copy.text).toContain(href);
    expect(copy.text).toContain('events.ics');
  });

  it('separates sections and sentences with blank lines, with no run-ons, ending in a newline', async () => {
    const { text } = await textOf();
    expect(text.endsWith('1 Example Street, Berlin\n')).toBe(true);
    expect(text).not.toMatch(/\n{3,}/);
    expect(text).not.toMatch(/[ \t]+\n/);
    expect(text).toMatch(/next month\.\n\nMembers of the opposition/);
    expect(text).toMatch(/\n\nKEY QUOTES\n\n/);
    expect(text).toMatch(/\n\nUPCOMING \(all in the attached events\.ics\)\n\n/);
    expect(text).toMatch(/\n\nREAD MORE\n\n/);
    expect(text).toMatch(
      /Unsubscribe with one click: https:\/\/digest\.example\.org\/unsubscribe\?token=t\.1\n/,
    );
  });

  it('gives each event its weekday, time when known, place and participants', async () => {
    const { text } = await textOf();
    expect(text).toContain(
      '  * Wed, 12 Jan 2022, 18:30\n    First public hearing\n    City Hall · with Maria Lopez\n',
    );
    expect(text).toContain('  * Wed, 19 Jan 2022\n    Second public hearing\n    Grand Theatre\n');
  });

  it('has no empty sections for an article with only a title', async () => {
    const { text } = await textOf(
      editionOf(
        [analysis('Bare', { summary: [], quotes: [], events: [], links: [] })],
        undefined,
        () => null,
      ),
    );
    expect(text).not.toMatch(/KEY QUOTES|UPCOMING|READ MORE|DATES IN THIS STORY/);
    expect(text).not.toMatch(/\n{3,}/);
  });
});
