import { JiraConfigurationError } from '../errors/jira-local-errors.js';

/**
 * The classic OAuth 2.0 (3LO) scopes the connector needs, in one place:
 * - read:jira-user — users, groups, myself;
 * - read:jira-work — projects, roles, schemes, search, comments, attachments, changelogs;
 * - manage:jira-configuration — group members, application roles, audit log, security-level members;
 * - manage:jira-project — issue-security scheme by id;
 * - manage:jira-webhook — dynamic webhooks (deletions);
 * - offline_access — a refresh token.
 */
export const REQUIRED_OAUTH_SCOPES: readonly string[] = [
  'read:jira-user',
  'read:jira-work',
  'manage:jira-configuration',
  'manage:jira-project',
  'manage:jira-webhook',
  'offline_access',
];

/** Splits a granted-scope value (space-separated string, as the token endpoint sends it, or a list). */
export function parseScopes(granted: string | readonly string[]): string[] {
  const list = typeof granted === 'string' ? granted.split(/\s+/) : [...granted];
  return list.filter((scope) => scope !== '');
}

/** Scopes in `required` that `granted` lacks. */
export function findMissingScopes(granted: string | readonly string[], required: readonly string[] = REQUIRED_OAUTH_SCOPES): string[] {
  const have = new Set(parseScopes(granted));
  return required.filter((scope) => !have.has(scope));
}

/** Throws a configuration error naming the missing scopes and what to do (re-consent). */
export function assertScopesGranted(granted: string | readonly string[], required: readonly string[] = REQUIRED_OAUTH_SCOPES): void {
  const missing = findMissingScopes(granted, required);
  if (missing.length > 0) {
    throw new JiraConfigurationError(
      `The Jira OAuth grant lacks the scopes ${missing.join(', ')}. Add them to the app in the developer console and reconnect to consent again.`,
    );
  }
}
