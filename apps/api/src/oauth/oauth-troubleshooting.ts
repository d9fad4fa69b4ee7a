import { JiraAuthError, JiraError, JiraPermissionError, JiraReauthenticationRequiredError, REQUIRED_OAUTH_SCOPES, type TAccessibleResource } from '@jira-sync/jira-client';

/** The troubleshooting cases an OAuth connection can end in, each with what the operator should do. */
export type TOAuthProblemCase =
  | 'invalid_state'
  | 'consent_denied'
  | 'invalid_client_credentials'
  | 'callback_url_mismatch'
  | 'site_not_authorized'
  | 'site_not_among_granted'
  | 'missing_scopes'
  | 'refresh_token_invalid'
  | 'atlassian_unavailable'
  | 'authorization_failed';

export interface TOAuthProblem {
  case: TOAuthProblemCase;
  /** What happened, in one sentence. */
  message: string;
  /** What to do about it. */
  whatToDo: string;
}

const START_AGAIN = 'then open a new authorization URL from oauth.start (or oauth.reauthenticate) and accept';
const TOKEN_ENDPOINT = '/oauth/token';

/** Where the caller is: the problems name the connector's site and its redirect URL. */
export interface ProblemContext {
  siteUrl: string;
  redirectUrl: string;
}

export function invalidState(outcome: 'unknown' | 'expired'): TOAuthProblem {
  return {
    case: 'invalid_state',
    message:
      outcome === 'expired'
        ? 'This authorization link expired: a link works for 10 minutes after oauth.start.'
        : 'This authorization link is unknown or was already used: each link from oauth.start works once, and a newer one voids it.',
    whatToDo: 'Call oauth.start again for the connector and finish the consent within 10 minutes.',
  };
}

export function missingScopes(missing: readonly string[]): TOAuthProblem {
  return {
    case: 'missing_scopes',
    message: `The grant lacks the scopes ${missing.join(', ')}.`,
    whatToDo: `In the Atlassian developer console open your app > Permissions > Jira API and add the classic scopes ${REQUIRED_OAUTH_SCOPES.join(', ')}; ${START_AGAIN}.`,
  };
}

/** The site of the connector among the resources a grant reaches, or the problem saying why it is not there. */
export function siteProblem(resources: readonly TAccessibleResource[], context: ProblemContext): TOAuthProblem {
  const reachable = resources.map((resource) => (resource.name ? `${resource.name} (${resource.url})` : resource.url));
  if (resources.length >= 2) {
    return {
      case: 'site_not_among_granted',
      message: `The grant reaches several sites (${reachable.join(', ')}) but not ${context.siteUrl}, the connector's site.`,
      whatToDo: `If the connector should sync one of those sites, create it with that site URL; otherwise ${START_AGAIN}, choosing ${context.siteUrl} on the consent screen.`,
    };
  }
  return {
    case: 'site_not_authorized',
    message: `The app is not authorized for ${context.siteUrl}: the grant reaches ${reachable.length === 0 ? 'no site' : `only ${reachable[0]}`}.`,
    whatToDo: `Consent with an account that can use ${context.siteUrl} and pick that site on the consent screen (a site admin may have to allow the app first); ${START_AGAIN}.`,
  };
}

/** The site is listed, but its gateway refuses the token: the app or the account has no access to it. */
export function siteRefused(context: ProblemContext): TOAuthProblem {
  return {
    case: 'site_not_authorized',
    message: `${context.siteUrl} refused the app's access token although the grant lists it.`,
    whatToDo: `Ask a site admin of ${context.siteUrl} to allow the app (Settings > Apps > Connected apps) and check that the consenting account can log in to the site; ${START_AGAIN}.`,
  };
}

/** What Atlassian sent back to the callback instead of a code (`error`, `error_description`). */
export function callbackError(error: string, description: string | undefined): TOAuthProblem {
  if (error === 'access_denied') {
    return { case: 'consent_denied', message: 'The consent was refused on Atlassian\'s page.', whatToDo: `Start again and choose Accept; ${START_AGAIN}.` };
  }
  if (error === 'invalid_scope') {
    return {
      case: 'missing_scopes',
      message: `Atlassian refused the requested scopes${description ? ` (${description})` : ''}: the app is not configured for all of them.`,
      whatToDo: `In the Atlassian developer console open your app > Permissions > Jira API and add the classic scopes ${REQUIRED_OAUTH_SCOPES.join(', ')}; ${START_AGAIN}.`,
    };
  }
  return {
    case: 'authorization_failed',
    message: `Atlassian answered ${error}${description ? `: ${description}` : ''}.`,
    whatToDo: `Check the app in the Atlassian developer console (client id, callback URL, scopes); ${START_AGAIN}.`,
  };
}

/**
 * Maps jira-client's typed errors from the token endpoint, accessible-resources and the gateway to a case.
 * `phase` says which step failed: the code exchange, or a later use of the stored grant (a refresh).
 */
export function problemOf(error: unknown, phase: 'exchange' | 'refresh', context: ProblemContext): TOAuthProblem | undefined {
  if (!(error instanceof JiraError)) return undefined;
  const atTokenEndpoint = error.endpoint === TOKEN_ENDPOINT;
  if (error instanceof JiraReauthenticationRequiredError && atTokenEndpoint && error.status === undefined) {
    // The exchange answered without a refresh token: offline_access was not granted.
    return missingScopes(['offline_access']);
  }
  if (atTokenEndpoint && error.status === 401) {
    return {
      case: 'invalid_client_credentials',
      message: 'Atlassian refused the app\'s client id or client secret.',
      whatToDo:
        'Copy both from the Atlassian developer console (your app > Settings > Authentication details) and set them with oauth.reauthenticate({ connectorId, clientId, clientSecret }); then open the authorization URL it answers and accept.',
    };
  }
  if (phase === 'exchange' && error instanceof JiraReauthenticationRequiredError) {
    return {
      case: 'callback_url_mismatch',
      message: `Atlassian refused the authorization code for the callback URL ${context.redirectUrl}: the code was issued for another callback URL, or it was already used or expired.`,
      whatToDo: `The connector's redirect URL must be exactly the callback URL registered in the developer console (your app > Authorization > OAuth 2.0 (3LO): scheme, host, port and path, no trailing slash) and must reach this api's /oauth/callback route. Fix either one (oauth.reauthenticate takes a redirectUrl); ${START_AGAIN}.`,
    };
  }
  if (phase === 'refresh' && atTokenEndpoint && (error instanceof JiraReauthenticationRequiredError || error.status === 403 || error.status === 400)) {
    return {
      case: 'refresh_token_invalid',
      message:
        'Atlassian refused the stored refresh token: it expired (90 days unused, or 365 days after the consent), was revoked, or was reused after it had been rotated.',
      whatToDo: `Call oauth.reauthenticate for the connector and consent again. If it happens again soon, two installations may be refreshing the same connector's tokens: run one.`,
    };
  }
  if (error instanceof JiraPermissionError && /scope/i.test(error.message)) return missingScopes(REQUIRED_OAUTH_SCOPES);
  if (error instanceof JiraAuthError && !atTokenEndpoint) return siteRefused(context);
  if (error.retryable) {
    return {
      case: 'atlassian_unavailable',
      message: `Atlassian did not answer in time or had a server problem (${error.kind}${error.status ? ` ${error.status}` : ''}).`,
      whatToDo: `Try again in a few minutes; ${START_AGAIN}.`,
    };
  }
  return { case: 'authorization_failed', message: error.message, whatToDo: `Check the app in the Atlassian developer console (client id, callback URL, scopes); ${START_AGAIN}.` };
}
