/** One entry of the site's audit log (GET /rest/api/3/auditing/record). */
export interface AuditRecord {
  id: number;
  summary: string;
  category: string;
  eventSource: string;
  created: number;
  authorAccountId: string;
  objectItem: { id: string; name: string; typeName: string; parentId?: string; parentName?: string };
  associatedItems?: Array<{ id: string; name: string; typeName: string; parentId?: string; parentName?: string }>;
  changedValues?: Array<{ fieldName: string; changedFrom?: string; changedTo?: string }>;
}
