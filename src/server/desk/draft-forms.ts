import { z } from 'zod';
import { describeIssues } from '../web/body.ts';

const common = { _csrf: z.string().max(200), revision: z.coerce.number().int().min(0) };
const articleId = z.string().min(1).max(2000);
const index = z.coerce.number().int().min(0).max(10_000);
const text = (max: number) => z.string().max(max);

const correctionForm = z.discriminatedUnion('form', [
  z.strictObject({ ...common, form: z.literal('subject'), subject: text(1000) }),
  z.strictObject({ ...common, form: z.literal('article'), articleId, kept: z.enum(['true', 'false']) }),
  z.strictObject({ ...common, form: z.literal('summary'), articleId, summary: text(30_000) }),
  z.strictObject({
    ...common,
    form: z.literal('quote'),
    articleId,
    index,
    speaker: text(1000),
    role: text(1000),
  }),
  z.strictObject({
    ...common,
    form: z.literal('event'),
    articleId,
    index,
    action: z.enum(['save', 'remove', 'restore']),
    title: text(1000).optional(),
    date: text(100).optional(),
    time: text(100).optional(),
    location: text(1000).optional(),
  }),
]);

/** A correction form as posted: the revision it was made on, and the corrections it asks for. */
export interface CorrectionRequest {
  csrf: string;
  revision: number;
  /** Raw corrections, each read strictly by correctDraft (parseDraftChange). */
  changes: unknown[];
  /** The part of the page to go back to. */
  anchor: string;
}

/**
 * Reads one of the draft page's forms (subject, article, summary, quote, event) into the
 * corrections it asks for, or the one-line reason it is refused (an unknown field names it).
 * A summary is one sentence per line: editing, reordering and removing lines is the edit.
 */
export function readCorrectionForm(
  body: unknown,
): { ok: true; value: CorrectionRequest } | { ok: false; error: string } {
  const parsed = correctionForm.safeParse(body ?? {});
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  const form = parsed.data;
  const base = { csrf: form._csrf, revision: form.revision };
  switch (form.form) {
    case 'subject':
      return {
        ok: true,
        value: { ...base, changes: [{ kind: 'subject', after: form.subject }], anchor: 'subject' },
      };
    case 'article':
      return {
        ok: true,
        value: {
          ...base,
          changes: [{ kind: 'article', articleId: form.articleId, after: form.kept === 'true' }],
          anchor: anchorOf(form.articleId),
        },
      };
    case 'summary': {
      const sentences = form.summary
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
      return {
        ok: true,
        value: {
          ...base,
          changes: [{ kind: 'summary', articleId: form.articleId, after: sentences }],
          anchor: anchorOf(form.articleId),
        },
      };
    }
    case 'quote': {
      const target = { kind: 'quote', articleId: form.articleId, index: form.index };
      return {
        ok: true,
        value: {
          ...base,
          changes: [
            { ...target, field: 'speaker', after: form.speaker },
            { ...target, field: 'role', after: form.role },
          ],
          anchor: `${anchorOf(form.articleId)}-quote-${form.index}`,
        },
      };
    }
    case 'event':
      return {
        ok: true,
        value: {
          ...base,
          changes: eventChanges(form),
          anchor: `${anchorOf(form.articleId)}-event-${form.index}`,
        },
      };
  }
}

function eventChanges(form: {
  articleId: string;
  index: number;
  action: 'save' | 'remove' | 'restore';
  title?: string | undefined;
  date?: string | undefined;
  time?: string | undefined;
  location?: string | undefined;
}): unknown[] {
  const target = { articleId: form.articleId, index: form.index };
  if (form.action !== 'save') return [{ kind: 'event-kept', ...target, after: form.action === 'restore' }];
  const fields = { title: form.title, date: form.date, time: form.time, location: form.location };
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([field, after]) => ({ kind: 'event', ...target, field, after }));
}

/** The page anchor of an article: its id hashed to letters (ids are URLs). */
export function anchorOf(articleId: string): string {
  let hash = 0;
  for (const char of articleId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `article-${hash.toString(36)}`;
}
