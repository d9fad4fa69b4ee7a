import { describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../../testing/test-simulator.test-support.js';

const t = useSimulator();
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;

describe('GET /field', () => {
  it('lists system and custom fields with Jira schema types as a bare array', async () => {
    const reply = await call(api('/field'), { headers: as(t.sim, 'apiUser') });
    expect(reply.status).toBe(200);
    expect(Array.isArray(reply.body)).toBe(true);
    const byId = new Map<string, Record<string, unknown>>(reply.body.map((field: { id: string }) => [field.id, field]));
    expect(byId.get('summary')).toEqual({ id: 'summary', key: 'summary', name: 'Summary', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['summary'], schema: { type: 'string', system: 'summary' } });
    expect(byId.get('labels')?.schema).toEqual({ type: 'array', items: 'string', system: 'labels' });
    expect(byId.get('comment')?.navigable).toBe(false);
    const custom = reply.body.filter((field: { custom: boolean }) => field.custom).map((field: { id: string; schema: { type: string; custom: string; customId: number } }) => [field.id, field.schema.type, field.schema.custom.split(':')[1], field.schema.customId]);
    expect(custom).toEqual([
      ['customfield_10030', 'string', 'textfield', 10030],
      ['customfield_10031', 'string', 'textarea', 10031],
      ['customfield_10032', 'option', 'select', 10032],
      ['customfield_10033', 'user', 'userpicker', 10033],
      ['customfield_10034', 'group', 'grouppicker', 10034],
      ['customfield_10035', 'number', 'float', 10035],
      ['customfield_10036', 'date', 'datepicker', 10036],
    ]);
    expect(byId.get('customfield_10032')?.clauseNames).toEqual(['cf[10032]', 'Impact', 'Impact[Dropdown]']);
  });

  it('names each served field the way issue `names` expansion does', async () => {
    const fields = await call(api('/field'), { headers: as(t.sim, 'admin') });
    const search = await call(api('/search/jql?jql=project%20%3D%20PLAT&fields=*all&expand=names&maxResults=1'), { headers: as(t.sim, 'admin') });
    const names = new Map<string, string>(fields.body.map((field: { id: string; name: string }) => [field.id, field.name]));
    for (const [id, name] of Object.entries(search.body.names as Record<string, string>)) expect(names.get(id)).toBe(name);
  });

  it('answers anonymous callers too, as Jira does', async () => {
    const reply = await call(api('/field'));
    expect(reply.status).toBe(200);
    expect(reply.body.some((field: { id: string }) => field.id === 'summary')).toBe(true);
  });
});
