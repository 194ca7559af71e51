import { z } from 'zod';
import { DigestError } from '../errors.ts';
import type { DraftChange, DraftTarget, DraftValue } from '../models/draft.ts';
import type { Edition } from '../models/edition.ts';
import { frozenValue } from './apply-draft-edits.ts';

/** Longest subject, title, speaker, role or place an editor may write. */
export const MAX_FIELD = 200;
/** Longest summary sentence, and most sentences per summary. */
export const MAX_SENTENCE = 1000;
export const MAX_SENTENCES = 20;

// One line: control characters (newlines included) fold to a space, runs of space to one.
const line = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((v) => v.replace(/[\p{Cc}\s]+/gu, ' ').trim())
    .refine((v) => v.length <= max, `must be at most ${max} characters`);
const required = (max: number) => line(max).refine((v) => v.length > 0, 'must not be empty');
// An empty optional field means "remove it".
const optional = (max: number) =>
  line(max)
    .nullable()
    .transform((v) => (v === null || v === '' ? null : v));
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'is not a calendar date');
const time = z
  .string()
  .trim()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^$/, 'must be a time HH:MM (24 h) or empty')
  .nullable()
  .transform((v) => (v === '' ? null : v));
const articleId = z.string().min(1).max(2000);
const index = z.number().int().min(0).max(10_000);

const event = (field: 'title' | 'date' | 'time' | 'location', after: z.ZodType) =>
  z.strictObject({ kind: z.literal('event'), articleId, index, field: z.literal(field), after });

const change = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('subject'), after: required(MAX_FIELD) }),
  z.strictObject({ kind: z.literal('article'), articleId, after: z.boolean() }),
  z.strictObject({
    kind: z.literal('summary'),
    articleId,
    after: z.array(required(MAX_SENTENCE)).max(MAX_SENTENCES),
  }),
  z.strictObject({
    kind: z.literal('quote'),
    articleId,
    index,
    field: z.enum(['speaker', 'role']),
    after: optional(MAX_FIELD),
  }),
  // One kind, four fields, each with its own kind of value.
  z.discriminatedUnion('field', [
    event('title', required(MAX_FIELD)),
    event('date', isoDate),
    event('time', time),
    event('location', optional(MAX_FIELD)),
  ]),
  z.strictObject({ kind: z.literal('event-kept'), articleId, index, after: z.boolean() }),
]);

/**
 * Reads one correction (`{kind, articleId?, index?, field?, after}`, as the desk and scripts
 * send it) strictly: an unknown field, a value of the wrong shape, or a target that names no
 * article, quote or event of the draft is a DRAFT_INVALID error saying which. Text is folded
 * to one line and bounded; an empty speaker, role, time or place means "remove it".
 */
export function parseDraftChange(frozen: Edition, raw: unknown): DraftChange {
  const parsed = change.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'correction';
    throw new DigestError('DRAFT_INVALID', `${where} ${issue?.message ?? 'is invalid'}`);
  }
  const { after, ...target } = parsed.data;
  if (frozenValue(frozen, target as DraftTarget) === undefined) {
    throw new DigestError('DRAFT_INVALID', `${describeTarget(target as DraftTarget)} is not in this draft`);
  }
  return { target: target as DraftTarget, after: after as DraftValue };
}

/** "quote 2 speaker of <article>": a target for people reading errors and the edit history. */
export function describeTarget(target: DraftTarget): string {
  switch (target.kind) {
    case 'subject':
      return 'the subject';
    case 'article':
      return `article ${target.articleId}`;
    case 'summary':
      return `the summary of ${target.articleId}`;
    case 'quote':
      return `quote ${target.index + 1} ${target.field} of ${target.articleId}`;
    case 'event':
      return `event ${target.index + 1} ${target.field} of ${target.articleId}`;
    case 'event-kept':
      return `event ${target.index + 1} of ${target.articleId}`;
  }
}
