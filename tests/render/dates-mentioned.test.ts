import { describe, expect, it } from 'vitest';
import { personalize, type RenderEditionOptions, renderEdition } from '../../src/render/render-edition.ts';
import { analysis, editionOf, event, POSTAL, SIGNING } from './fixtures.ts';

const OPTIONS: RenderEditionOptions = { postalAddress: POSTAL, calendarLinks: SIGNING };

// Issue 13: a wrong entry in a reader's calendar is worse than a missing one.
const SURE = event({ title: 'Summit in Lyon', date: '2022-01-10', confidence: 0.9 });
const DOUBTFUL = event({ title: 'Second summit, date proposed', date: '2022-02-03', confidence: 0.45 });

describe('dates the story does not make sure', () => {
  it('go under "Dates mentioned", never into Upcoming or the .ics, and without calendar links', async () => {
    const edition = editionOf([analysis('Summits', { events: [SURE, DOUBTFUL] })]);
    expect(edition.items[0]?.upcoming.map((e) => e.title)).toEqual(['Summit in Lyon']);
    expect(edition.items[0]?.mentioned?.map((e) => e.title)).toEqual(['Second summit, date proposed']);
    const rendered = await renderEdition(edition, OPTIONS);
    expect(rendered.calendar).toContain('Summit in Lyon');
    expect(rendered.calendar).not.toContain('Second summit');
    const copy = personalize(rendered, { name: 'Ana', unsubscribeUrl: 'https://x.example/u' });
    expect(copy.html).toContain('Dates mentioned');
    const mentioned = copy.html.slice(copy.html.indexOf('Dates mentioned'));
    expect(mentioned).toContain('Second summit, date proposed');
    expect(mentioned.slice(0, mentioned.indexOf('Second summit') + 400)).not.toMatch(
      /Add to (?:Google )?Calendar/,
    );
    expect(copy.text).toMatch(/DATES MENTIONED[^\n]*\n\n {2}\* [^\n]+\n {4}Second summit, date proposed/);
  });

  it('count an event without a confidence (an analysis made before it existed) as sure', () => {
    const edition = editionOf([
      analysis('Old', { events: [event({ title: 'Old summit', date: '2022-01-10' })] }),
    ]);
    expect(edition.items[0]?.upcoming.map((e) => e.title)).toEqual(['Old summit']);
    expect(edition.items[0]?.mentioned).toEqual([]);
  });
});
