/** Chooses the injected fault, if any, for a request; rules are evaluated in the order they were added. */
import type { Rng } from '../util/rng.js';
import type { ActiveFault, FaultRule } from './fault-types.js';

export interface FaultTarget {
  method: string;
  template: string;
  credential: string;
  cloudId: string;
}

function pathMatches(pattern: string | undefined, template: string): boolean {
  if (!pattern) return true;
  if (pattern.endsWith('*')) return template.startsWith(pattern.slice(0, -1));
  return pattern === template;
}

export class FaultEngine {
  private rules: ActiveFault[] = [];
  private nextId = 1;

  constructor(private readonly rng: Rng) {}

  add(rule: FaultRule): ActiveFault {
    const active: ActiveFault = { ...rule, id: this.nextId++, seen: 0, applied: 0 };
    this.rules.push(active);
    return active;
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): ActiveFault[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** Every rule that fires for this request (latency rules combine with one terminal rule). */
  pick(target: FaultTarget): ActiveFault[] {
    const fired: ActiveFault[] = [];
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== target.method) continue;
      if (!pathMatches(rule.path, target.template)) continue;
      if (rule.credential && rule.credential !== target.credential) continue;
      if (rule.cloudId && rule.cloudId !== target.cloudId) continue;
      if (rule.times !== undefined && rule.applied >= rule.times) continue;
      rule.seen += 1;
      if (rule.everyNth && rule.seen % rule.everyNth !== 0) continue;
      if (rule.probability !== undefined && this.rng.next() >= rule.probability) continue;
      rule.applied += 1;
      fired.push(rule);
    }
    return fired;
  }
}
