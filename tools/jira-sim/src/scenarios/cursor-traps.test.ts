/** Issue #11: what breaks an `updated` cursor: a bulk edit filling one minute past a page, an automation editing an issue during a sync. */
import { describe, expect, it } from 'vitest';
import { canSeeIssue } from '../permissions/access.js';
import { as, call, useSimulator } from '../testing/test-simulator.test-support.js';
import { BULK_EDIT_MINUTE_MS } from './same-minute-bulk-edit.js';

const t = useSimulator({ preset: 'small', switches: { sameMinuteIssues: 150, automation: { issueKey: 'PLAT-2', everyMs: 3 * 60_000 } } });
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;
const search = (body: Record<string, unknown>) =>
  call(api('/search/jql'), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('one updated minute holding more than a page (switch sameMinuteIssues)', () => {
  it('serves the bulk-edited minute over two capped pages, many issues on the same millisecond', async () => {
    const state = t.sim.control.site();
    const admin = state.users.get(t.sim.credentials.admin.accountId);
    const inMinute = [...state.issues.values()].filter((issue) => issue.updated >= BULK_EDIT_MINUTE_MS && issue.updated < BULK_EDIT_MINUTE_MS + 60_000);
    const visible = inMinute.filter((issue) => canSeeIssue(state, admin, issue));
    expect(inMinute).toHaveLength(150);
    expect(visible.length).toBeGreaterThan(100);
    const jql = `updated >= ${BULK_EDIT_MINUTE_MS} AND updated < ${BULK_EDIT_MINUTE_MS + 60_000} ORDER BY updated ASC, key ASC`;
    const first = await search({ jql, fields: ['updated', 'labels'], maxResults: 500 });
    expect(first.body.issues).toHaveLength(100);
    expect(first.body.nextPageToken).toBeTypeOf('string');
    const second = await search({ jql, fields: ['updated', 'labels'], maxResults: 500, nextPageToken: first.body.nextPageToken });
    const issues = [...first.body.issues, ...second.body.issues] as Array<{ id: string; fields: { updated: string; labels: string[] } }>;
    expect(second.body.isLast).toBe(true);
    expect(new Set(issues.map((issue) => issue.id))).toEqual(new Set(visible.map((issue) => issue.id)));
    expect(issues.every((issue) => issue.fields.labels.includes('bulk-triage'))).toBe(true);
    const minutes = new Set(issues.map((issue) => issue.fields.updated.slice(0, 16)));
    expect(minutes.size).toBe(1);
    const sameInstant = issues.filter((issue) => issue.fields.updated === issues[0]?.fields.updated);
    expect(sameInstant.length).toBeGreaterThan(10);
  });
});

describe('an automation editing an issue during a sync (switch automation)', () => {
  it('moves PLAT-2 past the cursor every three minutes of simulator time, as the Automation for Jira app', async () => {
    const read = async () => (await call(api('/issue/PLAT-2?fields=updated,labels'), { headers: as(t.sim, 'admin') })).body as { id: string; fields: { updated: string; labels: string[] } };
    const before = await read();
    t.sim.control.clock.advance(60_000);
    expect((await read()).fields.updated).toBe(before.fields.updated);
    t.sim.control.clock.advance(2 * 60_000 + 1);
    const after = await read();
    expect(Date.parse(after.fields.updated.replace(/(\d{2})(\d{2})$/, '$1:$2'))).toBeGreaterThan(Date.parse(before.fields.updated.replace(/(\d{2})(\d{2})$/, '$1:$2')));
    expect(after.fields.labels.includes('automation-touched')).not.toBe(before.fields.labels.includes('automation-touched'));
    const changelog = await call(api('/issue/PLAT-2/changelog?startAt=0&maxResults=100'), { headers: as(t.sim, 'admin') });
    expect(changelog.body.values.at(-1).author).toMatchObject({ displayName: 'Automation for Jira', accountType: 'app' });
    const cursor = t.sim.control.clock.now() - 1000;
    t.sim.control.clock.advance(3 * 60_000);
    const found = await search({ jql: `updated >= ${cursor} AND key = PLAT-2` });
    expect(found.body.issues).toEqual([{ id: after.id }]);
  });
});
