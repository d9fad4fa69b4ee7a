/** Core records of one simulated Jira Cloud site. Ids follow Jira's wire types (see the reference spec §2.2). */
import type { AdfDoc } from '../util/adf-types.js';

export type AccountType = 'atlassian' | 'app' | 'customer';

export interface User {
  accountId: string;
  accountType: AccountType;
  displayName: string;
  email: string;
  emailVisible: boolean;
  active: boolean;
  timeZone: string;
  locale: string;
  apiToken?: string;
}

export interface Group {
  groupId: string;
  name: string;
  members: Set<string>;
}

export type HolderType =
  | 'anyone'
  | 'applicationRole'
  | 'group'
  | 'user'
  | 'projectRole'
  | 'projectLead'
  | 'reporter'
  | 'assignee'
  | 'userCustomField'
  | 'groupCustomField';

/** A permission or security-level holder; `parameter` is the name/id Jira shows, `value` the stable id. */
export interface Holder {
  type: HolderType;
  parameter?: string;
  value?: string;
}

export interface Grant {
  id: number;
  permission: string;
  holder: Holder;
}

export interface PermissionScheme {
  id: number;
  name: string;
  description: string;
  grants: Grant[];
}

export interface SecurityLevel {
  id: string;
  name: string;
  description: string;
  members: Array<{ id: number; holder: Holder }>;
}

export interface SecurityScheme {
  id: number;
  name: string;
  description: string;
  defaultLevelId?: string;
  levels: SecurityLevel[];
}

export interface ProjectRole {
  id: number;
  name: string;
  description: string;
}

export interface RoleActor {
  id: number;
  kind: 'user' | 'group';
  ref: string; // accountId or groupId
}

export interface ProjectCategory {
  id: string;
  name: string;
  description: string;
}

export interface Project {
  id: string;
  key: string;
  name: string;
  description: string;
  leadAccountId: string;
  projectTypeKey: 'software' | 'business' | 'service_desk';
  categoryId?: string;
  permissionSchemeId: number;
  securitySchemeId?: number;
  /** role id -> actors in this project */
  roleActors: Map<number, RoleActor[]>;
  issueCounter: number;
  archived: boolean;
}

export interface ChangeItem {
  field: string;
  fieldId: string;
  fieldtype: 'jira' | 'custom';
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangeHistory {
  id: string;
  authorAccountId: string;
  created: number;
  items: ChangeItem[];
}

export interface CommentVisibility {
  type: 'group' | 'role';
  value: string; // group name or role name
  identifier: string; // group id or role name
}

export interface Comment {
  id: string;
  issueId: string;
  authorAccountId: string;
  updateAuthorAccountId: string;
  created: number;
  updated: number;
  visibility?: CommentVisibility;
  /** Generated lazily from the seed when absent. */
  body?: AdfDoc;
  bodySeed: number;
}

export interface Attachment {
  id: string;
  issueId: string;
  mediaId: string;
  filename: string;
  mimeType: string;
  size: number;
  authorAccountId: string;
  created: number;
  /** Set when the file was added through a comment: readers must also be able to see that comment (reference §6.2). */
  commentId?: string;
}

export interface IssueLink {
  id: string;
  type: 'Blocks' | 'Relates' | 'Duplicate' | 'Cloners';
  outwardIssueId: string;
}

export interface CustomFieldValues {
  text?: string;
  textarea?: AdfDoc;
  select?: string;
  userPicker?: string;
  groupPicker?: string;
  number?: number;
  date?: string;
}

export interface Issue {
  id: string;
  key: string;
  /** Keys this issue had before moves; they keep resolving to it. */
  previousKeys: string[];
  projectId: string;
  /** Initiative only with switch epicParents: the level above Epic (Jira Premium plans). */
  issueType: 'Initiative' | 'Epic' | 'Story' | 'Task' | 'Bug' | 'Subtask';
  summary: string;
  description?: AdfDoc;
  descriptionSeed: number;
  status: 'To Do' | 'In Progress' | 'Done';
  priority: 'Highest' | 'High' | 'Medium' | 'Low';
  reporterAccountId: string;
  assigneeAccountId?: string;
  created: number;
  updated: number;
  labels: string[];
  components: string[];
  parentId?: string;
  securityLevelId?: string;
  links: IssueLink[];
  custom: CustomFieldValues;
  commentIds: string[];
  attachmentIds: string[];
  changelog: ChangeHistory[];
}
