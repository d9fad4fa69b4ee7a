/** Thrown by handlers to end a request with a Jira-shaped reply. */
import type { SimReply } from './route-types.js';
import { errorReply } from './replies.js';

export class HttpError extends Error {
  constructor(readonly reply: SimReply) {
    super(`HTTP ${reply.status}`);
  }

  static jira(status: number, message: string, errors: Record<string, string> = {}): HttpError {
    return new HttpError(errorReply(status, message ? [message] : [], errors));
  }
}
