import type { z } from 'zod';

/**
 * Parses an app's environment once at start-up; a bad value fails with one readable line per problem,
 * naming the variable and what is expected (never the value, which may be a secret).
 */
export function parseEnv<TSchema extends z.ZodType>(appName: string, schema: TSchema, source: Record<string, string | undefined>): z.output<TSchema> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`${appName} configuration is invalid:\n${problems}`);
  }
  return parsed.data;
}
