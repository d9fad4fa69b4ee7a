/**
 * Read ACLs as a perfect connector would resolve them. The main layer is the Browse Projects grant holders for the
 * record (anyone, group ids, account ids); `also` lists further layers the reader must satisfy too (issue security
 * level, comment visibility). A reader satisfies a layer when it is `anyone`, a listed account, or an active member of
 * a listed group. `readers`, when requested, is the expanded list of active accounts satisfying every layer.
 */
import type { SiteState } from '../model/site-state.js';
import type { Holder, Issue, Project } from '../model/types.js';

export interface AclLayer {
  anyone: boolean;
  groupIds: string[];
  accountIds: string[];
}

export interface Acl extends AclLayer {
  also?: AclLayer[];
  readers?: string[];
}

export interface Principals {
  anyone: boolean;
  groupIds: Set<string>;
  accountIds: Set<string>;
}

export function emptyPrincipals(): Principals {
  return { anyone: false, groupIds: new Set(), accountIds: new Set() };
}

/** Adds the principals a holder stands for (in the context of a project and, for dynamic holders, an issue). */
export function addHolder(site: SiteState, out: Principals, holder: Holder, project: Project, issue?: Issue): void {
  const user = (id: string | undefined): void => {
    if (id) out.accountIds.add(id);
  };
  const group = (id: string | undefined): void => {
    if (id) out.groupIds.add(id);
  };
  switch (holder.type) {
    case 'anyone':
      out.anyone = true;
      return;
    case 'applicationRole':
      return group(site.appAccessGroupId);
    case 'group':
      return group(holder.value);
    case 'user':
      return user(holder.value);
    case 'projectLead':
      return user(project.leadAccountId);
    case 'projectRole':
      for (const actor of project.roleActors.get(Number(holder.value)) ?? []) (actor.kind === 'user' ? user : group)(actor.ref);
      return;
    case 'reporter':
      return user(issue?.reporterAccountId);
    case 'assignee':
      return user(issue?.assigneeAccountId);
    case 'userCustomField':
      return user(issue?.custom.userPicker);
    case 'groupCustomField':
      return group(issue?.custom.groupPicker);
  }
}

export function toLayer(principals: Principals): AclLayer {
  return { anyone: principals.anyone, groupIds: [...principals.groupIds].sort(), accountIds: [...principals.accountIds].sort() };
}

/** Expands layers to the active accounts that satisfy all of them (memoised per layer). */
export class ReaderExpander {
  private readonly memo = new Map<string, Set<string>>();

  constructor(private readonly site: SiteState) {}

  readers(layers: AclLayer[]): string[] {
    const sets = layers.map((layer) => this.expand(layer));
    const [first, ...rest] = sets.sort((left, right) => left.size - right.size);
    if (!first) return [];
    return [...first].filter((id) => rest.every((set) => set.has(id))).sort();
  }

  private expand(layer: AclLayer): Set<string> {
    const key = `${layer.anyone ? '*' : ''}|${layer.groupIds.join(',')}|${layer.accountIds.join(',')}`;
    let readers = this.memo.get(key);
    if (readers) return readers;
    readers = new Set<string>();
    if (layer.anyone) {
      for (const user of this.site.users.values()) if (user.active) readers.add(user.accountId);
    } else {
      for (const id of layer.accountIds) if (this.site.users.get(id)?.active) readers.add(id);
      for (const groupId of layer.groupIds) for (const id of this.site.groups.get(groupId)?.members ?? []) if (this.site.users.get(id)?.active) readers.add(id);
    }
    if (this.memo.size > 5000) this.memo.clear();
    this.memo.set(key, readers);
    return readers;
  }
}
