/** Temporal task queue names shared by the api (which starts workflows) and the worker (which polls them). */
export const TASK_QUEUES = {
  sync: 'jira-sync',
} as const;
