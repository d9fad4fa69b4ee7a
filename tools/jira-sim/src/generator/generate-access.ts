/** Groups, project roles, permission schemes and issue-security schemes; together they use every holder type. */
import type { Group, PermissionScheme, ProjectRole, SecurityScheme, User } from '../model/types.js';
import type { Rng } from '../util/rng.js';
import { uuidFrom } from '../util/rng.js';
import type { WellKnownAccounts } from './generate-users.js';

export const ROLE_IDS = { administrators: 10002, developers: 10001, viewers: 10003, serviceDesk: 10004 } as const;
export const CUSTOM_FIELDS = {
  text: 'customfield_10030',
  textarea: 'customfield_10031',
  select: 'customfield_10032',
  userPicker: 'customfield_10033',
  groupPicker: 'customfield_10034',
  number: 'customfield_10035',
  date: 'customfield_10036',
} as const;

export interface AccessModel {
  groups: Map<string, Group>;
  groupIdByName: Map<string, string>;
  roles: Map<number, ProjectRole>;
}

/** Creates the site's groups with seeded memberships. */
export function generateGroups(rng: Rng, users: User[], known: WellKnownAccounts): AccessModel {
  const humans = users.filter((user) => user.accountType === 'atlassian');
  const wellKnown = new Set([known.apiUser.accountId, known.admin.accountId, known.oauthUser.accountId]);
  // Well-known accounts get hand-picked memberships only, so their access stays predictable.
  const others = humans.filter((user) => !wellKnown.has(user.accountId));
  const groups = new Map<string, Group>();
  const groupIdByName = new Map<string, string>();
  const add = (name: string, members: string[]): void => {
    const group: Group = { groupId: uuidFrom(rng), name, members: new Set(members) };
    groups.set(group.groupId, group);
    groupIdByName.set(name, group.groupId);
  };
  const sample = (rate: number): string[] => others.filter(() => rng.chance(rate)).map((user) => user.accountId);
  add('jira-admins', [known.admin.accountId]);
  add('jira-software-users', humans.map((user) => user.accountId));
  add('engineering', [known.apiUser.accountId, ...sample(0.4)]);
  add('security-team', [known.oauthUser.accountId, ...sample(0.15)]);
  add('support', sample(0.3));
  add('leadership', [known.admin.accountId, ...sample(0.1)]);
  add('contractors', sample(0.1));
  add('empty-group', []);
  const roles = new Map<number, ProjectRole>([
    [ROLE_IDS.administrators, { id: ROLE_IDS.administrators, name: 'Administrators', description: 'A project role that represents administrators in a project' }],
    [ROLE_IDS.developers, { id: ROLE_IDS.developers, name: 'Developers', description: 'A project role that represents developers in a project' }],
    [ROLE_IDS.viewers, { id: ROLE_IDS.viewers, name: 'Viewers', description: 'A project role that represents viewers in a project' }],
    [ROLE_IDS.serviceDesk, { id: ROLE_IDS.serviceDesk, name: 'Service Desk Team', description: 'Agents of a service project' }],
  ]);
  return { groups, groupIdByName, roles };
}

