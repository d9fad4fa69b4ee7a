/** Placeholder until the Jira client lands (issue #4). */
export const JIRA_CLIENT_AVAILABLE = false;
