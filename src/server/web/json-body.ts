import type { FastifyInstance } from 'fastify';
import type { Validated } from './body.ts';

/** A JSON body that is an object, as JSON.parse made it. */
export type JsonObject = Record<string, unknown>;

/**
 * Parses a request body (or `what` else) that must be one JSON object. Refused, with the reason: text that is
 * not JSON; any other top-level value (`null`, an array, a number: `null` must not pass for an
 * empty body); and a key given twice in any object (`{"dryRun": true, "dryRun": false}`:
 * JSON.parse keeps the last, so what a reader of the body sees is not what would be done).
 */
export function parseJsonObject(text: string, what = 'the body'): Validated<JsonObject> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: `${what} is not JSON` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: `${what} must be a JSON object, not ${describeJsonValue(value)}` };
  const twice = findDuplicateKey(text);
  if (twice !== null) return { ok: false, error: `${what} gives the field ${JSON.stringify(twice)} twice` };
  return { ok: true, value: value as JsonObject };
}

/** 400 errors the JSON parser hands Fastify: its error handler answers them with the message. */
class JsonBodyError extends Error {
  readonly statusCode = 400;
}

/**
 * Replaces Fastify's JSON parser in `app` (and the plugins registered after) with
 * parseJsonObject: every `application/json` body is one object without a repeated key.
 * An empty body is refused as Fastify's own parser refuses it ("the body is empty").
 */
export function acceptStrictJson(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') {
      done(new JsonBodyError('the body is empty'));
      return;
    }
    const parsed = parseJsonObject(text);
    if (parsed.ok) done(null, parsed.value);
    else done(new JsonBodyError(parsed.error));
  });
}

function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * The first key found twice in one object of a valid JSON text, compared as decoded
 * (`"a"` and `"\u0061"` are one key); null when there is none. One pass, its own stack: deep
 * nesting costs memory in proportion, never the call stack.
 */
function findDuplicateKey(text: string): string | null {
  // One entry per open container: the keys seen for an object, null for an array.
  const open: (Set<string> | null)[] = [];
  let keyNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = endOfString(text, i);
      const keys = open.at(-1);
      if (keys && keyNext) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) return key;
        keys.add(key);
        keyNext = false;
      }
      i = end;
    } else if (c === OPEN_BRACE) {
      open.push(new Set());
      keyNext = true;
    } else if (c === OPEN_BRACKET) {
      open.push(null);
      keyNext = false;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      open.pop();
      keyNext = false;
    } else if (c === COMMA) {
      keyNext = open.at(-1) instanceof Set;
    }
  }
  return null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** The index of the quote closing the string that opens at `start` (the text is valid JSON). */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i;
  }
  return text.length - 1;
}
