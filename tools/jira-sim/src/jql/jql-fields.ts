import type { JqlOperator } from './jql-ast.js';
import { JqlError } from './jql-error.js';

/** The fields this simulator can search: `issuekey` stands for its Jira aliases key, issue and id. */
export type JqlFieldId = 'project' | 'issuekey' | 'created' | 'updated' | 'summary' | 'text';

const ALIASES: Readonly<Record<string, JqlFieldId>> = {
  project: 'project',
  issuekey: 'issuekey',
  key: 'issuekey',
  issue: 'issuekey',
  id: 'issuekey',
  created: 'created',
  createddate: 'created',
  updated: 'updated',
  updateddate: 'updated',
  summary: 'summary',
  text: 'text',
};

const EMPTINESS: JqlOperator[] = ['IS', 'IS NOT'];
const RELATIONAL: JqlOperator[] = ['=', '!=', '<', '<=', '>', '>=', 'IN', 'NOT IN', ...EMPTINESS];

const OPERATORS: Readonly<Record<JqlFieldId, readonly JqlOperator[]>> = {
  project: ['=', '!=', 'IN', 'NOT IN', ...EMPTINESS],
  issuekey: RELATIONAL,
  created: RELATIONAL,
  updated: RELATIONAL,
  summary: ['~', '!~', ...EMPTINESS],
  text: ['~', '!~'],
};

/** The field a name (any case, any alias) refers to, or undefined when this simulator does not know it. */
export function findJqlField(name: string): JqlFieldId | undefined {
  return ALIASES[name.toLowerCase()];
}

/** The field a clause names, or Jira's error for a field that does not exist. */
export function requireJqlField(name: string): JqlFieldId {
  const field = findJqlField(name);
  if (field === undefined) {
    throw new JqlError('unsupported', `Field '${name}' does not exist or you do not have permission to view it.`);
  }
  return field;
}

/** Throws Jira's error when `operator` cannot be used with the field. */
export function assertOperatorSupported(field: JqlFieldId, name: string, operator: JqlOperator): void {
  if (!OPERATORS[field].includes(operator)) {
    throw new JqlError('unsupported', `The operator '${operator}' is not supported by the '${name}' field.`);
  }
}
