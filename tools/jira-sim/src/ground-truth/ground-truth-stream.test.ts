import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../simulator/start-simulator.js';
import { as, call, useSimulator } from '../testing/test-simulator.test-support.js';
import type { AttachmentTruth, CommentTruth, GroundTruthRecord, IssueTruth, ProjectTruth } from './ground-truth-records.js';

const t = useSimulator();
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;

async function records(): Promise<GroundTruthRecord[]> {
  const out: GroundTruthRecord[] = [];
  for await (const record of t.sim.control.groundTruthStream()) out.push(record);
  return out;
}

describe('ground truth stream', () => {
  it('streams NDJSON over HTTP with the same records as the in-process stream', async () => {
    const response = await fetch(`${t.sim.sites[0]?.siteUrl ?? ''}/__sim/ground-truth`);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as GroundTruthRecord);
    expect(lines).toEqual(JSON.parse(JSON.stringify(await records())));
    expect(lines[0]).toMatchObject({ kind: 'site', cloudId: t.sim.sites[0]?.cloudId });
    expect(new Set(lines.map((line) => line.kind))).toEqual(new Set(['site', 'user', 'group', 'project', 'issue', 'comment', 'attachment']));
  });

  it('gives each issue the values the API serves for it', async () => {
    const issues = (await records()).filter((record): record is IssueTruth => record.kind === 'issue').filter((issue) => issue.key.startsWith('PLAT-')).slice(0, 10);
    for (const truth of issues) {
      const reply = await call(api(`/issue/${truth.id}?fields=*all`), { headers: as(t.sim, 'admin') });
      const fields = reply.body.fields;
      expect([fields.status.name, fields.status.statusCategory.key, fields.priority.name, fields.issuetype.name]).toEqual([truth.status, truth.statusCategoryKey, truth.priority, truth.issueType]);
      expect([fields.labels, fields.components.map((component: { name: string }) => component.name)]).toEqual([truth.labels, truth.components]);
      expect([fields.reporter.accountId, fields.creator.accountId, fields.assignee?.accountId ?? null]).toEqual([truth.reporterAccountId, truth.creatorAccountId, truth.assigneeAccountId]);
      expect(fields.description).toEqual(truth.description);
      expect(fields.parent?.id).toBe(truth.parentId);
      expect(fields.security?.id).toBe(truth.securityLevelId);
      expect(fields.resolutiondate === null ? null : Date.parse(fields.resolutiondate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))).toBe(truth.resolutionDate);
      const served: Record<string, unknown> = {
        customfield_10030: fields.customfield_10030, customfield_10031: fields.customfield_10031, customfield_10032: fields.customfield_10032?.value,
        customfield_10033: fields.customfield_10033?.accountId, customfield_10034: fields.customfield_10034?.groupId,
        customfield_10035: fields.customfield_10035, customfield_10036: fields.customfield_10036,
      };
      expect(truth.customFields).toEqual(Object.fromEntries(Object.entries(served).filter(([, value]) => value !== null && value !== undefined)));
    }
  });

  it('lists every link on both of its issues, with Jira link type names', async () => {
    const issues = (await records()).filter((record): record is IssueTruth => record.kind === 'issue');
    const byId = new Map(issues.map((issue) => [issue.id, issue]));
    const outward = issues.flatMap((issue) => issue.links.filter((link) => link.direction === 'outward').map((link) => ({ issue, link })));
    expect(outward.length).toBeGreaterThan(0);
    for (const { issue, link } of outward) {
      const other = byId.get(link.otherIssueId)?.links.find((candidate) => candidate.linkId === link.linkId);
      expect(other).toMatchObject({ direction: 'inward', type: link.type, otherIssueId: issue.id });
    }
    expect(outward.every(({ link }) => ['Blocks', 'Cloners', 'Duplicate', 'Relates'].includes(link.type))).toBe(true);
  });

  it('gives comments their author and body, and attachments the digest of the bytes served', async () => {
    const all = await records();
    const comment = all.find((record): record is CommentTruth => record.kind === 'comment' && !record.visibility)!;
    const served = await call(api(`/issue/${comment.issueId}/comment/${comment.id}`), { headers: as(t.sim, 'admin') });
    expect([served.body.author.accountId, served.body.body]).toEqual([comment.authorAccountId, comment.body]);
    for (const attachment of all.filter((record): record is AttachmentTruth => record.kind === 'attachment').slice(0, 3)) {
      const bytes = await fetch(api(`/attachment/content/${attachment.id}?redirect=false`), { headers: as(t.sim, 'admin') });
      expect(bytes.status).toBe(200);
      expect(createHash('sha256').update(Buffer.from(await bytes.arrayBuffer())).digest('hex')).toBe(attachment.sha256);
      expect(attachment.mediaId).toEqual(expect.any(String));
    }
  });

  it('gives projects their lead, schemes and role actors as the API lists them', async () => {
    const project = (await records()).find((record): record is ProjectTruth => record.kind === 'project' && record.key === 'SEC')!;
    const served = await call(api('/project/SEC?expand=lead'), { headers: as(t.sim, 'admin') });
    expect(served.body.lead.accountId).toBe(project.leadAccountId);
    const scheme = await call(api('/project/SEC/permissionscheme'), { headers: as(t.sim, 'admin') });
    expect(scheme.body.id).toBe(project.permissionSchemeId);
    expect(project.roles.length).toBeGreaterThan(0);
    for (const role of project.roles) {
      const reply = await call(api(`/project/SEC/role/${role.roleId}`), { headers: as(t.sim, 'admin') });
      const actors = reply.body.actors as Array<{ actorUser?: { accountId: string }; actorGroup?: { groupId: string } }>;
      expect(reply.body.name).toBe(role.name);
      expect(actors.flatMap((actor) => (actor.actorUser ? [actor.actorUser.accountId] : [])).sort()).toEqual(role.accountIds);
      expect(actors.flatMap((actor) => (actor.actorGroup ? [actor.actorGroup.groupId] : [])).sort()).toEqual(role.groupIds);
    }
  });
});

describe('ground truth at the medium preset', () => {
  it('streams every record over HTTP (the single-document export overflowed a string here)', async () => {
    const sim = await startSimulator({ preset: 'medium' });
    try {
      const response = await fetch(`${sim.sites[0]?.siteUrl ?? ''}/__sim/ground-truth?readers=false`);
      const counts = new Map<string, number>();
      const decoder = new TextDecoder();
      let rest = '';
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          const kind = (JSON.parse(line) as { kind: string }).kind;
          counts.set(kind, (counts.get(kind) ?? 0) + 1);
        }
      }
      expect(rest).toBe('');
      expect(counts.get('issue')).toBe(sim.control.site().issues.size);
      expect(counts.get('comment')).toBe(sim.control.site().comments.size);
    } finally {
      await sim.stop();
    }
  }, 240_000);
});
