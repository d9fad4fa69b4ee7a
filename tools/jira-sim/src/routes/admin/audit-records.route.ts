/** GET /rest/api/3/auditing/record — admin only, newest first, offset/limit; `total` ignores the filter (as live Jira). */
import { intParam } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import type { AuditRecord } from '../../audit/audit-record.js';
import { requireAdmin, viewOf } from '../route-helpers.js';
import { time } from '../../serializers/view-context.js';

function searchable(record: AuditRecord): string {
  return [record.summary, record.category, record.eventSource, record.objectItem.name, record.objectItem.parentName, record.objectItem.typeName, ...(record.changedValues ?? []).flatMap((value) => [value.changedFrom, value.changedTo])]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

function parseTime(raw: string | null): number | undefined {
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw);
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? undefined : parsed;
}

export const auditRecordsRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/auditing/record',
  scope: 'manage:jira-configuration',
  handler: (request) => {
    requireAdmin(request);
    const offset = Math.max(0, intParam(request.query, 'offset', 0));
    const limit = Math.min(Math.max(1, intParam(request.query, 'limit', 1000)), 1000);
    const words = (request.query.get('filter') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const from = parseTime(request.query.get('from'));
    const to = parseTime(request.query.get('to'));
    const all = [...request.site.audit].sort((left, right) => right.created - left.created || right.id - left.id);
    const filtered = all.filter((record) => {
      if (from !== undefined && record.created < from) return false;
      if (to !== undefined && record.created > to) return false;
      if (from !== undefined && to !== undefined && from >= to) return false;
      return words.every((word) => searchable(record).includes(word));
    });
    const view = viewOf(request);
    const records = filtered.slice(offset, offset + limit).map((record) => ({
      id: record.id,
      summary: record.summary,
      remoteAddress: '127.0.0.1',
      authorKey: record.authorAccountId,
      authorAccountId: record.authorAccountId,
      created: time(view, record.created),
      category: record.category,
      eventSource: record.eventSource,
      objectItem: record.objectItem,
      changedValues: record.changedValues ?? [],
      associatedItems: record.associatedItems ?? [],
    }));
    return { status: 200, body: { offset, limit, total: all.length, records } };
  },
};
