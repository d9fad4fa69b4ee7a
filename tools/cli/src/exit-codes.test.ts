import { describe, expect, it } from 'vitest';
import { CliError, describeFailure, EXIT } from './exit-codes.js';

describe('failures', () => {
  it("keeps a CliError's message and exit status", () => {
    expect(describeFailure(new CliError('give --email', EXIT.usage), 'http://127.0.0.1:1')).toEqual({ message: 'give --email', exitCode: EXIT.usage });
  });

  it('reports anything else as unexpected, with its message', () => {
    expect(describeFailure(new Error('boom'), 'http://127.0.0.1:1')).toEqual({ message: 'boom', exitCode: EXIT.unexpected });
  });
});
