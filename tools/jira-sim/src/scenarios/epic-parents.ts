/**
 * Switch epicParents (issue #11): Jira's hierarchy can go above Epic. Each project of the site gets one Initiative,
 * created before its first epic, and every epic of the project names it in `parent`. Applied once at startup.
 */
import type { SiteState } from '../model/site-state.js';
import type { Issue } from '../model/types.js';

const DAY_MS = 86_400_000;

/** Adds one Initiative per project that has epics and makes it the parent of those epics. */
export function addInitiatives(site: SiteState): void {
  for (const project of site.projects.values()) {
    const epics = [...site.issues.values()].filter((issue) => issue.projectId === project.id && issue.issueType === 'Epic');
    const first = epics[0];
    if (!first) continue;
    project.issueCounter += 1;
    const created = Math.min(...epics.map((epic) => epic.created)) - DAY_MS;
    const initiative: Issue = {
      id: String(site.nextIds.issue++),
      key: `${project.key}-${project.issueCounter}`,
      previousKeys: [],
      projectId: project.id,
      issueType: 'Initiative',
      summary: `${project.name} roadmap`,
      descriptionSeed: first.descriptionSeed + 1,
      status: 'In Progress',
      priority: 'High',
      reporterAccountId: project.leadAccountId,
      assigneeAccountId: project.leadAccountId,
      created,
      updated: created,
      labels: [],
      components: [],
      links: [],
      custom: {},
      commentIds: [],
      attachmentIds: [],
      changelog: [],
    };
    site.issues.set(initiative.id, initiative);
    site.issueKeys.set(initiative.key, initiative.id);
    for (const epic of epics) epic.parentId = initiative.id;
  }
  site.childIndex = undefined;
  site.version += 1;
}
