import type { ArticleEvent, Quote } from '../models/analysis.ts';
import type { DraftChange, DraftTarget, DraftValue } from '../models/draft.ts';
import type { Edition, EditionItem } from '../models/edition.ts';

/** One key per field of the frozen edition: two changes with the same key edit the same field. */
export function targetKey(target: DraftTarget): string {
  switch (target.kind) {
    case 'subject':
      return 'subject';
    case 'article':
    case 'summary':
      return `${target.kind}\u0000${target.articleId}`;
    case 'event-kept':
      return `${target.kind}\u0000${target.articleId}\u0000${target.index}`;
    case 'quote':
    case 'event':
      return `${target.kind}\u0000${target.articleId}\u0000${target.index}\u0000${target.field}`;
  }
}

/**
 * The value a field has in the frozen edition; undefined when the target names no article,
 * quote or event of it. The subject's frozen value is null: made from the template.
 */
export function frozenValue(frozen: Edition, target: DraftTarget): DraftValue | undefined {
  if (target.kind === 'subject') return frozen.subject ?? null;
  const item = frozen.items.find((i) => i.articleId === target.articleId);
  if (!item) return undefined;
  const { analysis } = item;
  switch (target.kind) {
    case 'article':
      return true;
    case 'summary':
      return analysis.summary;
    case 'quote': {
      const quote = analysis.quotes[target.index];
      return quote ? quote[target.field] : undefined;
    }
    case 'event': {
      const event = analysis.events[target.index];
      return event ? event[target.field] : undefined;
    }
    case 'event-kept':
      return analysis.events[target.index] ? true : undefined;
  }
}

/** The field's value after the changes (the last change of a field wins), or undefined. */
export function currentValue(
  frozen: Edition,
  changes: readonly DraftChange[],
  target: DraftTarget,
): DraftValue | undefined {
  const key = targetKey(target);
  for (let i = changes.length - 1; i >= 0; i--) {
    const change = changes[i];
    if (change && targetKey(change.target) === key) return change.after;
  }
  return frozenValue(frozen, target);
}

/**
 * The edition as subscribers will get it: the frozen edition with the corrections laid over
 * it, in order. Pure: the frozen edition is never changed, so the corrections can be read,
 * replayed and learnt from. Upcoming events are chosen again from the corrected dates, so the
 * calendar and the text part follow a fixed date.
 */
export function applyDraftEdits(frozen: Edition, changes: readonly DraftChange[]): Edition {
  if (changes.length === 0) return frozen;
  const latest = new Map<string, DraftValue>();
  for (const change of changes) latest.set(targetKey(change.target), change.after);
  const read = <T extends DraftValue>(target: DraftTarget, fallback: T): T =>
    latest.has(targetKey(target)) ? (latest.get(targetKey(target)) as T) : fallback;
  const items = frozen.items
    .filter((item) => read<boolean>({ kind: 'article', articleId: item.articleId }, true))
    .map((item) => correctItem(item, frozen.date, read));
  const subject = read<string | null>({ kind: 'subject' }, frozen.subject ?? null);
  const { subject: _frozenSubject, ...rest } = frozen;
  return { ...rest, items, ...(subject === null ? {} : { subject }) };
}

type Read = <T extends DraftValue>(target: DraftTarget, fallback: T) => T;

function correctItem(item: EditionItem, editionDate: string, read: Read): EditionItem {
  const { articleId, analysis } = item;
  const quotes = analysis.quotes.map(
    (q, index): Quote => ({
      ...q,
      speaker: read({ kind: 'quote', articleId, index, field: 'speaker' }, q.speaker),
      role: read({ kind: 'quote', articleId, index, field: 'role' }, q.role),
    }),
  );
  const events = analysis.events
    .map((event, index) => ({ event, index }))
    .filter(({ index }) => read<boolean>({ kind: 'event-kept', articleId, index }, true))
    .map(({ event, index }) =>
      correctEvent(event, (field, fallback) => read({ kind: 'event', articleId, index, field }, fallback)),
    )
    // Stable: events the editor left alone keep the analysis' order.
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const summary = read({ kind: 'summary', articleId }, analysis.summary);
  return {
    ...item,
    analysis: { ...analysis, summary, quotes, events },
    upcoming: events.filter((e) => (e.endDate ?? e.date) >= editionDate),
  };
}

function correctEvent(
  event: ArticleEvent,
  read: <T extends string | null>(field: 'title' | 'date' | 'time' | 'location', fallback: T) => T,
): ArticleEvent {
  const date = read('date', event.date);
  return {
    ...event,
    title: read('title', event.title),
    date,
    // A range keeps its length when its first day moves ("June 7-8" to "June 14-15").
    endDate: event.endDate === null ? null : shiftDate(event.endDate, daysBetween(event.date, date)),
    time: read('time', event.time),
    location: read('location', event.location),
  };
}

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function shiftDate(date: string, days: number): string {
  if (days === 0) return date;
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
