import { defineSignal } from '@temporalio/workflow';

/** What a project workflow tells its parent after each issues chunk: how far it got. */
export interface TProjectProgress {
  projectKey: string;
  issuesDone: number;
}

/** Sent by syncProjectWorkflow to the connector workflow that started it, so the parent's progress query moves. */
export const projectProgressSignal = defineSignal<[TProjectProgress]>('projectProgress');
