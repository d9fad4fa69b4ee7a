/** Issue #11: the Sprint custom field has a different id on each site; only GET /field tells which. */
import { describe, expect, it } from 'vitest';
import { SPRINT_CUSTOM_TYPE } from '../content/sprints.js';
import { as, call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator({ switches: { sprintField: true } });

describe('sprint field per site (switch sprintField)', () => {
  it('lists the Sprint field under another id on each site, and serves it only under that id', async () => {
    const ids: string[] = [];
    for (const site of t.sim.sites) {
      const fields = await call(`${site.siteUrl}/rest/api/3/field`, { headers: as(t.sim, 'admin') });
      const sprint = (fields.body as Array<{ id: string; name: string; schema?: { custom?: string } }>).filter((field) => field.schema?.custom === SPRINT_CUSTOM_TYPE);
      expect(sprint.map((field) => field.name)).toEqual(['Sprint']);
      const id = sprint[0]?.id ?? '';
      ids.push(id);
      const other = id === 'customfield_10020' ? 'customfield_10104' : 'customfield_10020';
      const found = await call(`${site.siteUrl}/rest/api/3/search/jql`, {
        method: 'POST',
        headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' },
        body: JSON.stringify({ jql: 'created >= 0 ORDER BY key ASC', fields: [id, other], maxResults: 100 }),
      });
      const values = (found.body.issues as Array<{ fields: Record<string, unknown> }>).map((issue) => issue.fields);
      expect(values.every((fieldsOf) => !(other in fieldsOf) && id in fieldsOf)).toBe(true);
      const sprints = values.map((fieldsOf) => fieldsOf[id]).filter((value): value is Array<{ name: string; state: string; boardId: number }> => Array.isArray(value));
      expect(sprints.length).toBeGreaterThan(0);
      expect(sprints[0]?.[0]).toMatchObject({ name: expect.stringMatching(/ Sprint \d+$/), state: expect.stringMatching(/^(closed|active)$/), boardId: expect.any(Number) });
    }
    expect(ids).toEqual(['customfield_10020', 'customfield_10104']);
  });
});
