import { describe, expect, it } from 'vitest';
import { applyDraftEdits, currentValue } from '../../src/compose/apply-draft-edits.ts';
import { parseDraftChange } from '../../src/compose/draft-change.ts';
import type { DraftChange } from '../../src/models/draft.ts';
import { renderEdition } from '../../src/render/render-edition.ts';
import { analysis, editionOf, event, POSTAL } from '../render/fixtures.ts';

// Composed on 2022-01-06: the 2022-01-10 vote is upcoming, a 2022-01-02 meeting is past.
const frozen = editionOf([
  analysis('Council budget', {
    events: [
      event({ title: 'Earlier meeting', date: '2022-01-02', location: 'Lyon' }),
      event({ title: 'Council vote', date: '2022-01-10', location: 'Lyon' }),
      event({ title: 'Fair', date: '2022-01-20', endDate: '2022-01-21', location: 'Park' }),
    ],
  }),
  analysis('Harbour bridge'),
]);
const change = (raw: unknown): DraftChange => parseDraftChange(frozen, raw);

describe('corrections laid over a frozen edition', () => {
  it('returns the frozen edition itself when there is no correction', () => {
    expect(applyDraftEdits(frozen, [])).toBe(frozen);
  });

  it('fixes a speaker and a role without touching the frozen edition', () => {
    const before = structuredClone(frozen);
    const edited = applyDraftEdits(frozen, [
      change({ kind: 'quote', articleId: 'a0', index: 0, field: 'speaker', after: 'Anne Roux' }),
      change({ kind: 'quote', articleId: 'a0', index: 0, field: 'role', after: '' }),
    ]);
    expect(edited.items[0]?.analysis.quotes[0]).toMatchObject({ speaker: 'Anne Roux', role: null });
    expect(frozen).toEqual(before);
  });

  it('moves an event into the upcoming list when its date is fixed to a later day, and keeps ranges whole', () => {
    const edited = applyDraftEdits(frozen, [
      change({ kind: 'event', articleId: 'a0', index: 0, field: 'date', after: '2022-01-15' }),
      change({ kind: 'event', articleId: 'a0', index: 2, field: 'date', after: '2022-01-27' }),
      change({ kind: 'event', articleId: 'a0', index: 1, field: 'time', after: '18:30' }),
    ]);
    const upcoming = edited.items[0]?.upcoming ?? [];
    expect(upcoming.map((e) => [e.title, e.date, e.endDate, e.time])).toEqual([
      ['Council vote', '2022-01-10', null, '18:30'],
      ['Earlier meeting', '2022-01-15', null, null],
      ['Fair', '2022-01-27', '2022-01-28', null],
    ]);
  });

  it('removes an event from the edition and its calendar, and keeps the other indexes meaning the same', () => {
    const edited = applyDraftEdits(frozen, [
      change({ kind: 'event-kept', articleId: 'a0', index: 1, after: false }),
      change({ kind: 'event', articleId: 'a0', index: 2, field: 'title', after: 'Spring fair' }),
    ]);
    expect(edited.items[0]?.analysis.events.map((e) => e.title)).toEqual(['Earlier meeting', 'Spring fair']);
    expect(edited.items[0]?.upcoming.map((e) => e.title)).toEqual(['Spring fair']);
  });

  it('drops an article, replaces a summary and sets the subject; the last correction of a field wins', () => {
    const edited = applyDraftEdits(frozen, [
      change({ kind: 'article', articleId: 'a1', after: false }),
      change({ kind: 'summary', articleId: 'a0', after: ['The vote is close.', 'The council meets.'] }),
      change({ kind: 'subject', after: 'First try' }),
      change({ kind: 'subject', after: 'Budget day' }),
    ]);
    expect(edited.items.map((i) => i.articleId)).toEqual(['a0']);
    expect(edited.items[0]?.analysis.summary).toEqual(['The vote is close.', 'The council meets.']);
    expect(edited.subject).toBe('Budget day');
  });

  it('tells the value a field has after some corrections (what an edit records as "before")', () => {
    const changes = [change({ kind: 'quote', articleId: 'a0', index: 0, field: 'speaker', after: 'X Y' })];
    const target = { kind: 'quote', articleId: 'a0', index: 0, field: 'speaker' } as const;
    expect(currentValue(frozen, [], target)).toBe('Ana Ruiz');
    expect(currentValue(frozen, changes, target)).toBe('X Y');
  });

  it('renders the corrections through the send path: subject, HTML, text part and calendar', async () => {
    const edited = applyDraftEdits(frozen, [
      change({ kind: 'article', articleId: 'a1', after: false }),
      change({ kind: 'quote', articleId: 'a0', index: 0, field: 'speaker', after: 'Anne Roux' }),
      change({ kind: 'event', articleId: 'a0', index: 1, field: 'location', after: 'Grenoble' }),
      change({ kind: 'subject', after: 'Budget day' }),
    ]);
    const rendered = await renderEdition(edited, { postalAddress: POSTAL });
    expect(rendered.subject).toBe('Budget day');
    const html = rendered.html.parts.join('');
    const text = rendered.text.parts.join('');
    for (const part of [html, text]) {
      expect(part).toContain('Anne Roux');
      expect(part).not.toContain('Ana Ruiz');
    }
    expect(html).not.toContain('Harbour bridge');
    expect(rendered.calendar).toContain('LOCATION:Grenoble');
  });
});

describe('reading a correction', () => {
  const fails = (raw: unknown, message: RegExp) =>
    expect(() => parseDraftChange(frozen, raw)).toThrow(message);

  it('refuses an unknown field, naming it', () => {
    fails({ kind: 'subject', after: 'x', sneaky: 1 }, /sneaky/);
  });

  it('refuses a date that is not a calendar day, and a time that is not HH:MM', () => {
    fails({ kind: 'event', articleId: 'a0', index: 0, field: 'date', after: '2022-02-30' }, /calendar date/);
    fails({ kind: 'event', articleId: 'a0', index: 0, field: 'time', after: '25:00' }, /HH:MM/);
  });

  it('refuses a target the draft does not have', () => {
    fails({ kind: 'quote', articleId: 'a0', index: 7, field: 'speaker', after: 'X' }, /not in this draft/);
    fails({ kind: 'article', articleId: 'nope', after: false }, /not in this draft/);
  });

  it('refuses an empty title or subject and overlong text, and folds text to one line', () => {
    fails({ kind: 'event', articleId: 'a0', index: 0, field: 'title', after: '  ' }, /empty/);
    fails({ kind: 'subject', after: 'x'.repeat(201) }, /at most 200/);
    const parsed = parseDraftChange(frozen, { kind: 'subject', after: ' Budget\r\nBcc: x@y.z ' });
    expect(parsed.after).toBe('Budget Bcc: x@y.z');
  });

  it('reads an empty time, place, speaker or role as "remove it"', () => {
    expect(change({ kind: 'event', articleId: 'a0', index: 0, field: 'time', after: '' }).after).toBeNull();
    expect(
      change({ kind: 'event', articleId: 'a0', index: 0, field: 'location', after: ' ' }).after,
    ).toBeNull();
  });
});
