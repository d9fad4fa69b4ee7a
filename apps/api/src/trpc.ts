import { initTRPC } from '@trpc/server';
import type { ApiContext } from './context.js';
import { createApiMetrics, procedureMetrics } from './metrics/api-metrics.js';

export interface TFieldErrors {
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
}

/**
 * zod's flattened shape (formErrors, fieldErrors by top-level field) from a cause carrying zod issues. tRPC may
 * wrap a ZodError it does not see as an Error, keeping its fields but not its class, so this reads the issues.
 */
function flattenIssues(cause: unknown): TFieldErrors | null {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return null;
  const flat: TFieldErrors = { formErrors: [], fieldErrors: {} };
  for (const issue of issues as Array<{ path?: PropertyKey[]; message?: string }>) {
    const message = issue.message ?? 'invalid';
    const field = issue.path?.[0];
    if (field === undefined) flat.formErrors.push(message);
    else (flat.fieldErrors[String(field)] ??= []).push(issue.path && issue.path.length > 1 ? `${issue.path.slice(1).map(String).join('.')}: ${message}` : message);
  }
  return flat;
}

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error, ctx }) {
    // Only failures that are ours are logged as errors, with the request id; the caller sees the id, not internals.
    // Bad input is the caller's to fix: it is answered with the fields named, not logged.
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    if (internal) ctx?.logger.error({ err: error.cause ?? error, requestId: ctx.requestId, path: shape.data.path }, 'procedure failed');
    const zodError = flattenIssues(error.cause);
    return {
      ...shape,
      message: internal ? `internal error (request id ${ctx?.requestId ?? 'unknown'}); retry, and report the id if it persists` : shape.message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, requestId: ctx?.requestId, zodError },
    };
  },
});

/** The process's api series (one registry per process), served at /metrics beside /livez and /readyz. */
export const apiMetrics = createApiMetrics();

export const router = t.router;
export const middleware = t.middleware;
/** Every procedure is counted and timed by path, type and result code. */
export const publicProcedure = t.procedure.use(procedureMetrics(apiMetrics));
export const createCallerFactory = t.createCallerFactory;
