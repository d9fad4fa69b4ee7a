import { describe, expect, it } from 'vitest';
import { canSeeAttachmentOnIssue, canSeeComment, canSeeIssue } from '../permissions/access.js';
import { startSimulator } from '../simulator/start-simulator.js';

describe('ground truth', () => {
  it('is identical for the same preset and seed and differs for another seed', async () => {
    const [first, second, other] = await Promise.all([startSimulator(), startSimulator(), startSimulator({ seed: 2 })]);
    try {
      const a = first.control.groundTruth();
      expect(second.control.groundTruth()).toEqual(a);
      expect(other.control.groundTruth().issues.map((issue) => issue.summary)).not.toEqual(a.issues.map((issue) => issue.summary));
    } finally {
      await Promise.all([first.stop(), second.stop(), other.stop()]);
    }
  });

  it('agrees with the permission checks the API applies, for every account and record', async () => {
    const sim = await startSimulator();
    try {
      const site = sim.control.site();
      const truth = sim.control.groundTruth();
      const mismatches: string[] = [];
      // Inactive accounts cannot log in, so they are never readers (they only see what anonymous sees).
      for (const user of [...site.users.values()].filter((candidate) => candidate.active)) {
        for (const issue of truth.issues) {
          const expected = canSeeIssue(site, user, site.issues.get(issue.id) ?? ({} as never));
          if (expected !== issue.acl.readers?.includes(user.accountId)) mismatches.push(`${issue.key} ${user.displayName}`);
        }
        for (const comment of truth.comments) {
          const issue = site.issues.get(comment.issueId);
          const raw = site.comments.get(comment.id);
          const expected = issue !== undefined && raw !== undefined && canSeeIssue(site, user, issue) && canSeeComment(site, user, raw, issue);
          if (expected !== comment.acl.readers?.includes(user.accountId)) mismatches.push(`comment ${comment.id} ${user.displayName}`);
        }
        for (const attachment of truth.attachments) {
          const issue = site.issues.get(attachment.issueId);
          const raw = site.attachments.get(attachment.id);
          const expected = issue !== undefined && raw !== undefined && canSeeIssue(site, user, issue) && canSeeAttachmentOnIssue(site, user, raw, issue);
          if (expected !== attachment.acl.readers?.includes(user.accountId)) mismatches.push(`attachment ${attachment.id} ${user.displayName}`);
        }
      }
      expect(mismatches).toEqual([]);
    } finally {
      await sim.stop();
    }
  });

  it("gives an attachment added through a restricted comment that comment's ACL, restriction layer included", async () => {
    const sim = await startSimulator();
    try {
      const truth = sim.control.groundTruth();
      const linked = truth.attachments.filter((attachment) => attachment.commentId !== undefined);
      expect(linked.length).toBeGreaterThan(0);
      for (const attachment of linked) {
        const comment = truth.comments.find((candidate) => candidate.id === attachment.commentId);
        expect(comment?.visibility).toBeDefined();
        expect(attachment.acl).toEqual(comment?.acl);
        expect(attachment.acl.also?.length).toBeGreaterThan(0);
      }
      const issueReaders = (id: string) => truth.issues.find((issue) => issue.id === id)?.acl.readers?.join(',');
      expect(linked.some((attachment) => attachment.acl.readers?.join(',') !== issueReaders(attachment.issueId))).toBe(true);
      expect(truth.attachments.filter((attachment) => attachment.commentId === undefined).every((attachment) => attachment.acl.readers?.join(',') === issueReaders(attachment.issueId))).toBe(true);
    } finally {
      await sim.stop();
    }
  });

  it('covers users, groups, projects, issues, comments and attachments with resolved ACLs', async () => {
    const sim = await startSimulator();
    try {
      const truth = sim.control.groundTruth();
      expect(truth.projects).toHaveLength(3);
      expect(truth.issues.length).toBeGreaterThanOrEqual(60);
      expect(truth.comments.length).toBeGreaterThan(60);
      expect(truth.attachments.length).toBeGreaterThan(5);
      expect(truth.issues.some((issue) => issue.acl.anyone)).toBe(true);
      expect(truth.issues.some((issue) => !issue.acl.anyone && issue.acl.groupIds.length > 0)).toBe(true);
      expect(truth.comments.some((comment) => comment.visibility?.type === 'role')).toBe(true);
      expect(truth.comments.some((comment) => comment.visibility?.type === 'group')).toBe(true);
      expect(truth.issues.some((issue) => issue.securityLevelId)).toBe(true);
      expect(truth.users.some((user) => !user.emailVisible)).toBe(true);
      expect(sim.control.groundTruth(sim.sites[1]?.cloudId).issues.length).toBeGreaterThan(0);
    } finally {
      await sim.stop();
    }
  });
});