/** Permission schemes: open (application role), restricted (every dynamic holder) and public (anyone). */
export function generatePermissionSchemes(model: AccessModel, namedUserId: string): Map<number, PermissionScheme> {
  const gid = (name: string): string => model.groupIdByName.get(name) ?? '';
  let grantId = 10000;
  const grant = (permission: string, type: PermissionScheme['grants'][number]['holder']['type'], parameter?: string, value?: string) => ({
    id: grantId++,
    permission,
    holder: { type, ...(parameter !== undefined ? { parameter } : {}), ...(value !== undefined ? { value } : {}) },
  });
  const role = (id: number): [string, string] => [String(id), String(id)];
  const schemes: PermissionScheme[] = [
    {
      id: 10000,
      name: 'Open software scheme',
      description: 'Everyone with Jira Software access can browse.',
      grants: [
        grant('BROWSE_PROJECTS', 'applicationRole', 'jira-software', 'jira-software'),
        grant('BROWSE_PROJECTS', 'projectRole', ...role(ROLE_IDS.administrators)),
        grant('ADMINISTER_PROJECTS', 'projectRole', ...role(ROLE_IDS.administrators)),
        grant('CREATE_ISSUES', 'applicationRole', 'jira-software', 'jira-software'),
        grant('ADD_COMMENTS', 'applicationRole', 'jira-software', 'jira-software'),
      ],
    },
    {
      id: 10001,
      name: 'Restricted scheme',
      description: 'Only members of the project, and people named on an issue, can browse.',
      grants: [
        grant('BROWSE_PROJECTS', 'projectRole', ...role(ROLE_IDS.developers)),
        grant('BROWSE_PROJECTS', 'projectRole', ...role(ROLE_IDS.viewers)),
        grant('BROWSE_PROJECTS', 'group', 'leadership', gid('leadership')),
        grant('BROWSE_PROJECTS', 'user', namedUserId, namedUserId),
        grant('BROWSE_PROJECTS', 'projectLead'),
        grant('BROWSE_PROJECTS', 'reporter'),
        grant('BROWSE_PROJECTS', 'assignee'),
        grant('BROWSE_PROJECTS', 'userCustomField', CUSTOM_FIELDS.userPicker, CUSTOM_FIELDS.userPicker),
        grant('BROWSE_PROJECTS', 'groupCustomField', CUSTOM_FIELDS.groupPicker, CUSTOM_FIELDS.groupPicker),
        grant('ADMINISTER_PROJECTS', 'projectRole', ...role(ROLE_IDS.administrators)),
        grant('ADD_COMMENTS', 'projectRole', ...role(ROLE_IDS.developers)),
      ],
    },
    {
      id: 10002,
      name: 'Public scheme',
      description: 'Anyone on the web can browse.',
      grants: [
        grant('BROWSE_PROJECTS', 'anyone'),
        grant('BROWSE_PROJECTS', 'applicationRole'),
        grant('ADMINISTER_PROJECTS', 'group', 'jira-admins', gid('jira-admins')),
        grant('CREATE_ISSUES', 'anyone'),
      ],
    },
  ];
  return new Map(schemes.map((scheme) => [scheme.id, scheme]));
}

/** Issue-security schemes whose level members use the same holder vocabulary as grants. */
export function generateSecuritySchemes(model: AccessModel, namedUserId: string): Map<number, SecurityScheme> {
  const gid = (name: string): string => model.groupIdByName.get(name) ?? '';
  let memberId = 10300;
  const member = (type: SecurityScheme['levels'][number]['members'][number]['holder']['type'], parameter?: string, value?: string) => ({
    id: memberId++,
    holder: { type, ...(parameter !== undefined ? { parameter } : {}), ...(value !== undefined ? { value } : {}) },
  });
  const schemes: SecurityScheme[] = [
    {
      id: 10100,
      name: 'Restricted security scheme',
      description: 'Internal and confidential issues.',
      levels: [
        {
          id: '10200',
          name: 'Internal',
          description: 'Engineering, project administrators and the reporter.',
          members: [member('group', 'engineering', gid('engineering')), member('projectRole', String(ROLE_IDS.administrators), String(ROLE_IDS.administrators)), member('reporter')],
        },
        {
          id: '10201',
          name: 'Confidential',
          description: 'Only named people.',
          members: [
            member('user', namedUserId, namedUserId),
            member('assignee'),
            member('projectLead'),
            member('userCustomField', CUSTOM_FIELDS.userPicker, CUSTOM_FIELDS.userPicker),
            member('groupCustomField', CUSTOM_FIELDS.groupPicker, CUSTOM_FIELDS.groupPicker),
            member('group', 'security-team', gid('security-team')),
          ],
        },
      ],
    },
    {
      id: 10101,
      name: 'Staff security scheme',
      description: 'Hides issues from portal customers and contractors.',
      defaultLevelId: undefined,
      levels: [
        {
          id: '10202',
          name: 'Staff only',
          description: 'Licensed staff and developers.',
          members: [member('applicationRole', 'jira-software', 'jira-software'), member('projectRole', String(ROLE_IDS.developers), String(ROLE_IDS.developers))],
        },
      ],
    },
  ];
  return new Map(schemes.map((scheme) => [scheme.id, scheme]));
}
