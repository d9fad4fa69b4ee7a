/**
 * Switch automation (issue #11): an "Automation for Jira" rule that edits one issue every few minutes while a sync
 * runs, so the issue keeps moving past the sync's cursor. Runs lazily on the simulator clock: before each Jira request
 * (and ground-truth read) every interval that has elapsed since the last run is caught up with one edit.
 */
import { findIssue } from '../model/site-state.js';
import { updateIssue } from '../mutations/issue-mutations.js';
import type { SimRuntime } from './sim-runtime.js';

const AUTOMATION_LABEL = 'automation-touched';
const nextRun = new WeakMap<SimRuntime, number>();

/** Applies the automation's edit when its interval has elapsed on the simulator clock. */
export function runAutomation(runtime: SimRuntime): void {
  const rule = runtime.options.automation;
  const site = runtime.sites[0];
  if (!rule || rule.everyMs <= 0 || !site) return;
  const now = runtime.clock.now();
  const due = nextRun.get(runtime);
  if (due === undefined) {
    nextRun.set(runtime, now + rule.everyMs);
    return;
  }
  if (now < due) return;
  nextRun.set(runtime, due + Math.ceil((now - due + 1) / rule.everyMs) * rule.everyMs);
  const issue = findIssue(site.state, rule.issueKey);
  if (!issue) return;
  const robot = [...runtime.directory.values()].find((user) => user.accountType === 'app' && user.displayName === 'Automation for Jira');
  const labels = issue.labels.includes(AUTOMATION_LABEL) ? issue.labels.filter((label) => label !== AUTOMATION_LABEL) : [...issue.labels, AUTOMATION_LABEL];
  updateIssue(runtime, issue.id, { cloudId: site.state.cloudId, labels, ...(robot ? { authorAccountId: robot.accountId } : {}) });
}
