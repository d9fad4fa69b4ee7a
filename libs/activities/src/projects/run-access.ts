import type { TGroup, TProject } from '@jira-sync/jira-client';
import type { TFieldInfo } from '../issues/map-issue.js';
import type { TActivityDeps } from '../sync/activity-deps.js';
import type { TOpenedConnector, TSyncStepInput } from '../sync/sync-context.js';
import { loadProjectAccess, loadSiteAccess, type TLoadedProjectAccess, type TSiteAccess } from './load-project-access.js';

/** The names under which one run's shared reads are cached (the groups step offers its listing under `groups`). */
export const RUN_READS = { connector: 'connector', groups: 'groups', siteAccess: 'siteAccess', fields: 'fields' } as const;

/** Everything a project step reads that is the same for the whole run, each read at most once per worker process. */
export interface TRunAccess {
  opened: TOpenedConnector;
  site(): Promise<TSiteAccess>;
  fields(): Promise<Map<string, TFieldInfo>>;
  /** The project's access model: built once, used by both the roles and the issues step. */
  project(project: { id: string; key: string }): Promise<TLoadedProjectAccess>;
  /** The project itself with its description and lead (the role and project records both read it). */
  details(projectKey: string): Promise<TProject | undefined>;
}

/** The cache name of a project's own details (listProjects offers them, the project steps read them). */
export function runReadOfProject(projectKey: string): string {
  return `project:${projectKey}`;
}

function runMemo(deps: TActivityDeps, run: TSyncStepInput) {
  const cache = deps.runCache;
  return <T>(name: string, load: () => Promise<T>): Promise<T> => (cache ? cache.memo(run, name, load) : load());
}

/** The run's opened connector: one client per run and worker process, so Jira checks the credentials (/myself) once. */
export function openRunConnector(deps: TActivityDeps, run: TSyncStepInput): Promise<TOpenedConnector> {
  return runMemo(deps, run)(RUN_READS.connector, () => deps.openConnector(run.tenantId, run.connectorId));
}

/** Opens the run's connector and returns its shared, cached reads. */
export async function openRunAccess(deps: TActivityDeps, run: TSyncStepInput): Promise<TRunAccess> {
  const memo = runMemo(deps, run);
  const opened = await openRunConnector(deps, run);
  const { client } = opened;
  const site = () =>
    memo(RUN_READS.siteAccess, async () => {
      const groups = await memo(RUN_READS.groups, async () => {
        const all: TGroup[] = [];
        for await (const group of client.groups()) all.push(group);
        return all;
      });
      return loadSiteAccess(client, groups);
    });
  const details = (projectKey: string) =>
    memo(runReadOfProject(projectKey), async () => {
      let found: TProject | undefined;
      for await (const project of client.projects({ keys: [projectKey], expand: ['description', 'lead'] })) found = project;
      return found;
    });
  return {
    opened,
    site,
    fields: () =>
      memo(RUN_READS.fields, async () => {
        const info = new Map<string, TFieldInfo>();
        for (const field of await client.fields()) info.set(field.id, { name: field.name, type: field.schema?.type ?? 'unknown' });
        return info;
      }),
    project: (project) =>
      memo(`projectAccess:${project.id}`, async () => {
        // The style says whether the project has the site's global roles (classic) or its own; the listing offered it.
        const [siteAccess, found] = await Promise.all([site(), details(project.key)]);
        return loadProjectAccess(client, { ...project, ...(found?.style ? { style: found.style } : {}) }, siteAccess, memo);
      }),
    details,
  };
}
