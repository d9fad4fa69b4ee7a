/** An error the operator can act on: what went wrong, and what to do about it. */
export class StackError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly logTail?: string,
  ) {
    super(message);
    this.name = 'StackError';
  }

  /** Renders the message, the hint and the log tail for a terminal. */
  describe(): string {
    const parts = [`stack: ${this.message}`];
    if (this.hint) parts.push(`  what to do: ${this.hint}`);
    if (this.logTail) parts.push(`  last lines of the log:\n${indent(this.logTail, '    | ')}`);
    return parts.join('\n');
  }
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
