import { ConnectorExistsError, ConnectorNotFoundError, DuplicateKeyError } from '@jira-sync/store';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/** A check of one field that failed after zod's: carries zod-shaped issues, so the errorFormatter lists the field. */
class FieldError extends Error {
  constructor(readonly issues: Array<{ path: Array<string | number>; message: string }>) {
    super(issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    this.name = 'FieldError';
  }
}

/** A BAD_REQUEST that names the field, in the errorFormatter's `zodError` like zod's own failures. */
export function badInput(path: Array<string | number>, message: string): TRPCError {
  const cause = new FieldError([{ path, message }]);
  return new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
}

export function connectorNotFound(connectorId: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `connector '${connectorId}' does not exist in your tenant; list your connectors with connectors.list` });
}

/** Maps the libs' typed errors to tRPC codes; anything else stays internal (logged with the request id). */
export function toTRPCError(error: unknown): unknown {
  if (error instanceof TRPCError) return error;
  if (error instanceof ConnectorNotFoundError) return connectorNotFound(error.connectorId);
  if (error instanceof ConnectorExistsError) {
    const connectorId = String(error.key?.['connectorId'] ?? '');
    return new TRPCError({ code: 'CONFLICT', message: `connector '${connectorId}' already exists; pick another id or update it with connectors.update` });
  }
  if (error instanceof DuplicateKeyError) return new TRPCError({ code: 'CONFLICT', message: error.message });
  if (error instanceof ZodError) return new TRPCError({ code: 'BAD_REQUEST', message: error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '), cause: error });
  return error;
}

/** Runs `work`, rethrowing the libs' typed errors as tRPC errors. */
export async function mapErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toTRPCError(error);
  }
}
