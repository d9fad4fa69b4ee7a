/** Size parameters of the seeded data presets. */
export type PresetName = 'demo' | 'small' | 'medium' | 'large';

export interface PresetSpec {
  generatedUsers: number;
  projects: number;
  issues: number;
  /** Mean comments per issue. */
  commentsPerIssue: number;
  /** Probability that an issue has attachments (1-3 of them). */
  attachmentRate: number;
  /** Issue count of the second, small site. */
  secondSiteIssues: number;
  /** Default search lag for the standalone server. */
  serveSearchLagMs: number;
}

export const PRESETS: Record<PresetName, PresetSpec> = {
  demo: { generatedUsers: 20, projects: 3, issues: 60, commentsPerIssue: 3, attachmentRate: 0.35, secondSiteIssues: 8, serveSearchLagMs: 2000 },
  small: { generatedUsers: 120, projects: 5, issues: 1000, commentsPerIssue: 4, attachmentRate: 0.15, secondSiteIssues: 20, serveSearchLagMs: 2000 },
  medium: { generatedUsers: 500, projects: 10, issues: 10_000, commentsPerIssue: 4, attachmentRate: 0.12, secondSiteIssues: 50, serveSearchLagMs: 2000 },
  large: { generatedUsers: 2000, projects: 20, issues: 100_000, commentsPerIssue: 4, attachmentRate: 0.12, secondSiteIssues: 100, serveSearchLagMs: 2000 },
};

/** Returns a preset by name or throws a readable error listing the valid names. */
export function presetByName(name: string): PresetSpec {
  const spec = (PRESETS as Record<string, PresetSpec | undefined>)[name];
  if (!spec) throw new Error(`Unknown preset '${name}'. Use one of: ${Object.keys(PRESETS).join(', ')}.`);
  return spec;
}

/** Fixed instant the generated history ends at, so data does not depend on the wall clock. */
export const DATA_ANCHOR_MS = Date.UTC(2026, 9, 31, 12, 0, 0);
export const DAY_MS = 86_400_000;
