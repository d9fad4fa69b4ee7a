import type { ZodType } from 'zod';
import type { JiraErrorContext } from '../errors/jira-error.js';
import { JiraSchemaError } from '../errors/jira-local-errors.js';

/**
 * Parses a JSON response body with `schema`. Unknown fields pass through (schemas are loose); a missing or ill-typed
 * field the client relies on becomes a JiraSchemaError naming the endpoint and the field path.
 */
export function parseWithSchema<T>(schema: ZodType<T>, text: string, context: JiraErrorContext): T {
  let body: unknown = null;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new JiraSchemaError('(body)', 'is not JSON', context);
    }
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
  const problem = issue?.code === 'invalid_type' && issue.message.includes('received undefined') ? 'is missing' : `is invalid (${issue?.message ?? 'unknown problem'})`;
  throw new JiraSchemaError(field, problem, context);
}
