/** Issue #11: `parent` (never Epic Link) links issues to epics, and with switch epicParents epics have a parent too. */
import { describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator({ switches: { epicParents: true } });
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;

describe('issue hierarchy', () => {
  it('names an epic in `parent` of its children and serves no Epic Link field (always on)', async () => {
    const state = t.sim.control.site();
    const child = [...state.issues.values()].find((issue) => issue.issueType !== 'Subtask' && issue.parentId !== undefined && state.issues.get(issue.parentId)?.issueType === 'Epic');
    const issue = await call(api(`/issue/${child?.key ?? ''}`), { headers: as(t.sim, 'admin') });
    expect(issue.body.fields.parent).toMatchObject({ id: child?.parentId, fields: { issuetype: { name: 'Epic', hierarchyLevel: 1 } } });
    const fields = await call(api('/field'), { headers: as(t.sim, 'admin') });
    expect(fields.body.some((field: { name: string }) => field.name === 'Epic Link')).toBe(false);
    expect(Object.keys(issue.body.fields).filter((id) => !(fields.body as Array<{ id: string }>).some((field) => field.id === id))).toEqual([]);
  });

  it('gives every epic a parent of its own, an Initiative one level up (switch epicParents)', async () => {
    const state = t.sim.control.site();
    const epics = [...state.issues.values()].filter((issue) => issue.issueType === 'Epic');
    expect(epics.length).toBeGreaterThan(0);
    const epic = await call(api(`/issue/${epics[0]?.key ?? ''}?fields=parent,issuetype`), { headers: as(t.sim, 'admin') });
    expect(epic.body.fields.parent.fields.issuetype).toMatchObject({ name: 'Initiative', hierarchyLevel: 2, subtask: false });
    const initiative = await call(api(`/issue/${epic.body.fields.parent.key as string}?fields=parent,issuetype`), { headers: as(t.sim, 'admin') });
    expect(initiative.body.fields.parent).toBeUndefined();
    expect(t.sim.control.groundTruth().issues.find((issue) => issue.id === epics[0]?.id)?.parentId).toBe(epic.body.fields.parent.id);
  });
});
