import { JiraError, type JiraErrorContext } from './jira-error.js';

/** A response lacked, or mistyped, a field the client relies on. Names the endpoint and the field. */
export class JiraSchemaError extends JiraError {
  constructor(
    readonly field: string,
    readonly problem: string,
    context: JiraErrorContext,
  ) {
    super(
      'schema',
      `${context.method ?? 'GET'} ${context.endpoint ?? '?'} returned an unexpected response: field '${field}' ${problem}. ` +
        'The Jira API may have changed; report it with this message.',
      false,
      context,
    );
  }
}

/** Options the caller gave are unusable (bad site URL, unknown site, missing scopes). */
export class JiraConfigurationError extends JiraError {
  constructor(message: string) {
    super('configuration', message, false);
  }
}

/** A paginated listing misbehaved (e.g. Jira handed back a token it already gave). */
export class JiraPaginationError extends JiraError {
  constructor(message: string, context: JiraErrorContext = {}) {
    super('pagination', message, true, context);
  }
}

/** An attachment is larger than the configured cap. */
export class JiraAttachmentTooLargeError extends JiraError {
  constructor(
    readonly limitBytes: number,
    context: JiraErrorContext,
  ) {
    super('too-large', `The attachment is larger than the ${limitBytes}-byte limit; raise maxBytes to download it.`, false, context);
  }
}
