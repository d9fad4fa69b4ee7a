import type { DemoSummary } from './real-demo.js';

/** Prints the demo's summary for a person: records, one issue as Markdown, who may read what, costs and links. */
export function printSummary(summary: DemoSummary, print: (line: string) => void): void {
  const { recordsByType: counts } = summary;
  print(`demo: sync ${summary.syncStatus} for tenant ${summary.tenantId}, connector ${summary.connectorId} (${summary.siteUrl})`);
  print(`demo: stored ${counts.issue} issues, ${counts.comment} comments, ${counts.attachment} attachments, ${counts.project} projects, ${counts.user} users, ${counts.group} groups`);
  if (summary.sampleIssue) {
    print(`demo: ${summary.sampleIssue.key} "${summary.sampleIssue.summary}" as Markdown:`);
    print(summary.sampleIssue.markdown.split('\n').slice(0, 12).join('\n').replace(/^/gm, '      | '));
  }
  if (summary.restrictedIssue) {
    const { key, securityLevel, readers } = summary.restrictedIssue;
    print(`demo: ${key} has security level '${securityLevel}'; ${readers.length} of ${summary.activeAccounts} active accounts may read it: ${readers.join(', ')}`);
  }
  if (summary.restrictedComment) {
    const { commentId, visibility, readers } = summary.restrictedComment;
    print(`demo: comment ${commentId} is visible to ${visibility} only; ${readers.length} of ${summary.activeAccounts} active accounts may read it: ${readers.join(', ')}`);
  }
  for (const diagnostic of summary.diagnostics) print(`demo: diagnostic: ${diagnostic}`);
  print(`demo: took ${summary.seconds} s and ${summary.jiraRequests} Jira requests; busiest: ${summary.jiraRequestsByRoute.slice(0, 4).map((row) => `${row.route} ${row.count}`).join(', ')}`);
  if (summary.temporalUiUrl) print(`demo: see the run in the Temporal UI: ${summary.temporalUiUrl}`);
  const incremental = summary.incremental;
  if (incremental) {
    print(`demo: then in Jira: ${incremental.editedIssue.key} edited and commented on; the next sync ran ${incremental.mode} (${incremental.status})`);
    print(`demo:   ${incremental.editedIssue.key} is stored as "${incremental.editedIssue.storedSummary ?? '(missing)'}"`);
    print(`demo:   the new comment ${incremental.addedComment.stored ? 'is stored' : 'is NOT stored'}`);
    print(`demo:   took ${incremental.seconds} s and ${incremental.jiraRequests} Jira requests, trigger to indexed`);
    if (incremental.temporalUiUrl) print(`demo:   see the run in the Temporal UI: ${incremental.temporalUiUrl}`);
  }
}
