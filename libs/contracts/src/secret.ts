const REDACTED = '[redacted]';

/**
 * A value that cannot be logged by accident: its JSON, string and inspect forms are `[redacted]`, so a secret
 * passed to a logger, an error message or `JSON.stringify` at any depth stays hidden. `reveal()` is the one way in.
 */
export class Secret<T> {
  readonly #value: T;

  constructor(value: T) {
    this.#value = value;
  }

  /** The wrapped value; call it only where the secret is used (an Authorization header, a cipher). */
  reveal(): T {
    return this.#value;
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Secret(${REDACTED})`;
  }
}
