import { createPublishSmokeEvent, type SmokeActivityDeps } from './smoke.activity.js';

export type ActivityDeps = SmokeActivityDeps;

/** Builds every activity of jira-sync from its dependencies; the worker registers the result as is. */
export function createActivities(deps: ActivityDeps) {
  return {
    publishSmokeEvent: createPublishSmokeEvent(deps),
  };
}

/** The activity interface workflows proxy (import it as a type only). */
export type Activities = ReturnType<typeof createActivities>;
