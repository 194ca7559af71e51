import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { describeUnknownName } from '../../closest-name.ts';

/** Largest form body accepted, bytes: a sign-up or a desk form is a few hundred. */
export const FORM_BODY_LIMIT = 16 * 1024;

/** A parsed form: one string per field, an array when the field came more than once. */
export type FormFields = Record<string, string | string[]>;

/**
 * Lets this plugin's routes take `application/x-www-form-urlencoded` bodies (what a form without
 * JavaScript posts), up to `bodyLimit` bytes (413 past it). A repeated field becomes an array,
 * which a strict schema then refuses.
 */
export function acceptForms(app: FastifyInstance, bodyLimit = FORM_BODY_LIMIT): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => done(null, parseForm(String(body))),
  );
}

/** Parses a urlencoded body into fields (a null-prototype object: no `__proto__` games). */
export function parseForm(body: string): FormFields {
  const fields: FormFields = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = fields[key];
    fields[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return fields;
}

/** A validated body, or the one-line reason it was refused (naming the field). */
export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Validates a body against a strict zod schema (`z.object({...}).strict()`): an unknown or
 * misspelt field is refused by name, e.g. `unknown field "dryrun"`.
 */
export function validateBody<T>(schema: z.ZodType<T>, body: unknown): Validated<T> {
  // No body at all is an empty one; `null` is a value, which an object schema refuses.
  const result = schema.safeParse(body === undefined ? {} : body);
  if (result.success) return { ok: true, value: result.data };
  const shape = (schema as { shape?: unknown }).shape;
  const known = typeof shape === 'object' && shape !== null ? Object.keys(shape) : [];
  return { ok: false, error: describeIssues(result.error, known) };
}

/**
 * One line for the first issues of a zod error: what is wrong, and with which field; an
 * unknown field gets the closest of the `known` ones (`"dryrun" (did you mean "dryRun"?)`).
 */
export function describeIssues(error: z.ZodError, known: readonly string[] = []): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      if (issue.code === 'unrecognized_keys')
        return issue.keys.map((k) => `unknown field ${describeUnknownName(k, known)}`).join(', ');
      const path = issue.path.map(String).join('.');
      return path ? `${JSON.stringify(path)}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
