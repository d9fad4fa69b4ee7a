/**
 * The one workflow every simulated project uses: To Do -> In Progress -> Done, with the way back. Transitions are
 * status-bound (not global), unconditional and screenless, so an issue's available transitions depend only on its
 * status. The initial "Create" transition is never offered on an existing issue, as in Jira.
 */
import type { Issue } from './types.js';

export interface WorkflowTransition {
  id: string;
  name: string;
  from: Issue['status'];
  to: Issue['status'];
}

export const WORKFLOW_TRANSITIONS: readonly WorkflowTransition[] = [
  { id: '21', name: 'Start progress', from: 'To Do', to: 'In Progress' },
  { id: '31', name: 'Done', from: 'To Do', to: 'Done' },
  { id: '11', name: 'Stop progress', from: 'In Progress', to: 'To Do' },
  { id: '31', name: 'Done', from: 'In Progress', to: 'Done' },
  { id: '41', name: 'Reopen', from: 'Done', to: 'To Do' },
];

/** Transitions available from a status, in workflow order. */
export function transitionsFrom(status: Issue['status']): WorkflowTransition[] {
  return WORKFLOW_TRANSITIONS.filter((transition) => transition.from === status);
}
