/** Parent -> children lookups backed by a lazily built index. */
import type { SiteState } from './site-state.js';
import type { Issue } from './types.js';

export function childrenOf(site: SiteState, parentId: string): Issue[] {
  if (!site.childIndex) {
    const index = new Map<string, Issue[]>();
    for (const issue of site.issues.values()) {
      if (!issue.parentId) continue;
      const list = index.get(issue.parentId) ?? [];
      list.push(issue);
      index.set(issue.parentId, list);
    }
    site.childIndex = index;
  }
  return site.childIndex.get(parentId) ?? [];
}
