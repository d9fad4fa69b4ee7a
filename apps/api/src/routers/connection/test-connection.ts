import { isSameSite, JiraAuthError, JiraConfigurationError, JiraError, JiraPermissionError } from '@jira-sync/jira-client';
import { tenantProcedure } from '../../procedures.js';
import { ZConnectorRefSchema } from '../../schemas.js';
import { requireConnector } from '../connectors/connector-view.js';
import { openJira, type TJiraSite } from './open-jira.js';

export interface TConnectionTest {
  ok: boolean;
  /** Who the credentials belong to (GET /rest/api/3/myself). */
  myself?: { accountId: string; displayName?: string; email?: string; accountType?: string };
  sites: Array<TJiraSite & { configured: boolean }>;
  missingScopes: string[];
  auditLog: { readable: boolean; reason?: string };
  /** What failed and what to do, when ok is false. */
  problem?: string;
}

function problemOf(error: unknown): string | undefined {
  if (error instanceof JiraAuthError) return `Jira refused the credentials (${error.message}); for an API token check the email and create a new token, for OAuth reauthenticate`;
  if (error instanceof JiraConfigurationError) return error.message;
  if (error instanceof JiraError) return `Jira answered: ${error.message}`;
  return undefined;
}

/**
 * Tests a connector's credentials against Jira: who they belong to, which sites they reach (OAuth: the accessible
 * resources), which required scopes are missing (OAuth), and whether the account can read the audit log (it needs
 * the Administer Jira global permission; without it deletions are found by reconciliation only).
 */
export const testConnection = tenantProcedure.input(ZConnectorRefSchema).mutation(async ({ ctx, input }): Promise<TConnectionTest> => {
  const config = await requireConnector(ctx, input.connectorId);
  const result: TConnectionTest = { ok: false, sites: [], missingScopes: [], auditLog: { readable: false, reason: 'not checked' } };
  try {
    const jira = await openJira(ctx, config);
    result.sites = jira.sites.map((site) => ({ ...site, configured: isSameSite(site.url, config.siteUrl) }));
    result.missingScopes = jira.missingScopes;
    const me = await jira.client.myself();
    result.myself = { accountId: me.accountId, displayName: me.displayName ?? undefined, email: me.emailAddress ?? undefined, accountType: me.accountType };
    result.auditLog = await auditLogAccess(jira.client);
    result.ok = result.missingScopes.length === 0;
    if (!result.ok) result.problem = `the grant lacks the scopes ${result.missingScopes.join(', ')}: add them to the app in the developer console, then reauthenticate`;
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    result.problem = problem;
  }
  return result;
});

async function auditLogAccess(client: Awaited<ReturnType<typeof openJira>>['client']): Promise<TConnectionTest['auditLog']> {
  try {
    for await (const record of client.auditRecords({ pageSize: 1 })) {
      void record;
      break;
    }
    return { readable: true };
  } catch (error) {
    if (error instanceof JiraPermissionError || error instanceof JiraAuthError) {
      return { readable: false, reason: 'the account lacks the Administer Jira global permission: deletions are then found by reconciliation only' };
    }
    throw error;
  }
}
