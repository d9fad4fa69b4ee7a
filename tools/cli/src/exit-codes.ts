import { TRPCClientError } from '@trpc/client';

/**
 * What the command's exit status means, so scripts can branch on it without reading the text.
 * 0 ok; 1 anything unexpected (the api unreachable, an internal error); 2 the command line or an input was wrong;
 * 3 the key was refused; 4 the tenant, connector or record does not exist; 5 the request conflicts with the
 * current state (e.g. a connector that exists); 6 the sync ran but did not complete (failed, partial, cancelled).
 */
export const EXIT = { ok: 0, unexpected: 1, usage: 2, auth: 3, notFound: 4, conflict: 5, syncNotCompleted: 6 } as const;
export type TExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the command reports in one message, with the exit status it means. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: TExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

interface TFieldErrorsLike {
  formErrors?: string[];
  fieldErrors?: Record<string, string[] | undefined>;
}

/** The api's errorFormatter answers zod failures as `data.zodError`: form errors and messages per field. */
function fieldMessages(data: unknown): string[] {
  const zodError = (data as { zodError?: TFieldErrorsLike | null } | undefined)?.zodError;
  if (!zodError) return [];
  const fields = Object.entries(zodError.fieldErrors ?? {}).flatMap(([field, messages]) => (messages ?? []).map((message) => `${field}: ${message}`));
  return [...(zodError.formErrors ?? []), ...fields];
}

const codeToExit: Record<string, TExitCode> = {
  BAD_REQUEST: EXIT.usage,
  PARSE_ERROR: EXIT.usage,
  PAYLOAD_TOO_LARGE: EXIT.usage,
  UNAUTHORIZED: EXIT.auth,
  FORBIDDEN: EXIT.auth,
  NOT_FOUND: EXIT.notFound,
  CONFLICT: EXIT.conflict,
  PRECONDITION_FAILED: EXIT.conflict,
  TOO_MANY_REQUESTS: EXIT.unexpected,
};

/** Turns whatever a command threw into the message a person reads and the exit status a script reads. */
export function describeFailure(error: unknown, apiUrl: string): { message: string; exitCode: TExitCode } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (code === undefined) {
      // No tRPC answer at all: the api is not there, or something else answered.
      return { message: `could not reach the jira-sync api at ${apiUrl} (${error.message}); start it, or point --api-url / JIRA_SYNC_API_URL at it`, exitCode: EXIT.unexpected };
    }
    const fields = fieldMessages(error.data);
    const message = fields.length > 0 ? `the api refused the input:\n  ${fields.join('\n  ')}` : error.message;
    const hint = code === 'UNAUTHORIZED' ? '\n(set JIRA_SYNC_API_KEY or pass --api-key; tenants create needs the admin key)' : '';
    return { message: `${message}${hint}`, exitCode: codeToExit[code] ?? EXIT.unexpected };
  }
  return { message: error instanceof Error ? error.message : String(error), exitCode: EXIT.unexpected };
}
