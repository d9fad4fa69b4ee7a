/** `fields.issuelinks`: each link appears on both of its issues, outward on the source and inward on the target. */
import { linkTypeOf } from '../model/link-types.js';
import type { SiteState } from '../model/site-state.js';
import type { Issue, IssueLink } from '../model/types.js';
import type { ViewContext } from './view-context.js';

type IssueRef = (view: ViewContext, id: string) => Record<string, unknown> | null;
type Inward = Map<string, Array<{ link: IssueLink; fromIssueId: string }>>;

// Links are only created by the generator, so one inward index per site state serves every request.
const INWARD = new WeakMap<SiteState, Inward>();

function inwardOf(site: SiteState): Inward {
  let index = INWARD.get(site);
  if (index) return index;
  index = new Map();
  for (const issue of site.issues.values()) {
    for (const link of issue.links) {
      const list = index.get(link.outwardIssueId) ?? [];
      list.push({ link, fromIssueId: issue.id });
      index.set(link.outwardIssueId, list);
    }
  }
  INWARD.set(site, index);
  return index;
}

function typeJson(view: ViewContext, link: IssueLink): Record<string, unknown> {
  const type = linkTypeOf(link.type);
  return { id: type.id, name: type.name, inward: type.inward, outward: type.outward, self: `${view.siteUrl}/rest/api/3/issueLinkType/${type.id}` };
}

/** Outward links first, then inward ones; links to deleted issues are left out. */
export function renderIssueLinks(view: ViewContext, issue: Issue, issueRef: IssueRef): unknown[] {
  const out: unknown[] = [];
  for (const link of issue.links) {
    const other = issueRef(view, link.outwardIssueId);
    if (other) out.push({ id: link.id, self: `${view.siteUrl}/rest/api/3/issueLink/${link.id}`, type: typeJson(view, link), outwardIssue: other });
  }
  for (const { link, fromIssueId } of inwardOf(view.site).get(issue.id) ?? []) {
    const other = issueRef(view, fromIssueId);
    if (other) out.push({ id: link.id, self: `${view.siteUrl}/rest/api/3/issueLink/${link.id}`, type: typeJson(view, link), inwardIssue: other });
  }
  return out;
}
