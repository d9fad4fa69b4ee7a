/** A write that collides with a unique index: the caller decides whether that means "already done". */
export class DuplicateKeyError extends Error {
  readonly retryable = false;
  constructor(
    readonly collection: string,
    readonly key: Record<string, unknown> | undefined,
  ) {
    super(`a document with the same unique key already exists in ${collection}${key ? `: ${JSON.stringify(key)}` : ''}`);
    this.name = 'DuplicateKeyError';
  }
}

const DUPLICATE_KEY_CODE = 11000;

/** True for the server's E11000 duplicate-key error, on MongoDB and FerretDB alike. */
export function isDuplicateKeyError(error: unknown): error is { code: number; keyValue?: Record<string, unknown> } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY_CODE;
}
