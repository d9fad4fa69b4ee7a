/** What a perfect connector ends up with for a site, as one document (small sites; stream larger ones). */
import type { SiteState } from '../model/site-state.js';
import type { AttachmentTruth, CommentTruth, GroundTruthOptions, GroupTruth, IssueTruth, ProjectTruth, UserTruth } from './ground-truth-records.js';
import { groundTruthRecords } from './ground-truth-records.js';

export type { GroundTruthOptions } from './ground-truth-records.js';

export interface GroundTruth {
  cloudId: string;
  siteName: string;
  users: UserTruth[];
  groups: GroupTruth[];
  projects: ProjectTruth[];
  issues: IssueTruth[];
  comments: CommentTruth[];
  attachments: AttachmentTruth[];
}

/** Collects the streamed records of one site into one document. */
export function computeGroundTruth(site: SiteState, options: GroundTruthOptions = {}): GroundTruth {
  const out: GroundTruth = { cloudId: site.cloudId, siteName: site.name, users: [], groups: [], projects: [], issues: [], comments: [], attachments: [] };
  for (const record of groundTruthRecords(site, options)) {
    if (record.kind === 'user') out.users.push(record);
    else if (record.kind === 'group') out.groups.push(record);
    else if (record.kind === 'project') out.projects.push(record);
    else if (record.kind === 'issue') out.issues.push(record);
    else if (record.kind === 'comment') out.comments.push(record);
    else if (record.kind === 'attachment') out.attachments.push(record);
  }
  return out;
}
