/** A readiness check resolves when its dependency answers and throws (or rejects) when it does not. */
export type ReadinessCheck = () => Promise<unknown>;

export interface ReadinessReport {
  ready: boolean;
  /** Per dependency: `ok`, or why it failed (credentials in URLs masked). */
  checks: Record<string, string>;
}

const CREDENTIALS_IN_URL = /(\/\/)[^/@\s]+@/g;

/**
 * Runs every check at once, each bounded by `timeoutMs`: a dependency that hangs is as unready as one that refuses.
 */
export async function runReadinessChecks(checks: Readonly<Record<string, ReadinessCheck>>, timeoutMs: number): Promise<ReadinessReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, string]> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([check(), timeout]);
        return [name, 'ok'];
      } catch (error) {
        return [name, describeFailure(error)];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ready: entries.every(([, status]) => status === 'ok'), checks: Object.fromEntries(entries) };
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  return message.replace(CREDENTIALS_IN_URL, '$1***@').slice(0, 300);
}
