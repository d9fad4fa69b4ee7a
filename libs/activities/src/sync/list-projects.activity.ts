import type { TSyncFilters } from '@jira-sync/contracts';
import { openRunConnector, runReadOfProject } from '../projects/run-access.js';
import type { TActivityDeps } from './activity-deps.js';
import type { TSyncStepInput } from './sync-context.js';
import { mapFailures } from './to-application-failure.js';

export interface TProjectRef {
  id: string;
  key: string;
  name: string;
}

/** Whether a project key passes the connector's project filter (exact keys, In or Not In). */
export function projectPasses(key: string, filter: TSyncFilters['projects']): boolean {
  if (!filter) return true;
  const listed = filter.keys.includes(key);
  return filter.operator === 'in' ? listed : !listed;
}

/** Step 3a: the projects the syncing account can browse that pass the filter, in key order. */
export function createListProjects(deps: TActivityDeps) {
  return async function listProjects(input: TSyncStepInput): Promise<{ projects: TProjectRef[]; filteredOut: string[]; missing: string[]; projectConcurrency: number }> {
    return mapFailures(async () => {
      const { client, config } = await openRunConnector(deps, input);
      const projects: TProjectRef[] = [];
      const filteredOut: string[] = [];
      // With description and lead, the listing is also what each project's roles and project record need.
      for await (const project of client.projects({ pageSize: 100, expand: ['description', 'lead'] })) {
        if (projectPasses(project.key, config.syncFilters.projects)) {
          projects.push({ id: project.id, key: project.key, name: project.name });
          deps.runCache?.offer(input, runReadOfProject(project.key), project);
        } else filteredOut.push(project.key);
      }
      const filter = config.syncFilters.projects;
      const missing = filter?.operator === 'in' ? filter.keys.filter((key) => !projects.some((project) => project.key === key)) : [];
      projects.sort((left, right) => left.key.localeCompare(right.key));
      return { projects, filteredOut, missing, projectConcurrency: config.projectConcurrency };
    });
  };
}
