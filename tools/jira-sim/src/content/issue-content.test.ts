import { describe, expect, it } from 'vitest';
import { ADF_MARK_TYPES, ADF_NODE_TYPES } from '../adf/index.js';
import type { AdfNode } from '../util/adf-types.js';
import { startSimulator } from '../simulator/start-simulator.js';
import { commentBodyOf, descriptionOf } from './issue-content.js';

function walk(node: AdfNode, visit: (node: AdfNode) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

function mediaIdsIn(doc: AdfNode): string[] {
  const out: string[] = [];
  walk(doc, (node) => {
    if (node.type === 'media') out.push(String(node.attrs?.id));
  });
  return out;
}

describe('generated ADF content', () => {
  it('uses every ADF node and mark in each site, with mentions of real users and media of real attachments', async () => {
    const sim = await startSimulator();
    try {
      for (const { cloudId } of sim.sites) {
        const site = sim.control.site(cloudId);
        const nodes = new Set<string>();
        const marks = new Set<string>();
        const mentioned: string[] = [];
        const media: string[] = [];
        const docs = [...site.issues.values()].map((issue) => descriptionOf(site, issue));
        docs.push(...[...site.comments.values()].map((comment) => commentBodyOf(site, comment)));
        for (const doc of docs) {
          walk(doc, (node) => {
            nodes.add(node.type);
            for (const mark of node.marks ?? []) marks.add(mark.type);
            if (node.type === 'mention') mentioned.push(String(node.attrs?.id));
            if (node.type === 'media' && node.attrs?.type === 'file') media.push(String(node.attrs.id));
          });
        }
        expect([...ADF_NODE_TYPES].filter((type) => !nodes.has(type))).toEqual([]);
        expect([...ADF_MARK_TYPES].filter((type) => !marks.has(type))).toEqual([]);
        expect(mentioned.length).toBeGreaterThan(0);
        expect(mentioned.every((id) => site.users.has(id))).toBe(true);
        const mediaIds = new Set([...site.attachments.values()].map((attachment) => attachment.mediaId));
        expect(media.length).toBeGreaterThan(0);
        expect(media.every((id) => mediaIds.has(id))).toBe(true);
      }
    } finally {
      await sim.stop();
    }
  });

  it('shows a file added through a restricted comment as media in that comment, not in the description', async () => {
    const sim = await startSimulator();
    try {
      const site = sim.control.site();
      const linked = [...site.attachments.values()].filter((attachment) => attachment.commentId !== undefined);
      expect(linked.length).toBeGreaterThan(0);
      for (const attachment of linked) {
        const comment = site.comments.get(attachment.commentId ?? '');
        const issue = site.issues.get(attachment.issueId);
        if (!comment || !issue) throw new Error(`attachment ${attachment.id} lost its comment or issue`);
        expect(comment.visibility).toBeDefined();
        expect(mediaIdsIn(commentBodyOf(site, comment))).toContain(attachment.mediaId);
        expect(mediaIdsIn(descriptionOf(site, issue))).not.toContain(attachment.mediaId);
      }
    } finally {
      await sim.stop();
    }
  });
});
