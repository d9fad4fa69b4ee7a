import type { ZodType } from 'zod';
import type { JiraErrorContext } from '../errors/jira-error.js';
import { JiraSchemaError } from '../errors/jira-local-errors.js';

/** A plain object: what JSON.parse and zod build (class instances such as Date are left alone). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A copy of `value` without a prototype, so an absent `toString` reads as undefined, never Object.prototype's. */
function withoutPrototype(value: Record<string, unknown>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  // Plain assignment is safe: with no prototype there is no inherited `__proto__` setter, so it lands as an own key.
  for (const key of Object.keys(value)) out[key] = value[key];
  return out;
}

/**
 * Parses JSON into objects that have no prototype. Zod object schemas read `input[key]`, so on an ordinary object a
 * key Jira may leave out (`toString`, `constructor`, `valueOf`, ...) would read an inherited function.
 */
export function parseJsonWithoutPrototypes(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => (isPlainObject(value) ? withoutPrototype(value) : value));
}

/** Rebuilds zod's output (ordinary objects) without prototypes, so callers' look-ups see only what Jira sent. */
export function stripPrototypes<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = stripPrototypes(value[i] as unknown);
    return value;
  }
  if (!isPlainObject(value)) return value;
  const out = withoutPrototype(value);
  for (const key of Object.keys(out)) out[key] = stripPrototypes(out[key]);
  return out as T;
}

/**
 * Parses a JSON response body with `schema`. Unknown fields pass through (schemas are loose); a missing or ill-typed
 * field the client relies on becomes a JiraSchemaError naming the endpoint and the field path. Neither the schema nor
 * the caller ever sees a property inherited from Object.prototype.
 */
export function parseWithSchema<T>(schema: ZodType<T>, text: string, context: JiraErrorContext): T {
  let body: unknown = null;
  if (text !== '') {
    try {
      body = parseJsonWithoutPrototypes(text);
    } catch {
      throw new JiraSchemaError('(body)', 'is not JSON', context);
    }
  }
  const result = schema.safeParse(body);
  if (result.success) return stripPrototypes(result.data);
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
  const problem = issue?.code === 'invalid_type' && issue.message.includes('received undefined') ? 'is missing' : `is invalid (${issue?.message ?? 'unknown problem'})`;
  throw new JiraSchemaError(field, problem, context);
}
