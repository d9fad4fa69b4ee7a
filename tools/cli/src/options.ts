import { InvalidArgumentError } from 'commander';

/** Project keys as Jira spells them (ENG, OPS_2), comma separated on the command line. */
export function projectKeys(value: string): string[] {
  const keys = value
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
  const bad = keys.filter((key) => !/^[A-Z][A-Z0-9_]*$/.test(key));
  if (keys.length === 0) throw new InvalidArgumentError('list at least one project key, e.g. ENG,OPS');
  if (bad.length > 0) throw new InvalidArgumentError(`${bad.join(', ')}: project keys are upper-case letters, digits and underscores, e.g. ENG`);
  return keys;
}

/** A whole number within bounds, with a message that says the bounds. */
export function integer(min: number, max: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) throw new InvalidArgumentError(`give a whole number from ${min} to ${max}`);
    return number;
  };
}

/** An ISO 8601 time; a bare date means midnight UTC. */
export function isoTime(value: string): string {
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(withZone) || Number.isNaN(Date.parse(withZone))) {
    throw new InvalidArgumentError('give an ISO 8601 date or time with an offset, e.g. 2026-01-31 or 2026-01-31T09:00:00+01:00');
  }
  return withZone;
}

export interface TFilterFlags {
  projectsIn?: string[];
  projectsNotIn?: string[];
  createdAfter?: string;
  createdBefore?: string;
  modifiedAfter?: string;
  modifiedBefore?: string;
  indexIssues?: boolean;
  indexAttachments?: boolean;
}

/** The sync filters the flags describe, or undefined when no filter flag was given (the stored filters stay). */
export function syncFiltersOf(flags: TFilterFlags) {
  if (flags.projectsIn && flags.projectsNotIn) throw new InvalidArgumentError('give --projects-in or --projects-not-in, not both');
  const range = (after?: string, before?: string) => (after || before ? { ...(after ? { after } : {}), ...(before ? { before } : {}) } : undefined);
  const projects = flags.projectsIn ? { operator: 'in' as const, keys: flags.projectsIn } : flags.projectsNotIn ? { operator: 'not_in' as const, keys: flags.projectsNotIn } : undefined;
  const created = range(flags.createdAfter, flags.createdBefore);
  const modified = range(flags.modifiedAfter, flags.modifiedBefore);
  if (!projects && !created && !modified) return undefined;
  return { ...(projects ? { projects } : {}), ...(created ? { created } : {}), ...(modified ? { modified } : {}) };
}

/** The indexing filters the flags describe; `--no-index-issues` and `--no-index-attachments` turn one off. */
export function indexingFiltersOf(flags: TFilterFlags) {
  if (flags.indexIssues === undefined && flags.indexAttachments === undefined) return undefined;
  return { issues: flags.indexIssues ?? true, attachments: flags.indexAttachments ?? true };
}
