/** What `GET /field` says about each field the simulator serves: Jira's FieldDetails (schema, clause names, flags). */
import { SPRINT_CUSTOM_TYPE } from '../content/sprints.js';
import { FIELD_CATALOGUE } from './issue-fields.js';

interface FieldMeta {
  schema?: { type: string; items?: string; system?: string; custom?: string };
  clauseNames: string[];
  orderable: boolean;
  searchable: boolean;
}

const CUSTOM_TYPE_PREFIX = 'com.atlassian.jira.plugin.system.customfieldtypes:';

/** System fields as Jira Cloud describes them; `parent` carries no schema there. */
const SYSTEM: ReadonlyMap<string, FieldMeta> = new Map<string, FieldMeta>([
  ['summary', { schema: { type: 'string', system: 'summary' }, clauseNames: ['summary'], orderable: true, searchable: true }],
  ['issuetype', { schema: { type: 'issuetype', system: 'issuetype' }, clauseNames: ['issuetype', 'type'], orderable: true, searchable: true }],
  ['project', { schema: { type: 'project', system: 'project' }, clauseNames: ['project'], orderable: false, searchable: true }],
  ['status', { schema: { type: 'status', system: 'status' }, clauseNames: ['status'], orderable: false, searchable: true }],
  ['priority', { schema: { type: 'priority', system: 'priority' }, clauseNames: ['priority'], orderable: true, searchable: true }],
  ['reporter', { schema: { type: 'user', system: 'reporter' }, clauseNames: ['reporter'], orderable: true, searchable: true }],
  ['creator', { schema: { type: 'user', system: 'creator' }, clauseNames: ['creator'], orderable: false, searchable: true }],
  ['assignee', { schema: { type: 'user', system: 'assignee' }, clauseNames: ['assignee'], orderable: true, searchable: true }],
  ['created', { schema: { type: 'datetime', system: 'created' }, clauseNames: ['created', 'createdDate'], orderable: false, searchable: true }],
  ['updated', { schema: { type: 'datetime', system: 'updated' }, clauseNames: ['updated', 'updatedDate'], orderable: false, searchable: true }],
  ['labels', { schema: { type: 'array', items: 'string', system: 'labels' }, clauseNames: ['labels'], orderable: true, searchable: true }],
  ['components', { schema: { type: 'array', items: 'component', system: 'components' }, clauseNames: ['component'], orderable: true, searchable: true }],
  ['description', { schema: { type: 'string', system: 'description' }, clauseNames: ['description'], orderable: true, searchable: true }],
  ['environment', { schema: { type: 'string', system: 'environment' }, clauseNames: ['environment'], orderable: true, searchable: true }],
  ['security', { schema: { type: 'securitylevel', system: 'security' }, clauseNames: ['level'], orderable: true, searchable: true }],
  ['parent', { clauseNames: ['parent'], orderable: false, searchable: false }],
  ['subtasks', { schema: { type: 'array', items: 'issuelinks', system: 'subtasks' }, clauseNames: ['subtasks'], orderable: false, searchable: true }],
  ['issuelinks', { schema: { type: 'array', items: 'issuelinks', system: 'issuelinks' }, clauseNames: ['issueLink'], orderable: true, searchable: true }],
  ['resolution', { schema: { type: 'resolution', system: 'resolution' }, clauseNames: ['resolution'], orderable: true, searchable: true }],
  ['resolutiondate', { schema: { type: 'datetime', system: 'resolutiondate' }, clauseNames: ['resolutiondate', 'resolved'], orderable: false, searchable: true }],
  ['attachment', { schema: { type: 'array', items: 'attachment', system: 'attachment' }, clauseNames: ['attachments'], orderable: true, searchable: true }],
  ['comment', { schema: { type: 'comments-page', system: 'comment' }, clauseNames: ['comment'], orderable: true, searchable: true }],
  ['worklog', { schema: { type: 'array', items: 'worklog', system: 'worklog' }, clauseNames: [], orderable: true, searchable: true }],
]);

/** Custom fields: Jira type key, schema type and the type label JQL accepts after the name (`Name[Label]`). */
const CUSTOM: ReadonlyMap<string, { type: string; customType: string; label: string }> = new Map([
  ['customfield_10030', { type: 'string', customType: 'textfield', label: 'Short text' }],
  ['customfield_10031', { type: 'string', customType: 'textarea', label: 'Paragraph' }],
  ['customfield_10032', { type: 'option', customType: 'select', label: 'Dropdown' }],
  ['customfield_10033', { type: 'user', customType: 'userpicker', label: 'User Picker (single user)' }],
  ['customfield_10034', { type: 'group', customType: 'grouppicker', label: 'Group Picker (single group)' }],
  ['customfield_10035', { type: 'number', customType: 'float', label: 'Number' }],
  ['customfield_10036', { type: 'date', customType: 'datepicker', label: 'Date' }],
]);

export interface FieldDetails {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema?: { type: string; items?: string; system?: string; custom?: string; customId?: number };
}

/** Every field the simulator serves, system fields first, in Jira's FieldDetails shape (`sprintFieldId`: this site's Sprint). */
export function listFieldDetails(options: { includeCustom: boolean; sprintFieldId?: string }): FieldDetails[] {
  const out: FieldDetails[] = [];
  for (const [id, entry] of Object.entries(FIELD_CATALOGUE)) {
    if (entry.siteSpecific) {
      if (!options.includeCustom || id !== options.sprintFieldId) continue;
      const customId = Number(id.slice('customfield_'.length));
      out.push({ id, key: id, name: entry.name, custom: true, orderable: true, navigable: true, searchable: true, clauseNames: [`cf[${customId}]`, 'Sprint', 'Sprint[Sprint]'], schema: { type: 'array', items: 'json', custom: SPRINT_CUSTOM_TYPE, customId } });
      continue;
    }
    const system = SYSTEM.get(id);
    if (system) {
      out.push({ id, key: id, name: entry.name, custom: false, orderable: system.orderable, navigable: entry.navigable, searchable: system.searchable, clauseNames: [...system.clauseNames], ...(system.schema ? { schema: { ...system.schema } } : {}) });
      continue;
    }
    const custom = CUSTOM.get(id);
    if (!custom || !options.includeCustom) continue;
    const customId = Number(id.slice('customfield_'.length));
    out.push({
      id,
      key: id,
      name: entry.name,
      custom: true,
      orderable: true,
      navigable: entry.navigable,
      searchable: true,
      clauseNames: [`cf[${customId}]`, entry.name, `${entry.name}[${custom.label}]`],
      schema: { type: custom.type, custom: `${CUSTOM_TYPE_PREFIX}${custom.customType}`, customId },
    });
  }
  return out;
}
